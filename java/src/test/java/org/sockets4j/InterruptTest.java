package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Thread#interrupt()} of a thread waiting in a blocking call closes the socket and ends the call in
 * {@link ClosedByInterruptException}, as the JDK's interruptible channels do, on platform threads (blocked in the
 * kernel) and on virtual threads (parked), and with a per-call timeout (parked on either kind).
 */
@Timeout(60)
class InterruptTest {

    /** A blocking call on a socket the test set up so that it waits. */
    interface Blocking {
        void run(Socket s) throws Exception;
    }

    /** A socket set up for a call that will wait, and what else must be closed afterwards. */
    record Setup(Socket socket, AutoCloseable rest) {}

    interface Maker {
        Setup make() throws IOException;
    }

    static Stream<Arguments> calls() {
        Maker tcp = () -> {
            Loopback.Pair p = Loopback.tcpPair(Family.INET);
            return new Setup(p.client(), p);
        };
        Maker udp = () -> {
            Socket s = Loopback.datagram(Family.INET);
            return new Setup(s, s);
        };
        Maker listener = () -> {
            Socket s = Loopback.listener(Family.INET6);
            return new Setup(s, s);
        };
        byte[] big = new byte[1 << 20];
        List<Arguments> all = List.of(
                Arguments.of("accept", listener, (Blocking) Socket::accept),
                Arguments.of("accept(timeout)", listener, (Blocking) s -> s.accept(Duration.ofSeconds(50))),
                Arguments.of("recv", tcp, (Blocking) s -> s.recv(new byte[10])),
                Arguments.of("recv(direct)", tcp, (Blocking) s -> s.recv(ByteBuffer.allocateDirect(10))),
                Arguments.of("recv(timeout)", tcp, (Blocking) s -> s.recv(ByteBuffer.allocate(10), Duration.ofSeconds(50))),
                Arguments.of("recv WAITALL", tcp, (Blocking) s -> s.recv(new byte[10], 0, 10, MsgFlag.WAITALL)),
                Arguments.of("recvFrom", udp, (Blocking) s -> s.recvFrom(new byte[10], 0, 10)),
                Arguments.of("recvMsg", udp, (Blocking) s -> s.recvMsg(new ByteBuffer[] {ByteBuffer.allocate(9)}, 0)),
                Arguments.of("send", tcp, (Blocking) s -> {
                    for (;;) s.send(big);
                }),
                Arguments.of("send(timeout)", tcp, (Blocking) s -> {
                    for (;;) s.send(ByteBuffer.wrap(big), Duration.ofSeconds(50));
                }));
        return Stream.of(Waiter.Kind.values()).flatMap(k -> all.stream().map(a -> Arguments.of(k, a.get()[0],
                a.get()[1], a.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void interruptClosesAndThrows(Waiter.Kind kind, String name, Maker maker, Blocking call) throws Exception {
        Setup setup = maker.make();
        try {
            Socket s = setup.socket();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Waiter<Void> w = Waiter.<Void>start(kind, () -> {
                try {
                    call.run(s);
                    return null;
                } finally {
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            }).waiting();
            assertFalse(w.isDone(), name + " did not wait");
            w.thread.interrupt();
            Throwable e = w.failure(20);
            assertInstanceOf(ClosedByInterruptException.class, e, name + ": " + e);
            assertFalse(s.isOpen(), "the interrupt closes the socket");
            assertTrue(stillInterrupted.get(), "the thread keeps its interrupt status");
        } finally {
            setup.rest().close();
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void anInterruptedThreadClosesTheSocketAsItStartsToWait(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Waiter<Void> w = Waiter.<Void>start(kind, () -> {
                Thread.currentThread().interrupt();
                p.client().recv(new byte[4]);
                return null;
            });
            assertInstanceOf(ClosedByInterruptException.class, w.failure(20));
            assertFalse(p.client().isOpen());
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void callsThatDoNotWaitIgnoreTheInterruptStatus(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Waiter<Integer> w = Waiter.start(kind, () -> {
                Thread.currentThread().interrupt();
                // Windows has no MSG_DONTWAIT (NonBlockingTest shows the refusal): there the non-blocking mode is the
                // only call that does not wait
                boolean dontWait = !MsgFlag.DONTWAIT.isSupported()
                        || p.client().recv(new byte[4], 0, 4, MsgFlag.DONTWAIT) == Socket.WOULD_BLOCK;
                p.client().setBlocking(false);
                int nonBlocking = p.client().recv(new byte[4]);
                return dontWait && nonBlocking == Socket.WOULD_BLOCK ? 1 : 0;
            });
            assertEquals(1, w.result(20));
            assertTrue(p.client().isOpen());
        }
    }

    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void dataReadyBeforeTheInterruptIsReturned(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.server().send(new byte[] {7});
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().recv(new byte[4]));
            assertEquals(1, w.result(20));
            assertTrue(p.client().isOpen());
        }
    }

    /** A connect that waits: to a listener whose accept queue is full, which Linux answers by dropping the SYN. */
    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void connectIsInterruptible(Waiter.Kind kind) throws Exception {
        Emulator.assumeRealKernel("connect to a full accept queue");
        try (Socket listener = Socket.open(Family.INET, Type.STREAM)) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.listen(0);
            SocketAddress target = listener.localAddress();
            List<Socket> fillers = new java.util.ArrayList<>();
            try {
                Socket waiting = null;
                for (int i = 0; i < 8 && waiting == null; i++) {
                    Socket c = Socket.open(Family.INET, Type.STREAM);
                    fillers.add(c);
                    try {
                        c.connect(target, Duration.ofMillis(300));
                    } catch (java.net.SocketTimeoutException e) {
                        waiting = c; // this one waited: the queue is full
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(waiting != null,
                        "this kernel completes connects to a full accept queue");
                Socket s = Socket.open(Family.INET, Type.STREAM);
                fillers.add(s);
                Waiter<Void> w = Waiter.<Void>start(kind, () -> {
                    s.connect(target);
                    return null;
                }).waiting();
                assertFalse(w.isDone(), "connect did not wait");
                w.thread.interrupt();
                assertInstanceOf(ClosedByInterruptException.class, w.failure(20));
                assertFalse(s.isOpen());
            } finally {
                fillers.forEach(Socket::close);
            }
        }
    }

    @Test
    void aCloseWithoutInterruptStaysASocketClosedException() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Waiter<Integer> w = Waiter.start(Waiter.Kind.PLATFORM, () -> p.client().recv(new byte[4])).waiting();
            p.client().close();
            Throwable e = w.failure(20);
            assertInstanceOf(SocketClosedException.class, e);
            assertFalse(e instanceof ClosedByInterruptException);
        }
    }
}
