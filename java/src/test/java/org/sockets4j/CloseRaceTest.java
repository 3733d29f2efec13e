package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.option.SocketOptions;

/**
 * Calls that race a close on another thread. On POSIX the closer parks a dead
 * socket on the descriptor number while calls are in flight; whatever such a
 * call reads from it must never come back as the socket's own answer: the call
 * ends in {@link SocketClosedException}, or in the answer of the real socket.
 */
@Timeout(120)
class CloseRaceTest {

    private static final int RACES = 500;

    interface Call<T> {
        T call(Socket s) throws Exception;
    }

    /**
     * Runs call in a loop on another thread while this one closes the socket, RACES times;
     * returns every answer the calls gave (a value, or the exception they threw).
     */
    private static <T> List<Object> race(Call<Socket> open, Call<T> call) throws Exception {
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < RACES; i++) {
            Socket s = open.call(null);
            AtomicInteger done = new AtomicInteger();
            List<Object> seen = new ArrayList<>();
            Thread caller = new Thread(() -> {
                for (;;) {
                    try {
                        seen.add(call.call(s));
                        done.incrementAndGet();
                    } catch (Exception e) {
                        seen.add(e);
                        return;
                    }
                }
            }, "racing-call");
            caller.start();
            while (done.get() < 1 + (i % 7) && caller.isAlive()) Thread.onSpinWait(); // close at varying points
            s.close();
            caller.join(5_000);
            assertFalse(caller.isAlive(), "a call kept succeeding after close");
            answers.addAll(seen);
        }
        return answers;
    }

    private static void assertOnlyClosed(List<Object> answers, Class<?> expected) {
        for (Object a : answers) {
            if (a instanceof Exception e) {
                assertInstanceOf(SocketClosedException.class, e, "a call racing close failed otherwise: " + e);
            } else {
                assertInstanceOf(expected, a, "a call racing close answered from a socket that is not its own");
            }
        }
    }

    @Test
    void localAddressNeverComesFromThePlaceholder() throws Exception {
        List<Object> answers = race(x -> Loopback.datagram(Family.INET), Socket::localAddress);
        assertOnlyClosed(answers, InetSocketAddress.class);
    }

    @Test
    void getOptionNeverReadsThePlaceholder() throws Exception {
        // The placeholder is a stream socket: a datagram socket's SO_TYPE tells the two apart.
        List<Object> answers = race(x -> Socket.open(Family.INET, Type.DGRAM), s -> s.getOption(SocketOptions.SO_TYPE));
        for (Object a : answers) {
            if (a instanceof Exception e) assertInstanceOf(SocketClosedException.class, e);
            else assertEquals(Type.DGRAM.nativeValue().orElseThrow(), a, "SO_TYPE read from the placeholder");
        }
    }

    /**
     * FIONREAD of the placeholder is 0; the real socket has a datagram queued. This also covers setOption
     * and setBlocking, which go through the same bracket (Socket.call) and whose success on the
     * placeholder a test cannot tell from success on the socket.
     */
    @Test
    void bytesAvailableNeverReadsThePlaceholder() throws Exception {
        byte[] datagram = new byte[10];
        List<Object> answers = race(x -> {
            Socket s = Loopback.datagram(Family.INET);
            try (Socket sender = Socket.open(Family.INET, Type.DGRAM)) {
                sender.sendTo(datagram, 0, datagram.length, s.localAddress());
            }
            while (s.bytesAvailable() == 0) Thread.onSpinWait();
            return s;
        }, Socket::bytesAvailable);
        for (Object a : answers) {
            if (a instanceof Exception e) assertInstanceOf(SocketClosedException.class, e);
            else assertTrue((Integer) a > 0, "FIONREAD read 0 from the placeholder");
        }
    }

    /** A listener that answers no SYN: its backlog of 0 is full of connections nobody accepts. */
    private static Socket saturatedListener(List<Socket> fillers) throws Exception {
        Socket listener = Socket.open(Family.INET, Type.STREAM);
        listener.bind(Loopback.any(Family.INET));
        listener.listen(0);
        SocketAddress at = listener.localAddress();
        for (int i = 0; i < 4; i++) {
            Socket c = Socket.open(Family.INET, Type.STREAM);
            fillers.add(c);
            c.setBlocking(false);
            c.connect(at);
        }
        Thread.sleep(100);
        return listener;
    }

    @Test
    void aTimedConnectClosedByAnotherThreadThrowsClosed() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (Socket listener = saturatedListener(fillers)) {
            for (int round = 0; round < 5; round++) {
                Socket s = Socket.open(Family.INET, Type.STREAM);
                CompletableFuture<Object> connected = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        s.connect(listener.localAddress(), Duration.ofSeconds(30));
                        connected.complete("connected");
                    } catch (Throwable e) {
                        connected.completeExceptionally(e);
                    }
                });
                t.start();
                Thread.sleep(300);
                assumeTrue(!connected.isDone(), "this kernel completed a connect to a full backlog: nothing to race");
                s.close();
                ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> connected.get(2, TimeUnit.SECONDS), "connect returned normally after a close");
                // whileBlocked() is true when the call was inside the kernel by then, as it is within 300 ms on a
                // real machine; under an emulator the thread may only reach the call after the close.
                assertInstanceOf(SocketClosedException.class, e.getCause());
                assertFalse(s.isOpen());
                t.join();
            }
        } finally {
            fillers.forEach(Socket::close);
        }
    }
}
