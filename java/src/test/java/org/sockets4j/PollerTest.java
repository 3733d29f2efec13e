package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Poller on both backends, against real loopback sockets. */
@Timeout(30)
class PollerTest {

    private static final Duration SECOND = Duration.ofSeconds(5);

    private static Poller open(Poller.Backend backend) throws IOException {
        Assumptions.assumeTrue(backend.isSupported(), () -> "no " + backend + " Poller backend on this platform");
        return Poller.open(backend);
    }

    /** Polls until something is reported (a wakeup meant for nobody could end one poll early). */
    private static int pollSome(Poller poller, Poller.Events events) throws IOException {
        int n = 0;
        for (int i = 0; i < 5 && n == 0; i++) n = poller.poll(events, SECOND);
        return n;
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void readableWithItsAttachment(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Object attachment = new Object();
            Poller.Registration r = poller.register(p.server(), Poller.READ, attachment);
            Poller.Events events = new Poller.Events(8);
            assertEquals(0, poller.poll(events, Duration.ZERO));
            p.client().send(new byte[] {1});
            assertEquals(1, pollSome(poller, events));
            assertSame(r, events.registration(0));
            assertSame(attachment, events.attachment(0));
            assertSame(p.server(), events.socket(0));
            assertTrue(events.isReadable(0));
            assertFalse(events.isWritable(0));
            assertEquals(Poller.READ, events.ready(0));
            // level: reported again while unread
            assertEquals(1, poller.poll(events, Duration.ZERO));
            p.server().recv(new byte[1]);
            assertEquals(0, poller.poll(events, Duration.ZERO));
            assertEquals(0, events.count());
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void writableAndInterestChanges(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.client(), Poller.WRITE, null);
            Poller.Events events = new Poller.Events(8);
            assertEquals(1, pollSome(poller, events));
            assertTrue(events.isWritable(0));
            assertEquals(null, events.attachment(0));
            r.setInterest(0);
            assertEquals(0, r.interest());
            assertEquals(0, poller.poll(events, Duration.ZERO));
            r.setInterest(Poller.READ | Poller.WRITE);
            assertEquals(1, pollSome(poller, events));
            assertEquals(Poller.WRITE, events.ready(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void hangUpWhenThePeerCloses(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            poller.register(p.server(), Poller.READ, null);
            Poller.Events events = new Poller.Events(8);
            p.client().close();
            assertEquals(1, pollSome(poller, events));
            assertTrue(events.isReadable(0), "the end of the stream is readable");
            p.server().shutdown(Shutdown.WRITE);
            assertEquals(1, pollSome(poller, events));
            assertTrue(events.isHangup(0) || (events.ready(0) & Poller.READ_HANGUP) != 0,
                    "ready " + events.ready(0));
            // kqueue tells a hang-up with an interest in writing only; here it says READ_HANGUP
            if (!poller.mechanism().equals("kqueue")) assertTrue(events.isHangup(0), "ready " + events.ready(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void refusedConnectReportsErrorOrHangUp(Poller.Backend backend) throws Exception {
        SocketAddress nobody;
        try (Socket listener = Loopback.listener(Family.INET)) {
            nobody = listener.localAddress();
        }
        try (Poller poller = open(backend); Socket s = Socket.open(Family.INET, Type.STREAM)) {
            s.setBlocking(false);
            try {
                s.connect(nobody);
            } catch (ConnectException e) {
                Assumptions.abort("the kernel refused the loopback connect at once: nothing to wait for");
            }
            poller.register(s, Poller.WRITE, null);
            Poller.Events events = new Poller.Events(8);
            assertEquals(1, pollSome(poller, events));
            assertTrue(events.isError(0) || events.isHangup(0), "ready " + events.ready(0));
            assertThrows(ConnectException.class, s::finishConnect);
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void edgeReportsEachChangeOnce(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            if (!poller.supports(Poller.Trigger.EDGE)) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> poller.register(p.server(), Poller.READ, Poller.Trigger.EDGE, null));
                assertTrue(e.getMessage().contains("EDGE"), e.getMessage());
                Assumptions.abort("the " + poller.mechanism() + " Poller has no edge trigger");
            }
            poller.register(p.server(), Poller.READ, Poller.Trigger.EDGE, null);
            Poller.Events events = new Poller.Events(8);
            p.client().send(new byte[] {1});
            assertEquals(1, pollSome(poller, events));
            assertEquals(0, poller.poll(events, Duration.ZERO), "no new data, no new edge");
            p.client().send(new byte[] {2});
            assertEquals(1, pollSome(poller, events));
            assertTrue(events.isReadable(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void oneShotReportsOnceUntilArmedAgain(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.server(), Poller.READ | Poller.WRITE, Poller.Trigger.ONE_SHOT,
                    "x");
            assertEquals(Poller.Trigger.ONE_SHOT, r.trigger());
            p.client().send(new byte[] {1});
            Poller.Events events = new Poller.Events(8);
            int n = pollSome(poller, events);
            assertTrue(n >= 1 && n <= 2, "kqueue may report each direction apart: " + n);
            assertEquals(0, poller.poll(events, Duration.ZERO), "disarmed in both directions");
            r.setInterest(Poller.READ);
            assertEquals(1, pollSome(poller, events));
            assertEquals(Poller.READ, events.ready(0));
            assertEquals(0, poller.poll(events, Duration.ZERO));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void oneShotArmedAgainDuringAPoll(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.server(), Poller.READ, Poller.Trigger.ONE_SHOT, "parked");
            p.client().send(new byte[] {1});
            Poller.Events events = new Poller.Events(4);
            assertEquals(1, pollSome(poller, events));
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                try {
                    return poller.poll(events, null);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            Thread.sleep(50);
            r.setInterest(Poller.READ);
            assertEquals(1, polled.get(10, TimeUnit.SECONDS));
            assertSame("parked", events.attachment(0));
        }
    }

    /**
     * A socket that is ready when it is registered reports at once, to a poll already under way on another
     * thread, and that report is delivered: a one-shot registration makes no second one, so a report dropped
     * because the registration was not yet marked added would leave its waiter waiting for ever.
     */
    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void aSocketReadyWhenRegisteredReportsToAPollUnderWay(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().send(new byte[] {1});
            Poller.Events events = new Poller.Events(4);
            for (int i = 0; i < 300; i++) {
                CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                    try {
                        return poller.poll(events, SECOND);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }, runnable -> new Thread(runnable).start());
                Thread.sleep(i % 3); // sometimes before the poll enters the kernel, sometimes after
                Poller.Registration r = poller.register(p.server(), Poller.READ, Poller.Trigger.ONE_SHOT, i);
                assertEquals(1, polled.get(10, TimeUnit.SECONDS), "report " + i);
                assertEquals(i, events.attachment(0));
                r.cancel();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void wakeupBeforeAndDuringAPoll(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend)) {
            Poller.Events events = new Poller.Events(4);
            poller.wakeup();
            poller.wakeup();
            assertEquals(0, poller.poll(events, null), "a wakeup before the poll ends it at once");
            assertEquals(0, poller.poll(events, Duration.ZERO));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return poller.poll(events, null);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            started.await();
            Thread.sleep(50);
            poller.wakeup();
            assertEquals(0, polled.get(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void timeouts(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            poller.register(p.server(), Poller.READ, null);
            Poller.Events events = new Poller.Events(1);
            assertEquals(0, poller.poll(events, Duration.ZERO));
            assertEquals(0, poller.poll(events, Duration.ofNanos(1)));
            assertEquals(0, poller.poll(events, Duration.ofMillis(20)));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void closedSocketsAreRefusedAndNeverReported(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Socket closed = Socket.open(Family.INET, Type.STREAM);
            closed.close();
            assertThrows(SocketClosedException.class, () -> poller.register(closed, Poller.READ, null));

            Poller.Registration r = poller.register(p.server(), Poller.READ, null);
            p.client().send(new byte[] {1});
            Poller.Events events = new Poller.Events(4);
            assertEquals(1, pollSome(poller, events));
            p.server().close();
            assertFalse(r.isValid());
            assertEquals(0, poller.poll(events, Duration.ofMillis(20)));
            assertThrows(CancelledKeyException.class, () -> r.setInterest(Poller.READ));
            r.cancel(); // idempotent
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void cancelledBeforeThePollIsNotReported(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.server(), Poller.READ, null);
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> poller.register(p.server(), Poller.WRITE, null));
            assertTrue(twice.getMessage().contains("already registered"), twice.getMessage());
            p.client().send(new byte[] {1});
            r.cancel();
            assertFalse(r.isValid());
            Poller.Events events = new Poller.Events(4);
            assertEquals(0, poller.poll(events, Duration.ofMillis(20)));
            // and may be registered again, with a new registration
            Poller.Registration again = poller.register(p.server(), Poller.READ, null);
            assertNotEquals(r, again);
            assertEquals(1, pollSome(poller, events));
            assertSame(again, events.registration(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void socketClosedDuringAPollIsNotReported(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.server(), Poller.READ, null);
            Poller.Events events = new Poller.Events(4);
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                try {
                    return poller.poll(events, Duration.ofMillis(500));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            Thread.sleep(50);
            p.server().close();
            p.client().send(new byte[] {1});
            assertEquals(0, polled.get(10, TimeUnit.SECONDS));
            assertFalse(r.isValid());
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void closeDuringAPollOnAnotherThread(Poller.Backend backend) throws Exception {
        Poller poller = open(backend);
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            Poller.Registration r = poller.register(p.server(), Poller.READ, null);
            Poller.Events events = new Poller.Events(4);
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return poller.poll(events, null);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            started.await();
            Thread.sleep(50);
            poller.close();
            assertEquals(0, polled.get(10, TimeUnit.SECONDS));
            assertFalse(poller.isOpen());
            assertFalse(r.isValid());
            poller.close(); // idempotent
            poller.wakeup(); // nothing to do
            assertThrows(ClosedSelectorException.class, () -> poller.poll(events, Duration.ZERO));
            assertThrows(ClosedSelectorException.class, () -> poller.register(p.client(), Poller.READ, null));
            // the socket is free for another poller
            try (Poller other = open(backend)) {
                other.register(p.server(), Poller.READ, null);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void aSecondConcurrentPollIsRefused(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend)) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return poller.poll(new Poller.Events(1), null);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            started.await();
            Thread.sleep(100);
            assertThrows(IllegalStateException.class, () -> poller.poll(new Poller.Events(1), Duration.ZERO));
            poller.wakeup();
            assertEquals(0, polled.get(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void aThousandRegistrationsEachReported(Poller.Backend backend) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (Poller poller = open(backend)) {
            Map<Object, Integer> seen = new IdentityHashMap<>();
            for (int i = 0; i < 1000; i++) {
                Socket s = Socket.open(Family.INET, Type.DGRAM);
                sockets.add(s);
                poller.register(s, Poller.WRITE, Poller.Trigger.ONE_SHOT, s);
            }
            Poller.Events events = new Poller.Events(64);
            for (int round = 0; round < 200 && seen.size() < 1000; round++) {
                int n = poller.poll(events, SECOND);
                for (int i = 0; i < n; i++) {
                    assertSame(events.socket(i), events.attachment(i));
                    assertTrue(events.isWritable(i));
                    seen.merge(events.attachment(i), 1, Integer::sum);
                }
            }
            assertEquals(1000, seen.size());
            for (int count : seen.values()) assertEquals(1, count, "a one-shot registration reported twice");
        } finally {
            for (Socket s : sockets) s.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void registerRacingSocketClose(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend)) {
            Poller.Events events = new Poller.Events(8);
            for (int i = 0; i < 200; i++) {
                Loopback.Pair p = Loopback.tcpPair(Family.INET);
                p.client().send(new byte[] {1});
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    p.server().close();
                });
                Poller.Registration r = null;
                go.countDown();
                try {
                    r = poller.register(p.server(), Poller.READ, null);
                } catch (SocketClosedException e) {
                    // closed first
                }
                closer.get(10, TimeUnit.SECONDS);
                if (r != null) assertFalse(r.isValid(), "a registration outlived its socket's close");
                assertEquals(0, poller.poll(events, Duration.ZERO), "a closed socket was reported");
                p.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void pollerCloseRacingEveryCall(Poller.Backend backend) throws Exception {
        for (int i = 0; i < 50; i++) {
            Poller poller = open(backend);
            try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
                Poller.Registration r = poller.register(p.server(), Poller.READ, Poller.Trigger.ONE_SHOT, null);
                p.client().send(new byte[] {1});
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Void> user = CompletableFuture.runAsync(() -> {
                    Poller.Events events = new Poller.Events(4);
                    try {
                        go.await();
                        for (int k = 0; k < 1000; k++) {
                            poller.poll(events, Duration.ZERO);
                            r.setInterest(k % 2 == 0 ? Poller.READ : Poller.WRITE);
                            poller.wakeup();
                        }
                    } catch (ClosedSelectorException | CancelledKeyException e) {
                        // the close came
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
                go.countDown();
                Thread.sleep(i % 5);
                poller.close();
                user.get(10, TimeUnit.SECONDS);
                assertFalse(r.isValid());
                assertTrue(p.server().isOpen(), "closing the poller leaves its sockets open");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void noDescriptorLeftBehind(Poller.Backend backend) throws Exception {
        Assumptions.assumeTrue(Descriptors.countable(), Descriptors.NOT_COUNTABLE);
        open(backend).close(); // the library and the classes loaded first
        int before = Descriptors.count();
        for (int i = 0; i < 100; i++) {
            try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
                poller.register(p.server(), Poller.READ, null);
            }
        }
        assertEquals(before, Descriptors.settle(before), "closed pollers left descriptors open");
        for (int i = 0; i < 100; i++) open(backend); // dropped unclosed: the Cleaner frees them
        assertEquals(before, Descriptors.settle(before), "unreachable pollers were not freed");
    }

    @ParameterizedTest
    @EnumSource(Poller.Backend.class)
    void badInput(Poller.Backend backend) throws Exception {
        try (Poller poller = open(backend); Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            assertThrows(NullPointerException.class, () -> poller.register(null, Poller.READ, null));
            assertThrows(NullPointerException.class, () -> poller.register(p.server(), Poller.READ, null, null));
            assertThrows(NullPointerException.class, () -> poller.supports(null));
            assertThrows(IllegalArgumentException.class, () -> poller.register(p.server(), Poller.ERROR, null));
            assertThrows(IllegalArgumentException.class, () -> poller.register(p.server(), -1, null));
            Poller.Registration r = poller.register(p.server(), Poller.READ, null);
            assertThrows(IllegalArgumentException.class, () -> r.setInterest(Poller.HANGUP));
            assertThrows(IllegalArgumentException.class, () -> r.setInterest(1 << 30));
            assertEquals(Poller.READ, r.interest());
            assertThrows(IllegalArgumentException.class, () -> new Poller.Events(0));
            assertThrows(IllegalArgumentException.class, () -> new Poller.Events(-1));
            assertThrows(IllegalArgumentException.class, () -> new Poller.Events(65537));
            Poller.Events events = new Poller.Events(2);
            assertEquals(2, events.capacity());
            assertThrows(NullPointerException.class, () -> poller.poll(null, Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> poller.poll(events, Duration.ofMillis(-1)));
            assertEquals(0, poller.poll(events, Duration.ZERO));
            assertThrows(IndexOutOfBoundsException.class, () -> events.registration(0));
            assertThrows(IndexOutOfBoundsException.class, () -> events.ready(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> events.isReadable(2));
            assertThrows(IndexOutOfBoundsException.class, () -> events.socket(0));
            p.client().send(new byte[] {1});
            assertEquals(1, pollSome(poller, events));
            assertThrows(IndexOutOfBoundsException.class, () -> events.attachment(1));
            assertThrows(IndexOutOfBoundsException.class, () -> events.isHangup(1));
        }
    }

    @Test
    void backendsAndMechanisms() throws Exception {
        assertTrue(Poller.Backend.POLL.isSupported(), "every platform has the table over poll");
        try (Poller poller = Poller.open()) {
            assertEquals(Poller.Backend.NATIVE, poller.backend());
            assertTrue(List.of("epoll", "kqueue", "WSAPoll").contains(poller.mechanism()), poller.mechanism());
            assertTrue(poller.supports(Poller.Trigger.LEVEL));
            assertTrue(poller.supports(Poller.Trigger.ONE_SHOT));
            assertTrue(poller.isOpen());
        }
        try (Poller poller = Poller.open(Poller.Backend.POLL)) {
            assertTrue(List.of("poll", "WSAPoll").contains(poller.mechanism()), poller.mechanism());
            assertFalse(poller.supports(Poller.Trigger.EDGE));
        }
        assertThrows(NullPointerException.class, () -> Poller.open(null));
    }
}
