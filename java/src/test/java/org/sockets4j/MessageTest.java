package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.internal.NativeConstants;
import org.sockets4j.internal.Platform;
import org.sockets4j.option.Level;
import org.sockets4j.option.SocketOptions;

/** sendmsg/recvmsg: what the sender set is what the receiver's ancillary data says. */
@Timeout(10)
class MessageTest {

    private static Message receive(Socket s) throws Exception {
        ByteBuffer[] data = {ByteBuffer.allocateDirect(64)};
        return s.recvMsg(data, 512);
    }

    private static <T extends ControlMessage> T find(Message m, Class<T> type) {
        return m.control().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + m.control()));
    }

    @Test
    void ipTtlIsVisibleThroughIpRecvttl() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(SocketOptions.IP_RECVTTL, true);
            tx.setOption(SocketOptions.IP_TTL, 33);
            tx.sendTo(new byte[] {1}, 0, 1, rx.localAddress());
            assertEquals(new ControlMessage.HopLimit(33), find(receive(rx), ControlMessage.HopLimit.class));
        }
    }

    @Test
    void ipv6UnicastHopsAreVisibleThroughIpv6Recvhoplimit() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET6); Socket tx = Socket.open(Family.INET6, Type.DGRAM)) {
            rx.setOption(SocketOptions.IPV6_RECVHOPLIMIT, true);
            tx.setOption(SocketOptions.IPV6_UNICAST_HOPS, 17);
            tx.sendTo(new byte[] {1}, 0, 1, rx.localAddress());
            assertEquals(new ControlMessage.HopLimit(17), find(receive(rx), ControlMessage.HopLimit.class));
        }
    }

    @Test
    void ipTosAndIpv6TclassAreVisibleToTheReceiver() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(SocketOptions.IP_RECVTOS, true);
            tx.setOption(SocketOptions.IP_TOS, 0x28);
            tx.sendTo(new byte[] {1}, 0, 1, rx.localAddress());
            assertEquals(new ControlMessage.TrafficClass(0x28), find(receive(rx), ControlMessage.TrafficClass.class));
        }
        if (Wine.running()) return; // Wine 8 has no IPV6_TCLASS (OptionsTest writes that down)
        try (Socket rx = Loopback.datagram(Family.INET6); Socket tx = Socket.open(Family.INET6, Type.DGRAM)) {
            rx.setOption(SocketOptions.IPV6_RECVTCLASS, true);
            tx.setOption(SocketOptions.IPV6_TCLASS, 0x28);
            tx.sendTo(new byte[] {1}, 0, 1, rx.localAddress());
            assertEquals(new ControlMessage.TrafficClass(0x28), find(receive(rx), ControlMessage.TrafficClass.class));
        }
    }

    @Test
    void pktinfoTellsWhichLocalAddressAndInterfaceADatagramCameTo() throws Exception {
        int lo = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1")).getIndex();
        try (Socket rx = Socket.open(Family.INET, Type.DGRAM); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.bind(new InetSocketAddress("0.0.0.0", 0));
            rx.setOption(SocketOptions.IP_PKTINFO, true);
            int port = ((InetSocketAddress) rx.localAddress()).getPort();
            for (String to : new String[] {"127.0.0.1", "127.0.0.2"}) {
                tx.sendTo(new byte[] {1}, 0, 1, new InetSocketAddress(to, port));
                ControlMessage.PacketInfo p = find(receive(rx), ControlMessage.PacketInfo.class);
                assertEquals(InetAddress.getByName(to), p.destination());
                assertEquals(lo, p.interfaceIndex());
            }
        }
        try (Socket rx = Socket.open(Family.INET6, Type.DGRAM); Socket tx = Socket.open(Family.INET6, Type.DGRAM)) {
            rx.bind(new InetSocketAddress("::", 0));
            rx.setOption(SocketOptions.IPV6_RECVPKTINFO, true);
            tx.sendTo(new byte[] {1}, 0, 1, new InetSocketAddress("::1", ((InetSocketAddress) rx.localAddress()).getPort()));
            ControlMessage.PacketInfo p = find(receive(rx), ControlMessage.PacketInfo.class);
            assertEquals(InetAddress.getByName("::1"), p.destination());
            assertEquals(lo, p.interfaceIndex());
        }
    }

    @Test
    void aSourceChosenWithPktinfoIsTheSourceTheReceiverSees() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Wine.running(), "Wine 8 ignores IP_PKTINFO given to WSASendMsg");
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            InetAddress chosen = InetAddress.getByName("127.0.0.2");
            ByteBuffer[] data = {ByteBuffer.wrap(new byte[] {7})};
            assertEquals(1, tx.sendMsg(data, rx.localAddress(), List.of(ControlMessage.PacketInfo.source(chosen, 0))));
            Received r = rx.recvFrom(new byte[4], 0, 4);
            assertEquals(chosen, ((InetSocketAddress) r.source()).getAddress());
        }
    }

    @Test
    void aHopLimitSentWithOneDatagramAppliesToThatDatagram() throws Exception {
        if (Platform.current().os().equals("windows")) {
            try (Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
                UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(
                        UnsupportedOperationException.class, () -> tx.sendMsg(new ByteBuffer[] {ByteBuffer.allocate(1)},
                                new InetSocketAddress("127.0.0.1", 9), List.of(new ControlMessage.HopLimit(5))));
                assertTrue(e.getMessage().startsWith("sendmsg with [HopLimit[value=5]] is not supported"), e.getMessage());
            }
            return;
        }
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(SocketOptions.IP_RECVTTL, true);
            tx.sendMsg(new ByteBuffer[] {ByteBuffer.allocate(1)}, rx.localAddress(), List.of(new ControlMessage.HopLimit(5)));
            tx.sendMsg(new ByteBuffer[] {ByteBuffer.allocate(1)}, rx.localAddress(), List.of());
            assertEquals(5, find(receive(rx), ControlMessage.HopLimit.class).value());
            assertEquals(64, find(receive(rx), ControlMessage.HopLimit.class).value(), "the next one: the default");
        }
    }

    @Test
    void buffersAreGatheredAndScatteredInOrder() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            ByteBuffer a = ByteBuffer.wrap(new byte[] {1, 2});
            ByteBuffer b = ByteBuffer.allocateDirect(3).put(new byte[] {3, 4, 5}).flip();
            ByteBuffer c = ByteBuffer.wrap(new byte[] {6});
            assertEquals(6, tx.sendMsg(new ByteBuffer[] {a, b, c}, rx.localAddress(), List.of()));
            assertFalse(a.hasRemaining() || b.hasRemaining() || c.hasRemaining());
            ByteBuffer x = ByteBuffer.allocateDirect(4), y = ByteBuffer.allocate(4);
            Message m = rx.recvMsg(new ByteBuffer[] {x, y}, 0);
            assertEquals(6, m.length());
            // the sender bound itself to the wildcard; the receiver sees which address it sent from
            assertEquals(((InetSocketAddress) tx.localAddress()).getPort(), ((InetSocketAddress) m.source()).getPort());
            assertEquals(4, x.position());
            assertEquals(2, y.position());
            byte[] first = new byte[4];
            x.get(0, first);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, first);
            assertEquals(5, y.get(0));
            assertEquals(6, y.get(1));
        }
    }

    @Test
    void truncationOfDataAndOfControlIsReported() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(SocketOptions.IP_PKTINFO, true);
            rx.setOption(SocketOptions.IP_RECVTTL, true);
            tx.sendTo(new byte[10], 0, 10, rx.localAddress());
            Message m = rx.recvMsg(new ByteBuffer[] {ByteBuffer.allocate(4)}, 16);
            assertTrue(m.truncated(), "10 bytes into 4");
            assertTrue(m.controlTruncated(), "two control messages into 16 bytes");
        }
    }

    @Test
    void controlMessagesWithoutATypeArriveRaw() throws Exception {
        var timestamp = NativeConstants.get("SO_TIMESTAMP");
        assumeTrue(timestamp.isPresent(), "no SO_TIMESTAMP here");
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            int level = Level.SOCKET.nativeValue().getAsInt();
            rx.setRawOption(level, timestamp.getAsInt(), java.nio.ByteBuffer.allocate(4)
                    .order(java.nio.ByteOrder.nativeOrder()).putInt(1).array());
            tx.sendTo(new byte[] {1}, 0, 1, rx.localAddress());
            ControlMessage.Raw raw = find(receive(rx), ControlMessage.Raw.class);
            assertEquals(level, raw.level());
            assertEquals(timestamp.getAsInt(), raw.type());
            assertTrue(raw.data().length >= 8, "a struct timeval");
        }
    }

    @Test
    void aNonBlockingRecvmsgWithNothingQueuedReturnsNull() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET)) {
            rx.setBlocking(false);
            assertEquals(null, rx.recvMsg(new ByteBuffer[] {ByteBuffer.allocate(4)}, 64));
        }
    }
}
