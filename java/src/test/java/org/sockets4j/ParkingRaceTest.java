package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The parking way under races and edge cases found in review: each test fails without its fix. */
@Timeout(120)
class ParkingRaceTest {

    /**
     * PEEK|WAITALL on the parking way loops while fewer bytes than asked are queued; after the peer's FIN the
     * queue never grows, and the kernel's blocking call (platform thread) returns what is queued.
     */
    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void peekWaitAllReturnsWhatIsQueuedOnceThePeerShutsDown(Waiter.Kind kind) throws Exception {
        // Windows' PEEK|WAITALL is the library's own loop, which learns of the FIN from WSAPoll's POLLHUP
        assumeTrue(kind == Waiter.Kind.VIRTUAL || !Wine.running(), "Wine 8's WSAPoll reports no POLLHUP while data is "
                + "still queued after the peer's FIN (only POLLRDNORM), so the peeking loop cannot see the end");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.server().send(new byte[] {1, 2, 3});
            p.server().shutdown(Shutdown.WRITE);
            Thread.sleep(50);
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().recv(new byte[10], 0, 10, MsgFlag.PEEK,
                    MsgFlag.WAITALL));
            try {
                assertEquals(3, w.result(5), kind + ": the kernel returns the 3 queued bytes after FIN");
            } catch (TimeoutException e) {
                fail(kind + ": recv(PEEK, WAITALL) still running 5 s after the peer's FIN (spins every 2 ms, forever)");
            }
        }
    }

    /**
     * A platform thread's blocking recv on a socket that has not parked yet, while a virtual thread's first call
     * on the same socket switches it to non-blocking in the kernel. The recv must wait for data; it must not fail.
     */
    @Test
    void aPlatformRecvRacingTheFirstParkedCallNeverFails() throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        int failures = 0;
        Throwable first = null;
        for (int i = 0; i < 3000 && failures == 0; i++) {
            try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
                Socket s = p.client();
                CountDownLatch go = new CountDownLatch(1);
                AtomicReference<Throwable> failed = new AtomicReference<>();
                Thread reader = new Thread(() -> {
                    try {
                        go.await();
                        s.recv(new byte[1]);
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                });
                reader.start();
                Thread writer = VirtualThreadsForTest.start(() -> {
                    try {
                        go.await();
                        s.send(new byte[] {1}); // a virtual thread: switches s to non-blocking in the kernel
                    } catch (Throwable e) {
                        failed.compareAndSet(null, new AssertionError("writer", e));
                    }
                });
                go.countDown();
                writer.join();
                Thread.sleep(1);
                p.server().send(new byte[] {2}); // lets a reader that waits correctly finish
                reader.join(10_000);
                if (failed.get() != null) {
                    failures++;
                    first = failed.get();
                }
            }
        }
        if (first != null) {
            throw new AssertionError("a blocking recv on a platform thread failed while another thread's call "
                    + "switched the socket's kernel mode: " + first, first);
        }
    }

    /**
     * Close while one thread is parked and others keep starting timed waits on the same socket: every call ends
     * in the close (SocketClosedException), a timeout, or success; never an unchecked exception of the Poller's.
     */
    @Test
    void closeDuringWaitsThrowsOnlyTheClose() throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        List<Throwable> wrong = new ArrayList<>();
        for (int round = 0; round < 300 && wrong.isEmpty(); round++) {
            Loopback.Pair p = Loopback.tcpPair(Family.INET);
            Socket s = p.client();
            Waiter<Integer> parked = Waiter.start(Waiter.Kind.VIRTUAL, () -> s.recv(new byte[1])).waiting();
            List<Waiter<Integer>> spinners = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                spinners.add(Waiter.start(Waiter.Kind.VIRTUAL, () -> {
                    for (;;) {
                        // fills the socket, then waits for room with a short timeout, again and again
                        try {
                            s.send(new byte[1 << 16], 0, 1 << 16, Duration.ofNanos(20_000));
                        } catch (SocketTimeoutException e) {
                            // expected while the peer does not read
                        }
                    }
                }));
            }
            Thread.sleep(20);
            p.close();
            List<Waiter<Integer>> all = new ArrayList<>(spinners);
            all.add(parked);
            for (Waiter<Integer> w : all) {
                Throwable e = w.failure(10);
                if (!(e instanceof SocketClosedException)) wrong.add(e);
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("calls racing close() threw something other than SocketClosedException: "
                    + wrong, wrong.get(0));
        }
    }

    /**
     * A connect to a UNIX stream listener whose backlog is full: the kernel's blocking connect waits for room;
     * on the parking way the non-blocking connect says EAGAIN (Linux), which is not EINPROGRESS.
     */
    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void unixConnectToAFullBacklogWaits(Waiter.Kind kind) throws Exception {
        assumeTrue(Family.UNIX.isSupported(), "no AF_UNIX here");
        Path dir = Files.createTempDirectory("s4j-review");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("l"));
        List<Socket> clients = new ArrayList<>();
        try (Socket listener = Socket.open(Family.UNIX, Type.STREAM)) {
            listener.bind(address);
            listener.listen(1);
            // fill the backlog from this thread, non-blocking, until the kernel refuses
            for (int i = 0; i < 64; i++) {
                Socket c = Socket.open(Family.UNIX, Type.STREAM);
                clients.add(c);
                c.setBlocking(false);
                try {
                    if (!c.connect(address)) break;
                } catch (IOException e) {
                    break; // EAGAIN: full
                }
            }
            Socket late = Socket.open(Family.UNIX, Type.STREAM);
            clients.add(late);
            Waiter<Boolean> w = Waiter.start(kind, () -> late.connect(address));
            Thread.sleep(200);
            assertTrue(!w.isDone() || w.failure(0) == null,
                    kind + ": connect to a full backlog failed instead of waiting: " + (w.isDone() ? w.failure(0) : ""));
            // make room: accept what is queued
            for (int i = 0; i < clients.size(); i++) {
                listener.setBlocking(false);
                Accepted a = listener.accept();
                if (a == null) {
                    if (w.isDone()) break;
                    Thread.sleep(20);
                    continue;
                }
                a.socket().close();
            }
        } finally {
            for (Socket c : clients) c.close();
            Files.deleteIfExists(dir.resolve("l"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The class Javadoc: "a blocking stream send returns once all is sent" on both ways; sendMsg is not excepted.
     * A virtual thread's sendMsg of more than the socket buffers hold returns after the first part.
     */
    @ParameterizedTest
    @EnumSource(Waiter.Kind.class)
    void blockingStreamSendMsgSendsAll(Waiter.Kind kind) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            int size = 8 << 20;
            java.nio.ByteBuffer big = java.nio.ByteBuffer.allocateDirect(size);
            Waiter<Integer> w = Waiter.start(kind, () -> p.client().sendMsg(new java.nio.ByteBuffer[] {big}, null,
                    List.of()));
            byte[] sink = new byte[1 << 16];
            long got = 0;
            while (got < size) { // a sendMsg that stopped short leaves this recv to time out
                int r = p.server().recv(sink, 0, sink.length, Duration.ofSeconds(5));
                if (r <= 0) break;
                got += r;
            }
            assertEquals(size, w.result(10), kind + ": a blocking stream sendMsg sends everything");
            assertEquals(size, got);
        }
    }

    /**
     * A kernel-blocking socket switched by one thread's parked call races setBlocking(true) on another: the switch
     * can be undone, and the parked call then blocks in native code on a virtual thread (its carrier pinned).
     * Seen from /proc: the descriptor is blocking again while a parked call relies on it being non-blocking.
     */
    @Test
    void setBlockingRacingTheSwitchLeavesTheKernelNonBlocking() throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        // Wine's Z: drive shows the host's /proc too, but a Windows handle is no descriptor number there
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isDirectory(Path.of("/proc/self/fdinfo")),
                "needs Linux's /proc/self/fdinfo");
        for (int i = 0; i < 3000; i++) {
            try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
                Socket s = p.client();
                CountDownLatch go = new CountDownLatch(1);
                Thread toggler = new Thread(() -> {
                    try {
                        go.await();
                        s.setBlocking(true);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                toggler.start();
                Waiter<Integer> v = Waiter.start(Waiter.Kind.VIRTUAL, () -> {
                    go.await();
                    return s.recv(new byte[1]);
                });
                go.countDown();
                toggler.join();
                // the recv under way: parked (WAITING) once it switched; stuck in the kernel it stays RUNNABLE
                long until = System.nanoTime() + 2_000_000_000L;
                while (v.thread.getState() != Thread.State.WAITING && System.nanoTime() < until) Thread.sleep(1);
                String fd = s.toString().replaceAll(".*handle=(\\d+).*", "$1");
                String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                        .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
                boolean nonBlocking = (Integer.parseInt(flags.substring(6).trim(), 8) & 04000) != 0;
                p.server().send(new byte[] {1});
                v.result(10);
                if (!nonBlocking) {
                    fail("round " + i + ": a virtual thread's recv waited on a descriptor that is blocking in the "
                            + "kernel (" + flags + "): setBlocking(true) undid the parking switch");
                }
            }
        }
    }

    /**
     * recv(Duration) on a non-blocking socket "waits at most that long ... then throws SocketTimeoutException";
     * with SO_RCVTIMEO set shorter, it returns WOULD_BLOCK at the option's time instead.
     */
    @Test
    void timedRecvOnANonBlockingSocketIgnoresSoRcvtimeo() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().setBlocking(false);
            p.client().setOption(org.sockets4j.option.SocketOptions.SO_RCVTIMEO, Duration.ofMillis(50));
            try {
                int r = p.client().recv(new byte[4], 0, 4, Duration.ofMillis(500));
                fail("recv(Duration) on a non-blocking socket returned " + r + " instead of a timeout");
            } catch (SocketTimeoutException expected) {
                // as documented
            }
        }
    }

    /**
     * Waits' Javadoc: "the poller holds no reference that would keep a dropped socket from its Cleaner". The
     * internal poller thread's Events keeps the registrations of its last poll (Registration -> Waits -> Socket)
     * until its next poll reports, which in an otherwise idle process is never: the dropped socket and its
     * descriptor stay.
     */
    @Test
    void aSocketDroppedAfterAParkedCallIsCleaned() throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        java.lang.ref.WeakReference<Socket> dropped = parkOnceThenDrop();
        for (int i = 0; i < 50 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        boolean kept = dropped.get() != null;
        // one more readiness report on the internal poller replaces its Events' entries; then the socket goes
        parkOnceThenDrop().get().close();
        for (int i = 0; i < 50 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(!kept, "a socket dropped unclosed after a parked call stays reachable until the internal "
                + "poller reports again (collected after that: " + (dropped.get() == null) + ")");
    }

    private static java.lang.ref.WeakReference<Socket> parkOnceThenDrop() throws Exception {
        Loopback.Pair p = Loopback.tcpPair(Family.INET);
        Socket client = p.client();
        Waiter<Integer> w = Waiter.start(Waiter.Kind.VIRTUAL, () -> client.recv(new byte[1])).waiting();
        p.server().send(new byte[] {1});
        assertEquals(1, w.result(10));
        p.server().close();
        return new java.lang.ref.WeakReference<>(client);
    }

    /**
     * Socket's Javadoc: after a Duration overload times out "the socket and its options are unchanged, so the next
     * call may wait again". A timed-out connect leaves the connect under way: the next connect fails at once.
     */
    @Test
    void aTimedOutConnectCanWaitAgain() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (Socket listener = Socket.open(Family.INET, Type.STREAM)) {
            listener.bind(Loopback.any(Family.INET));
            listener.listen(0);
            Socket late = null;
            for (int i = 0; i < 16; i++) { // fill the accept queue: later SYNs are dropped, connects hang
                Socket c = Socket.open(Family.INET, Type.STREAM);
                clients.add(c);
                try {
                    c.connect(listener.localAddress(), Duration.ofMillis(200));
                } catch (SocketTimeoutException e) {
                    late = c;
                    break;
                }
            }
            assumeTrue(late != null, "the accept queue never filled");
            try {
                late.connect(listener.localAddress(), Duration.ofMillis(200));
            } catch (SocketTimeoutException e) {
                return; // waited again, as documented
            } catch (IOException e) {
                fail("the second timed connect did not wait again: " + e);
            }
        } finally {
            for (Socket c : clients) c.close();
        }
    }
}
