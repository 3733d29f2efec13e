package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/** What the exceptions say: the cause in the user's terms, the peer or option involved, never an object's identity. */
@Timeout(30)
class MessagesTest {

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void aRefusedDatagramNamesThePeerAndTheIcmpReport(Family family) throws Exception {
        assumeFalse(Wine.running(), "Wine 8 does not pass an ICMP port unreachable on to a connected UDP socket");
        try (Socket s = Loopback.datagram(family)) {
            int closedPort;
            try (Socket probe = Loopback.datagram(family)) {
                closedPort = ((InetSocketAddress) probe.localAddress()).getPort();
            }
            InetSocketAddress peer = new InetSocketAddress(Loopback.address(family), closedPort);
            s.connect(peer);
            s.send(new byte[] {1});
            PortUnreachableException e = assertThrows(PortUnreachableException.class, () -> {
                for (int i = 0; i < 100; i++) { // the ICMP report arrives a moment after the datagram left
                    s.send(new byte[] {2});
                    Thread.sleep(10);
                }
            });
            assertEquals("send", ((NativeError) e).operation());
            assertEquals(Errno.ECONNREFUSED, ((NativeError) e).errno());
            assertEquals("send: " + peer + " reported ICMP port unreachable for an earlier datagram:"
                    + " Connection refused (ECONNREFUSED)", e.getMessage());
            s.send(new byte[] {3});
            PortUnreachableException r = assertThrows(PortUnreachableException.class, () -> s.recv(new byte[4]));
            assertEquals("recv: " + peer + " reported ICMP port unreachable for an earlier datagram:"
                    + " Connection refused (ECONNREFUSED)", r.getMessage());
        }
    }

    @Test
    void aReceiveTimeoutSaysItExpiredAndNamesTheOption() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            s.setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(100));
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> s.recv(new byte[4]));
            Errno errno = ((NativeError) e).errno(); // POSIX EAGAIN, Windows WSAETIMEDOUT
            assertEquals("recv: the receive timeout (SO_RCVTIMEO " + s.getOption(SocketOptions.SO_RCVTIMEO)
                    + ") expired (" + errno.name() + ")", e.getMessage());
            e = assertThrows(SocketTimeoutException.class, () -> s.recvFrom(new byte[4], 0, 4));
            assertTrue(e.getMessage().startsWith("recvfrom: the receive timeout (SO_RCVTIMEO "), e.getMessage());
        }
    }

    @Test
    void aSendTimeoutSaysItExpiredAndNamesTheOption() throws Exception {
        try (Loopback.Pair pair = Loopback.tcpPair(Family.INET)) {
            Socket s = pair.client();
            s.setOption(SocketOptions.SO_SNDBUF, 4096);
            s.setOption(SocketOptions.SO_SNDTIMEO, Duration.ofMillis(100));
            byte[] chunk = new byte[65536];
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> {
                for (int i = 0; i < 10_000; i++) s.send(chunk); // nobody reads: the buffers fill, then send waits
            });
            Errno errno = ((NativeError) e).errno();
            assertEquals("send: the send timeout (SO_SNDTIMEO " + s.getOption(SocketOptions.SO_SNDTIMEO)
                    + ") expired (" + errno.name() + ")", e.getMessage());
        }
    }

    @Test
    void aNonBlockingCallThatFindsNothingReadyIsNoTimeout() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            s.setBlocking(false);
            assertEquals(Socket.WOULD_BLOCK, s.recv(new byte[4]));
        }
    }

    @Test
    void anArrayValueIsShownByLengthAndContentsNotIdentity() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.setOption(SocketOptions.IP_OPTIONS, new byte[] {1, 2, 3}));
            assertEquals("IP_OPTIONS must be 0..40 bytes, a multiple of 4: 3 bytes [1, 2, 3]", e.getMessage());
            assertFalse(e.getMessage().contains("[B@"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void articlesFitTheWordsThatFollow() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.bind(UnixDomainSocketAddress.of("x.sock")));
            assertEquals("local must be an InetSocketAddress on an INET socket, not UnixDomainSocketAddress x.sock",
                    e.getMessage());
            SockOpt raw = SocketOptions.IP_TTL;
            e = assertThrows(IllegalArgumentException.class, () -> s.setOption(raw, "64"));
            assertEquals("IP_TTL takes an Integer, not String 64", e.getMessage());
        }
        assertEquals("an IpMreq", SocketOptions.IP_ADD_MEMBERSHIP.rule());
        assertEquals("a GroupReq", SocketOptions.MCAST_JOIN_GROUP.rule());
        if (Family.UNIX.isSupported()) {
            try (Socket s = Socket.open(Family.UNIX, Type.STREAM)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> s.bind(new InetSocketAddress("127.0.0.1", 0)));
                assertTrue(e.getMessage().startsWith("local must be a UnixDomainSocketAddress or an AbstractUnixAddress on a UNIX socket"),
                        e.getMessage());
            } catch (IOException e) {
                // Wine opens no AF_UNIX socket
            }
        }
    }
}
