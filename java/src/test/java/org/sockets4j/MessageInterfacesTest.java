package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.option.SocketOptions;

/**
 * recvmsg on a socket bound to the wildcard address, with IP_PKTINFO or
 * IPV6_RECVPKTINFO on, when datagrams come in from outside over two different
 * interfaces. The test makes two veth links ({@link VethLink}), A and B: this
 * host has 198.19.A.1 / fd00:19:A::1 on the one and 198.19.B.1 / fd00:19:B::1
 * on the other, and each peer end sits in its own namespace as 198.19.X.2 /
 * fd00:19:X::2. Each peer sends to the address of the host end it is
 * attached to, with bash's {@code /dev/udp}, so the datagram really arrives on
 * that interface. The packet info must name that address and that link's
 * index, and the source must be the peer.
 *
 * <p>One more datagram leaves peer A for host address B, routed over link A.
 * Linux takes it (any local address is accepted on any interface), and then the
 * destination is B's address while the interface is still A: the two fields
 * of the packet info are reported separately.
 *
 * <p>The loopback version, 127.0.0.1 and 127.0.0.2 on {@code lo}, is in
 * {@link MessageTest}.
 */
@Timeout(30)
class MessageInterfacesTest {

    private static final Duration WAIT = Duration.ofSeconds(3);

    private static String unavailable;

    @BeforeAll
    static void probe() {
        unavailable = System.getProperty("os.name").startsWith("Linux") ? VethLink.unavailable()
                : "veth pairs and network namespaces are Linux only";
    }

    @Test
    void ipPktinfoNamesTheAddressAndInterfaceEachIpv4DatagramArrivedOn() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink a = VethLink.create(); VethLink b = VethLink.create();
             Socket rx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            rx.setOption(SocketOptions.IP_PKTINFO, true);
            rx.setOption(SocketOptions.SO_RCVTIMEO, WAIT);
            int port = ((InetSocketAddress) rx.localAddress()).getPort();
            assertNotEquals(a.index(), b.index(), "two links, two indexes");

            send(a, a.address4, port, "to-a");
            expect(rx, "to-a", a.address4, a.index(), a.peer4);

            send(b, b.address4, port, "to-b");
            expect(rx, "to-b", b.address4, b.index(), b.peer4);

            // peer A reaches host address B through link A
            a.inside("ip", "route", "add", b.address4.getHostAddress() + "/32", "via", a.address4.getHostAddress());
            send(a, b.address4, port, "to-b-over-a");
            expect(rx, "to-b-over-a", b.address4, a.index(), a.peer4);
        }
    }

    @Test
    void ipv6RecvpktinfoNamesTheAddressAndInterfaceEachIpv6DatagramArrivedOn() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink a = VethLink.create(); VethLink b = VethLink.create();
             Socket rx = Socket.open(Family.INET6, Type.DGRAM)) {
            assumeTrue(a.ipv6Unavailable == null, a.ipv6Unavailable);
            assumeTrue(b.ipv6Unavailable == null, b.ipv6Unavailable);
            rx.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
            rx.setOption(SocketOptions.IPV6_RECVPKTINFO, true);
            rx.setOption(SocketOptions.SO_RCVTIMEO, WAIT);
            int port = ((InetSocketAddress) rx.localAddress()).getPort();
            assertNotEquals(a.index(), b.index(), "two links, two indexes");

            send(a, a.address6, port, "to-a");
            expect(rx, "to-a", a.address6, a.index(), peer6(a));

            send(b, b.address6, port, "to-b");
            expect(rx, "to-b", b.address6, b.index(), peer6(b));

            a.inside("ip", "-6", "route", "add", b.address6.getHostAddress() + "/128",
                    "via", a.address6.getHostAddress());
            send(a, b.address6, port, "to-b-over-a");
            expect(rx, "to-b-over-a", b.address6, a.index(), peer6(a));
        }
    }

    /** The peer end's IPv6 address, fd00:19:S::2 (VethLink names only the IPv4 one). */
    private static InetAddress peer6(VethLink link) throws Exception {
        return InetAddress.getByName("fd00:19:" + Integer.toHexString(link.subnet) + "::2");
    }

    /** One datagram from inside the link's peer namespace: bash opens /dev/udp/HOST/PORT and writes. */
    private static void send(VethLink from, InetAddress to, int port, String text) throws Exception {
        from.inside("bash", "-c", "printf %s '" + text + "' > /dev/udp/" + to.getHostAddress() + "/" + port);
    }

    private static void expect(Socket rx, String text, InetAddress destination, int index, InetAddress source)
            throws Exception {
        ByteBuffer data = ByteBuffer.allocate(64);
        Message m = rx.recvMsg(new ByteBuffer[] {data}, 256); // blocks at most WAIT (SO_RCVTIMEO)
        assertNotNull(m, "a blocking recvmsg returned nothing");
        assertEquals(text, new String(data.array(), 0, m.length(), StandardCharsets.US_ASCII));
        assertFalse(m.truncated());
        assertFalse(m.controlTruncated());
        assertEquals(source, ((InetSocketAddress) m.source()).getAddress(), text + ": the sender");
        ControlMessage.PacketInfo info = m.control().stream()
                .filter(ControlMessage.PacketInfo.class::isInstance).map(ControlMessage.PacketInfo.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(text + ": no PacketInfo in " + m.control()));
        assertEquals(destination, info.destination(), text + ": the destination");
        assertEquals(index, info.interfaceIndex(), text + ": the arriving interface");
    }
}
