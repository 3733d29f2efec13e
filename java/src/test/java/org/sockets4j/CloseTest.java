package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CloseTest {

    interface Blocking {
        Object call() throws Exception;
    }

    /** Runs call on another thread, waits until it is blocked, closes s, and returns what the call threw. */
    private static Throwable closeWhileBlocked(Socket s, Blocking call) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "blocked-call");
        t.start();
        awaitBlocked(t);
        long closedAt = System.nanoTime();
        s.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(1, TimeUnit.SECONDS),
                "the blocked call must end within one second of close");
        assertTrue(System.nanoTime() - closedAt < 1_000_000_000L);
        t.join();
        return e.getCause();
    }

    private static void awaitBlocked(Thread t) throws InterruptedException {
        // A thread in a native call shows RUNNABLE; give it time to get there.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (t.getState() == Thread.State.NEW && System.nanoTime() < deadline) Thread.sleep(1);
        Thread.sleep(200);
        assertTrue(t.isAlive());
    }

    @Test
    void closeWakesABlockedAccept() throws Exception {
        Socket server = Loopback.listener(Family.INET);
        Throwable e = closeWhileBlocked(server, server::accept);
        SocketClosedException closed = assertInstanceOf(SocketClosedException.class, e);
        assertTrue(closed.whileBlocked());
        assertEquals("accept", closed.operation());
        assertEquals(Errno.EBADF, closed.errno());
        assertEquals("accept: socket closed by another thread during the call (EBADF)", closed.getMessage());
    }

    @Test
    void closeWakesABlockedStreamRecv() throws Exception {
        Loopback.Pair p = Loopback.tcpPair(Family.INET6);
        try (p) {
            Throwable e = closeWhileBlocked(p.server(), () -> p.server().recv(new byte[16]));
            assertTrue(assertInstanceOf(SocketClosedException.class, e).whileBlocked());
        }
    }

    @Test
    void closeWakesABlockedDirectBufferRecv() throws Exception {
        Loopback.Pair p = Loopback.tcpPair(Family.INET);
        try (p) {
            Throwable e = closeWhileBlocked(p.server(), () -> p.server().recv(ByteBuffer.allocateDirect(16)));
            assertInstanceOf(SocketClosedException.class, e);
        }
    }

    @Test
    void closeWakesABlockedDatagramRecvFrom() throws Exception {
        Socket s = Loopback.datagram(Family.INET);
        Throwable e = closeWhileBlocked(s, () -> s.recvFrom(new byte[16], 0, 16));
        assertInstanceOf(SocketClosedException.class, e);
    }

    @Test
    void everyCallOnAClosedSocketThrows() throws Exception {
        Socket s = Loopback.listener(Family.INET);
        s.close();
        s.close(); // idempotent
        assertFalse(s.isOpen());
        SocketClosedException e = assertThrows(SocketClosedException.class, s::accept);
        assertFalse(e.whileBlocked());
        assertEquals("accept: socket is closed (EBADF)", e.getMessage());
        assertThrows(SocketClosedException.class, s::localAddress);
        assertThrows(SocketClosedException.class, s::handle);
        assertTrue(s.toString().contains("closed"));
        // every other method: BadInputTest.everyMethodOfAClosedSocketThrows
    }

    /**
     * The descriptor number of a closed socket must not be reused while a call is
     * still inside it: new sockets opened right after the close must never be the
     * ones the woken call reads from.
     */
    @Test
    void aDescriptorNumberIsNotReusedUnderABlockedCall() throws Exception {
        for (int round = 0; round < 50; round++) {
            Loopback.Pair victim = Loopback.tcpPair(Family.INET);
            long number = victim.server().handle();
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return victim.server().recv(new byte[16]);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(5);
            victim.server().close();
            List<Loopback.Pair> fresh = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Loopback.Pair pair = Loopback.tcpPair(Family.INET);
                    fresh.add(pair);
                    pair.client().send(new byte[] {66}); // data the woken call must never see
                }
                ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(2, TimeUnit.SECONDS));
                assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
                for (Loopback.Pair pair : fresh) {
                    byte[] b = new byte[1];
                    assertEquals(1, pair.server().recv(b), "data of a socket that may reuse fd " + number);
                }
            } finally {
                victim.close();
                fresh.forEach(Loopback.Pair::close);
            }
        }
    }

    /** The descriptor count once a collection has let every Cleaner run and it stays the same for a while. */
    private static int quietCount() throws Exception {
        int last = -1;
        for (int i = 0; i < 50; i++) {
            System.gc();
            Thread.sleep(20);
            int now = Descriptors.count();
            if (now == last) return now;
            last = now;
        }
        return last;
    }

    @Test
    void aSocketDroppedUnclosedIsClosedByTheCleaner() throws Exception {
        assumeTrue(Descriptors.countable(), Descriptors.NOT_COUNTABLE);
        Socket.open(Family.INET, Type.DGRAM).close(); // load everything first
        int before = quietCount(); // earlier tests' dropped sockets are closed by now
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            held.add(Socket.open(Family.INET, Type.DGRAM));
        }
        // Held until counted: a collection during the loop must not close some early.
        assertTrue(Descriptors.count() >= before + 100);
        held.clear(); // dropped on purpose, unclosed
        assertEquals(before, Descriptors.settle(before));
    }
}
