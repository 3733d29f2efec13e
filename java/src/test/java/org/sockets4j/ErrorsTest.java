package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(10)
class ErrorsTest {

    /** A port on the family's loopback address that nobody listens on (just released by a bound socket). */
    private static InetSocketAddress closedPort(Family family) throws IOException {
        try (Socket s = Socket.open(family, Type.STREAM)) {
            s.bind(Loopback.any(family));
            return (InetSocketAddress) s.localAddress();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void connectToAClosedPortIsRefused(Family family) throws Exception {
        try (Socket s = Socket.open(family, Type.STREAM)) {
            // Bound first, so that connect() cannot pick the port just freed and connect to itself.
            s.bind(Loopback.any(family));
            InetSocketAddress target = closedPort(family);
            ConnectException e = assertThrows(ConnectException.class, () -> s.connect(target));
            NativeError n = assertInstanceOf(NativeError.class, e);
            assertEquals(Errno.ECONNREFUSED, n.errno());
            assertEquals("connect", n.operation());
            assertTrue(n.nativeCode() > 0, "the OS's own number is kept");
            assertEquals("connect " + target + ": Connection refused (ECONNREFUSED)", e.getMessage());
            assertTrue(n.nativeDescription().toLowerCase(java.util.Locale.ROOT).contains("refused"),
                    n.nativeDescription());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void bindingAPortInUseFails(Family family) throws Exception {
        try (Socket first = Loopback.listener(family); Socket second = Socket.open(family, Type.STREAM)) {
            BindException e = assertThrows(BindException.class, () -> second.bind(first.localAddress()));
            assertEquals(Errno.EADDRINUSE, ((NativeError) e).errno());
            assertEquals("bind", ((NativeError) e).operation());
            assertTrue(e.getMessage().endsWith("Address already in use (EADDRINUSE)"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void aPeerThatClosesWithUnreadDataResetsTheConnection(Family family) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Wine.running(),
                "Wine 8 closes a socket with unread data by FIN, not RST, so the peer reads end of stream");
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            p.client().send(new byte[] {1, 2, 3});
            awaitQueued(p.server(), 3);
            p.server().close(); // unread data: the kernel answers with RST, not FIN
            SocketException e = assertThrows(SocketException.class, () -> p.client().recv(new byte[8]));
            assertEquals(Errno.ECONNRESET, ((NativeError) e).errno());
            assertEquals("recv: Connection reset by peer (ECONNRESET)", e.getMessage());
        }
    }

    @Test
    void sendingAfterTheResetFailsWithoutASignal() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().send(new byte[] {1});
            awaitQueued(p.server(), 1);
            p.server().close();
            IOException e = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 100; i++) p.client().send(new byte[1024]);
            });
            Errno errno = ((NativeError) e).errno();
            assertTrue(errno == Errno.EPIPE || errno == Errno.ECONNRESET, errno.toString());
        }
    }

    @Test
    void aProtocolThatDoesNotFitTheTypeIsRefusedByTheKernel() {
        IOException e = assertThrows(IOException.class, () -> Socket.open(Family.INET, Type.STREAM, Protocol.UDP));
        assertEquals(Errno.EPROTONOSUPPORT, ((NativeError) e).errno());
        assertEquals("socket", ((NativeError) e).operation());
    }

    @Test
    void listenOnADatagramSocketIsNotSupported() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            SocketException e = assertThrows(SocketException.class, () -> s.listen(1));
            assertEquals(Errno.EOPNOTSUPP, ((NativeError) e).errno());
        }
    }

    @Test
    void everyErrnoHasCodeAndTextFromC() {
        for (Errno e : Errno.values()) {
            assertTrue(e.code() > 0, e.name());
            assertEquals(e, Errno.of(e.code()));
            assertTrue(!e.description().isBlank(), e.name());
        }
        assertEquals(Errno.EUNKNOWN, Errno.of(0));
        assertEquals(Errno.EUNKNOWN, Errno.of(100_000));
        assertEquals(org.sockets4j.internal.NativeErrors.limit() - 1, Errno.values().length);
    }

    private static void awaitQueued(Socket s, int bytes) throws Exception {
        byte[] peek = new byte[bytes];
        assertEquals(bytes, s.recv(peek, 0, bytes, MsgFlag.PEEK, MsgFlag.WAITALL));
    }
}
