package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.option.SocketOptions;

/**
 * SO_BROADCAST on a veth pair made by the test ({@link VethLink}): this host is
 * 198.19.S.1/24, the peer host in its namespace 198.19.S.2/24, and the subnet
 * broadcast 198.19.S.255. The kernel hands a broadcast to this host's own
 * sockets on the port as well as to the wire, so a socket bound to the wildcard
 * address here receives it, and the peer host's UDP counter shows it arrived there.
 */
@Timeout(30)
class BroadcastTest {

    private static String unavailable;

    @BeforeAll
    static void probe() {
        unavailable = System.getProperty("os.name").startsWith("Linux") ? VethLink.unavailable()
                : "veth pairs and network namespaces are Linux only";
    }

    @Test
    void sendToTheSubnetBroadcastFailsWithEaccesWithoutSoBroadcastAndIsReceivedWithIt() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink link = VethLink.create();
             Socket receiver = Socket.open(Family.INET, Type.DGRAM);
             Socket sender = Socket.open(Family.INET, Type.DGRAM)) {
            receiver.bind(new InetSocketAddress(0));
            receiver.setBlocking(false);
            sender.bind(new InetSocketAddress(link.address4, 0));
            InetSocketAddress broadcast = new InetSocketAddress(link.broadcast4, port(receiver));
            byte[] msg = "to-everyone".getBytes(StandardCharsets.US_ASCII);
            long wire = link.peerReceived(Family.INET);

            assertFalse(sender.getOption(SocketOptions.SO_BROADCAST), "SO_BROADCAST is off by default");
            IOException refused = assertThrows(IOException.class,
                    () -> sender.sendTo(msg, 0, msg.length, broadcast));
            assertEquals(Errno.EACCES, ((NativeError) refused).errno(), refused::getMessage);
            assertEquals("sendto", ((NativeError) refused).operation());
            assertNothing(receiver);

            sender.setOption(SocketOptions.SO_BROADCAST, true);
            assertTrue(sender.getOption(SocketOptions.SO_BROADCAST));
            assertEquals(msg.length, sender.sendTo(msg, 0, msg.length, broadcast));
            byte[] buf = new byte[64];
            Received r = await(receiver, buf);
            assertEquals("to-everyone", new String(buf, 0, r.length(), StandardCharsets.US_ASCII));
            assertEquals(sender.localAddress(), r.source());
            awaitPeer(link, wire + 1); // and the other host on the link got it too
            assertEquals(wire + 1, link.peerReceived(Family.INET), "nothing reached the peer before SO_BROADCAST");

            sender.setOption(SocketOptions.SO_BROADCAST, false);
            assertFalse(sender.getOption(SocketOptions.SO_BROADCAST));
            IOException again = assertThrows(IOException.class, () -> sender.sendTo(msg, 0, msg.length, broadcast));
            assertEquals(Errno.EACCES, ((NativeError) again).errno(), again::getMessage);
        }
    }

    @Test
    void connectingToTheBroadcastAddressAlsoNeedsSoBroadcast() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink link = VethLink.create();
             Socket receiver = Socket.open(Family.INET, Type.DGRAM);
             Socket sender = Socket.open(Family.INET, Type.DGRAM)) {
            receiver.bind(new InetSocketAddress(0));
            receiver.setBlocking(false);
            sender.bind(new InetSocketAddress(link.address4, 0));
            InetSocketAddress broadcast = new InetSocketAddress(link.broadcast4, port(receiver));

            IOException refused = assertThrows(IOException.class, () -> sender.connect(broadcast));
            assertEquals(Errno.EACCES, ((NativeError) refused).errno(), refused::getMessage);

            sender.setOption(SocketOptions.SO_BROADCAST, true);
            assertTrue(sender.connect(broadcast));
            byte[] msg = "connected".getBytes(StandardCharsets.US_ASCII);
            assertEquals(msg.length, sender.send(msg));
            byte[] buf = new byte[64];
            Received r = await(receiver, buf);
            assertEquals("connected", new String(buf, 0, r.length(), StandardCharsets.US_ASCII));
        }
    }

    private static int port(Socket s) throws IOException {
        return ((InetSocketAddress) s.localAddress()).getPort();
    }

    private static Received await(Socket s, byte[] buf) throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        Received r;
        while ((r = s.recvFrom(buf, 0, buf.length)) == null && System.nanoTime() < end) Thread.sleep(5);
        assertNotNull(r, "no broadcast arrived within 2 s");
        return r;
    }

    private static void assertNothing(Socket s) throws Exception {
        byte[] buf = new byte[64];
        long end = System.nanoTime() + 250_000_000L;
        do {
            assertNull(s.recvFrom(buf, 0, buf.length), "a refused broadcast arrived");
            Thread.sleep(5);
        } while (System.nanoTime() < end);
    }

    private static void awaitPeer(VethLink link, long atLeast) throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        long seen;
        while ((seen = link.peerReceived(Family.INET)) < atLeast && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(seen >= atLeast, "the peer host counted " + seen + " broadcasts, expected " + atLeast);
    }
}
