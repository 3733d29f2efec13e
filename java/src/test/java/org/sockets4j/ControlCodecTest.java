package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockets4j.internal.NativeConstants;

/**
 * The codec against the record layouts C declares (message.h's structs, read through the
 * constants table): what it writes lies where C reads it, and what C writes it reads back.
 */
class ControlCodecTest {

    private static int c(String name) {
        return NativeConstants.require(name);
    }

    /** One record as C's s4j_record_put lays it out: header fields at their offsets, data, padding to 4. */
    private static ByteBuffer record(int kind, int level, int type, byte[] data) {
        int header = c("S4J_CMSG_HEADER");
        ByteBuffer b = ByteBuffer.allocate(header + (data.length + 3) / 4 * 4).order(ByteOrder.nativeOrder());
        b.putInt(c("S4J_CMSG_HEADER_KIND"), kind).putInt(c("S4J_CMSG_HEADER_LEVEL"), level)
                .putInt(c("S4J_CMSG_HEADER_TYPE"), type).putInt(c("S4J_CMSG_HEADER_LENGTH"), data.length);
        b.put(header, data);
        return b;
    }

    @Test
    void aPacketInfoToSendIsCsIpPktinfoWithTheSourceInLocal() throws Exception {
        byte[] records = ControlCodec.encode(
                List.of(new ControlMessage.PacketInfo(null, InetAddress.getByName("127.0.0.2"), 7)), Family.INET);
        ByteBuffer r = ByteBuffer.wrap(records).order(ByteOrder.nativeOrder());
        int header = c("S4J_CMSG_HEADER");
        assertEquals(c("S4J_CMSG_IP_PKTINFO"), r.getInt(c("S4J_CMSG_HEADER_KIND")));
        assertEquals(c("S4J_CMSG_IP_PKTINFO_SIZE"), r.getInt(c("S4J_CMSG_HEADER_LENGTH")));
        assertEquals(7, r.getInt(header + c("S4J_CMSG_IP_PKTINFO_IFINDEX")));
        byte[] local = new byte[4];
        r.get(header + c("S4J_CMSG_IP_PKTINFO_LOCAL"), local);
        assertArrayEquals(new byte[] {127, 0, 0, 2}, local);
    }

    @Test
    void recordsAsCWritesThemDecode() throws Exception {
        byte[] pktinfo = new byte[c("S4J_CMSG_IPV6_PKTINFO_SIZE")];
        ByteBuffer p = ByteBuffer.wrap(pktinfo).order(ByteOrder.nativeOrder());
        p.putInt(c("S4J_CMSG_IPV6_PKTINFO_IFINDEX"), 5);
        p.put(c("S4J_CMSG_IPV6_PKTINFO_ADDRESS"), InetAddress.getByName("::1").getAddress());
        byte[] hops = new byte[c("S4J_CMSG_INT_SIZE")];
        ByteBuffer.wrap(hops).order(ByteOrder.nativeOrder()).putInt(c("S4J_CMSG_INT_VALUE"), 17);
        ByteBuffer one = record(c("S4J_CMSG_IPV6_PKTINFO"), 0, 0, pktinfo);
        ByteBuffer two = record(c("S4J_CMSG_IPV6_HOPLIMIT"), 0, 0, hops);
        ByteBuffer three = record(c("S4J_CMSG_RAW"), 1234, 5, new byte[] {1, 2, 3});
        byte[] all = ByteBuffer.allocate(one.capacity() + two.capacity() + three.capacity())
                .put(one.array()).put(two.array()).put(three.array()).array();

        List<ControlMessage> got = ControlCodec.decode(all, all.length);

        assertEquals(3, got.size());
        ControlMessage.PacketInfo info = (ControlMessage.PacketInfo) got.get(0);
        assertEquals(InetAddress.getByName("::1"), info.destination());
        assertNull(info.local());
        assertEquals(5, info.interfaceIndex());
        assertEquals(new ControlMessage.HopLimit(17), got.get(1));
        ControlMessage.Raw raw = (ControlMessage.Raw) got.get(2);
        assertEquals(1234, raw.level());
        assertEquals(5, raw.type());
        assertArrayEquals(new byte[] {1, 2, 3}, raw.data());
    }

    @Test
    void whatItWritesItReadsBack() throws Exception {
        byte[] bytes = {9, 8, 7, 6, 5};
        List<ControlMessage> sent = List.of(new ControlMessage.HopLimit(9), new ControlMessage.TrafficClass(0x2e),
                new ControlMessage.Raw(1, 2, bytes));
        for (Family family : new Family[] {Family.INET, Family.INET6}) {
            byte[] records = ControlCodec.encode(sent, family);
            List<ControlMessage> got = ControlCodec.decode(records, records.length);
            assertEquals(sent.subList(0, 2), got.subList(0, 2), family.toString());
            ControlMessage.Raw raw = (ControlMessage.Raw) got.get(2);
            assertEquals(1, raw.level());
            assertEquals(2, raw.type());
            assertArrayEquals(bytes, raw.data());
        }
    }
}
