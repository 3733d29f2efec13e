package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockets4j.option.SocketOptions;

/**
 * The parking way of blocking calls (virtual threads, per-call timeouts, sockets that parked once): each call
 * waits for readiness and completes as the kernel's blocking call would; timeouts end it without touching the
 * socket's options; a close wakes it at once.
 */
@Timeout(60)
class ParkingTest {

    private static final Duration SHORT = Duration.ofMillis(150);

    @Test
    void recvTimeoutEndsInSocketTimeoutExceptionAndLeavesTheSocketUsable() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> p.client().recv(new byte[4], 0, 4, SHORT));
            assertEquals("recv within 150 ms: Connection timed out (ETIMEDOUT)", e.getMessage());
            assertEquals(Errno.ETIMEDOUT, ((NativeError) e).errno());
            assertEquals(Duration.ZERO, p.client().getOption(SocketOptions.SO_RCVTIMEO), "options untouched");
            assertTrue(p.client().isBlocking(), "the mode callers see is untouched");
            p.server().send(new byte[] {1, 2, 3});
            byte[] got = new byte[4];
            assertEquals(3, p.client().recv(got, 0, 4, SHORT));
            assertEquals(3, got[2]);
            p.server().send(new byte[] {9});
            assertEquals(1, p.client().recv(got), "a plain blocking recv after a parked one");
        }
    }

    @Test
    void everyTimedCallTimesOut() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET); Socket udp = Loopback.datagram(Family.INET6)) {
            assertThrows(SocketTimeoutException.class, () -> listener.accept(SHORT));
            assertThrows(SocketTimeoutException.class, () -> udp.recvFrom(new byte[4], 0, 4, SHORT));
            assertThrows(SocketTimeoutException.class, () -> udp.recvFrom(ByteBuffer.allocateDirect(4), SHORT));
            assertThrows(SocketTimeoutException.class, () -> udp.recv(ByteBuffer.allocate(4), SHORT));
            assertThrows(SocketTimeoutException.class,
                    () -> udp.recvMsg(new ByteBuffer[] {ByteBuffer.allocate(4)}, 0, SHORT));
        }
    }

    @Test
    void timedCallsWaitOnNonBlockingSocketsToo() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET); Socket c = Socket.open(Family.INET, Type.STREAM)) {
            listener.setBlocking(false);
            assertThrows(SocketTimeoutException.class, () -> listener.accept(SHORT));
            c.connect(listener.localAddress(), Duration.ofSeconds(5));
            Accepted a = listener.accept(Duration.ofSeconds(5));
            assertNotNull(a);
            a.socket().close();
            assertFalse(listener.isBlocking());
            assertEquals(null, listener.accept(), "untimed calls keep the non-blocking answer");
        }
    }

    @Test
    void timedSendToAFullSocketSendsWhatFitsThenTimesOut() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            byte[] big = new byte[64 << 20];
            int sent = p.client().send(big, 0, big.length, SHORT);
            assertTrue(sent > 0 && sent < big.length, "sent " + sent);
            assertThrows(SocketTimeoutException.class, () -> {
                for (int i = 0; i < 100; i++) p.client().send(big, 0, big.length, SHORT);
            });
        }
    }

    @Test
    void theReceiveTimeoutOptionHoldsOnceTheSocketParks() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            assertThrows(SocketTimeoutException.class, () -> p.client().recv(ByteBuffer.allocate(1), SHORT));
            p.client().setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(200));
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> p.client().recv(new byte[1]));
            assertTrue(e.getMessage().contains("SO_RCVTIMEO"), e.getMessage());
            assertEquals(Errno.EAGAIN, ((NativeError) e).errno());
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void closeWakesAParkedCallAtOnce(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().recv(new byte[4], 0, 4, Duration.ofSeconds(50)))
                    .waiting();
            assertFalse(w.isDone());
            p.client().close();
            Throwable e = w.failure(10);
            SocketClosedException closed = assertInstanceOf(SocketClosedException.class, e);
            assertTrue(closed.whileBlocked());
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void closeWakesEveryParkedCallerOfASocket(Waiter.Kind kind) throws Exception {
        Socket listener = Loopback.listener(Family.INET);
        List<Waiter<Accepted>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) ws.add(Waiter.start(kind, () -> listener.accept(Duration.ofSeconds(50))));
        for (Waiter<Accepted> w : ws) w.waiting();
        listener.close();
        for (Waiter<Accepted> w : ws) assertInstanceOf(SocketClosedException.class, w.failure(10));
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void waitAllGathersEveryPieceWhenParked(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            byte[] want = new byte[300_000];
            new Random(7).nextBytes(want);
            byte[] got = new byte[want.length];
            Waiter<Integer> w = Waiter.start(kind,
                    () -> p.client().recv(got, 0, got.length, Duration.ofSeconds(30), MsgFlag.WAITALL)).waiting();
            for (int at = 0; at < want.length; at += 1000) {
                p.server().send(want, at, 1000);
                if (at % 50_000 == 0) Thread.sleep(5);
            }
            assertEquals(want.length, w.result(30));
            assertArrayEquals(want, got);
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void aParkedStreamSendSendsEverything(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            byte[] want = new byte[16 << 20];
            new Random(3).nextBytes(want);
            ByteBuffer direct = ByteBuffer.allocateDirect(want.length).put(want).flip();
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().send(direct, Duration.ofSeconds(50)));
            byte[] got = new byte[want.length];
            int n = 0;
            while (n < got.length) {
                int r = p.server().recv(got, n, got.length - n);
                assertTrue(r > 0);
                n += r;
            }
            assertEquals(want.length, w.result(30));
            assertFalse(direct.hasRemaining());
            assertTrue(Arrays.equals(want, got));
        }
    }

    /** Documented: parked, PEEK|WAITALL returns what is queued once something is, and leaves it queued. */
    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void parkedPeekWaitAllReturnsWhatIsQueuedWithoutTakingIt(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            byte[] got = new byte[6];
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().recv(got, 0, 6, Duration.ofSeconds(30),
                    MsgFlag.PEEK, MsgFlag.WAITALL)).waiting();
            p.server().send(new byte[] {1, 2, 3});
            assertEquals(3, w.result(30));
            byte[] again = new byte[3];
            assertEquals(3, p.client().recv(again, 0, 3, MsgFlag.WAITALL));
            assertArrayEquals(Arrays.copyOf(got, 3), again);
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void everyBlockingCallWorksOnEachKindOfThread(Waiter.Kind kind) throws Exception {
        kind.assume();
        try (Socket listener = Loopback.listener(Family.INET6);
             Socket client = Socket.open(Family.INET6, Type.STREAM);
             Socket udpA = Loopback.datagram(Family.INET);
             Socket udpB = Loopback.datagram(Family.INET)) {
            Waiter<Accepted> accept = Waiter.start(kind, listener::accept).waiting();
            Waiter<Boolean> connect = Waiter.start(kind, () -> client.connect(listener.localAddress()));
            assertTrue(connect.result(10));
            try (Socket server = accept.result(10).socket()) {
                Waiter<Integer> recv = Waiter.start(kind, () -> server.recv(new byte[8])).waiting();
                assertEquals(3, client.send(new byte[] {1, 2, 3}));
                assertEquals(3, recv.result(10));
                Waiter<Received> from = Waiter.start(kind, () -> udpA.recvFrom(new byte[8], 0, 8)).waiting();
                udpB.sendTo(ByteBuffer.wrap(new byte[] {5, 6}), udpA.localAddress());
                Received r = from.result(10);
                assertEquals(2, r.length());
                assertEquals(udpB.localAddress(), r.source());
                Waiter<Message> msg = Waiter.start(kind,
                        () -> udpA.recvMsg(new ByteBuffer[] {ByteBuffer.allocate(4), ByteBuffer.allocate(4)}, 0))
                        .waiting();
                udpB.sendTo(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}), udpA.localAddress());
                assertEquals(6, msg.result(10).length());
            }
        }
    }

    @Test
    void nonBlockingModeStillAnswersWouldBlockAfterParking() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            assertThrows(SocketTimeoutException.class, () -> p.client().recv(ByteBuffer.allocate(1), SHORT));
            p.client().setBlocking(false);
            assertEquals(Socket.WOULD_BLOCK, p.client().recv(new byte[1]));
            p.client().setBlocking(true);
            assertTrue(p.client().isBlocking());
            Waiter<Integer> w = Waiter.start(Waiter.Kind.PLATFORM, () -> p.client().recv(new byte[1])).waiting();
            assertFalse(w.isDone(), "blocking again: the call waits (parked)");
            p.server().send(new byte[] {1});
            assertEquals(1, w.result(10));
        }
    }

    @Test
    void connectWithTimeoutConnectsAndKeepsTheMode() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET); Socket c = Socket.open(Family.INET, Type.STREAM)) {
            c.connect(listener.localAddress(), Duration.ofSeconds(5));
            assertTrue(c.isBlocking());
            assertEquals(listener.localAddress(), c.remoteAddress());
        }
    }

    @Test
    void connectWithTimeoutReportsARefusal() throws Exception {
        int port;
        try (Socket l = Loopback.listener(Family.INET)) {
            port = ((InetSocketAddress) l.localAddress()).getPort();
        }
        try (Socket c = Socket.open(Family.INET, Type.STREAM)) {
            assertThrows(java.net.ConnectException.class,
                    () -> c.connect(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(5)));
        }
    }

    @Test
    void timeoutsAreChecked() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Socket s = p.client();
            assertEquals("timeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
                    () -> s.recv(new byte[1], 0, 1, Duration.ZERO)).getMessage());
            assertEquals("timeout must be positive: PT-1S", assertThrows(IllegalArgumentException.class,
                    () -> s.send(ByteBuffer.allocate(1), Duration.ofSeconds(-1))).getMessage());
            assertThrows(NullPointerException.class, () -> s.accept((Duration) null));
            // a timeout beyond what nanoseconds hold waits as long as it can, and data ends it
            s.setBlocking(true);
            p.server().send(new byte[] {1});
            assertEquals(1, s.recv(ByteBuffer.allocate(1), Duration.ofSeconds(Long.MAX_VALUE)));
        }
    }
}
