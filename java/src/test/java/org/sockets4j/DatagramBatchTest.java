package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class DatagramBatchTest {

    @TempDir(factory = Wine.TempDirs.class) // JUnit's own would crash Windows Java 21+ under Wine 8 (see Wine)
    Path dir;

    /** Receives until count datagrams arrived (a loopback datagram may still be on its way); returns the count. */
    private static int receiveAll(Socket s, DatagramBatch batch, int count, List<byte[]> into,
                                  List<SocketAddress> sources) throws IOException {
        int got = 0;
        while (got < count) {
            int n = s.recvMany(batch);
            assertTrue(n >= 1 && n <= batch.capacity(), "recvMany returned " + n);
            for (int i = 0; i < n; i++) {
                ByteBuffer data = batch.data(i);
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                into.add(bytes);
                sources.add(batch.address(i));
            }
            got += n;
        }
        return got;
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void roundTripOf32WithAddressesFromSeveralSenders(Family family) throws Exception {
        try (Socket receiver = Loopback.datagram(family); Socket s1 = Loopback.datagram(family);
             Socket s2 = Loopback.datagram(family); Socket s3 = Loopback.datagram(family)) {
            Socket[] senders = {s1, s2, s3};
            DatagramBatch out = DatagramBatch.allocate(32, 64);
            Map<Socket, Integer> perSender = new HashMap<>();
            // 32 datagrams, each from sender i % 3, whose first byte is i
            for (Socket sender : senders) {
                int n = 0;
                for (int i = 0; i < 32; i++) {
                    if (senders[i % 3] != sender) continue;
                    byte[] msg = new byte[1 + i];
                    msg[0] = (byte) i;
                    out.put(n, msg, 0, msg.length).setAddress(n, receiver.localAddress());
                    n++;
                }
                perSender.put(sender, n);
                assertEquals(n, sender.sendMany(out, 0, n));
            }
            DatagramBatch in = DatagramBatch.allocate(32, 64);
            List<byte[]> got = new ArrayList<>();
            List<SocketAddress> sources = new ArrayList<>();
            assertEquals(32, receiveAll(receiver, in, 32, got, sources));
            boolean[] seen = new boolean[32];
            for (int k = 0; k < 32; k++) {
                int i = got.get(k)[0];
                assertFalse(seen[i]);
                seen[i] = true;
                assertEquals(1 + i, got.get(k).length);
                assertEquals(senders[i % 3].localAddress(), sources.get(k));
            }
        }
    }

    @Test
    void echoInPlaceGoesBackToEachSender() throws Exception {
        try (Socket server = Loopback.datagram(Family.INET); Socket a = Loopback.datagram(Family.INET);
             Socket b = Loopback.datagram(Family.INET)) {
            a.sendTo(new byte[] {1}, 0, 1, server.localAddress());
            b.sendTo(new byte[] {2, 2}, 0, 2, server.localAddress());
            DatagramBatch batch = DatagramBatch.allocate(4, 16);
            int echoed = 0;
            while (echoed < 2) {
                int n = server.recvMany(batch);
                assertEquals(n, server.sendMany(batch, 0, n)); // each to the source the receive stored
                echoed += n;
            }
            byte[] buf = new byte[4];
            Received ra = a.recvFrom(buf, 0, 4);
            assertEquals(1, ra.length());
            assertEquals(server.localAddress(), ra.source());
            assertEquals(1, buf[0]);
            assertEquals(2, b.recvFrom(buf, 0, 4).length());
            assertEquals(2, buf[0]);
        }
    }

    @Test
    void partialBatchLeavesTheRestAsItWas() throws Exception {
        try (Socket a = Loopback.datagram(Family.INET); Socket b = Loopback.datagram(Family.INET)) {
            DatagramBatch in = DatagramBatch.allocate(8, 16);
            in.put(5, new byte[] {9, 9, 9}, 0, 3);
            a.sendTo(new byte[] {1}, 0, 1, b.localAddress());
            a.sendTo(new byte[] {2, 2}, 0, 2, b.localAddress());
            a.sendTo(new byte[] {3, 3, 3}, 0, 3, b.localAddress());
            Thread.sleep(50); // loopback delivers at once; a margin for a loaded machine
            int n = b.recvMany(in);
            int total = n;
            while (total < 3) total += b.recvMany(in); // only if the sends had not all arrived yet
            assertTrue(n >= 1 && n <= 3);
            assertEquals(3, in.length(5)); // untouched past the count
            assertEquals(9, in.data(5).get(0));
        }
    }

    @Test
    void truncationIsPerDatagram() throws Exception {
        try (Socket a = Loopback.datagram(Family.INET); Socket b = Loopback.datagram(Family.INET)) {
            a.sendTo(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10, b.localAddress());
            a.sendTo(new byte[] {1, 2}, 0, 2, b.localAddress());
            a.sendTo(new byte[] {1, 2, 3, 4, 5}, 0, 5, b.localAddress());
            DatagramBatch in = DatagramBatch.allocate(4, 4);
            List<Integer> lengths = new ArrayList<>();
            List<Boolean> truncated = new ArrayList<>();
            while (lengths.size() < 3) {
                int n = b.recvMany(in);
                for (int i = 0; i < n; i++) {
                    lengths.add(in.length(i));
                    truncated.add(in.truncated(i));
                    assertEquals(1, in.data(i).get(0));
                }
            }
            assertEquals(List.of(4, 2, 4), lengths);
            assertEquals(List.of(true, false, true), truncated);
        }
    }

    @Test
    void zeroLengthDatagramsArriveAndGo() throws Exception {
        try (Socket a = Loopback.datagram(Family.INET6); Socket b = Loopback.datagram(Family.INET6)) {
            DatagramBatch out = DatagramBatch.allocate(3, 8);
            for (int i = 0; i < 3; i++) out.setLength(i, 0).setAddress(i, b.localAddress());
            out.setLength(1, 2);
            assertEquals(3, a.sendMany(out, 0, 3));
            DatagramBatch in = DatagramBatch.allocate(3, 8);
            List<Integer> lengths = new ArrayList<>();
            while (lengths.size() < 3) {
                int n = b.recvMany(in);
                for (int i = 0; i < n; i++) {
                    lengths.add(in.length(i));
                    assertEquals(a.localAddress(), in.address(i));
                    assertEquals(in.length(i), in.data(i).remaining());
                }
            }
            assertEquals(List.of(0, 2, 0), lengths);
        }
    }

    @Test
    void wouldBlockWithNothingQueued() throws Exception {
        try (Socket a = Loopback.datagram(Family.INET)) {
            DatagramBatch batch = DatagramBatch.allocate(4, 16);
            if (MsgFlag.DONTWAIT.isSupported()) { // not on Windows
                assertEquals(Socket.WOULD_BLOCK, a.recvMany(batch, MsgFlag.DONTWAIT));
            }
            a.setBlocking(false);
            assertEquals(Socket.WOULD_BLOCK, a.recvMany(batch));
            DatagramBatch out = DatagramBatch.allocate(1, 4).setAddress(0, a.localAddress());
            assertEquals(1, a.sendMany(out, 0, 1)); // to itself; a non-blocking send has room
            long deadline = System.nanoTime() + 5_000_000_000L;
            int n;
            while ((n = a.recvMany(batch)) == Socket.WOULD_BLOCK && System.nanoTime() < deadline) Thread.sleep(1);
            assertEquals(1, n);
            assertEquals(Socket.WOULD_BLOCK, a.recvMany(batch));
        }
    }

    @Test
    void connectedSocketsSendWithoutAddresses() throws Exception {
        try (Socket a = Loopback.datagram(Family.INET); Socket b = Loopback.datagram(Family.INET)) {
            a.connect(b.localAddress());
            DatagramBatch out = DatagramBatch.allocate(2, 8);
            out.put(0, ByteBuffer.wrap(new byte[] {4, 5})).put(1, ByteBuffer.wrap(new byte[] {6}));
            assertNull(out.address(0));
            assertEquals(2, a.sendMany(out, 0, 2));
            DatagramBatch in = DatagramBatch.allocate(2, 8);
            List<byte[]> got = new ArrayList<>();
            receiveAll(b, in, 2, got, new ArrayList<>());
            assertArrayEquals(new byte[] {4, 5}, got.get(0));
            assertArrayEquals(new byte[] {6}, got.get(1));
            // resuming a batch part-way: from 1
            assertEquals(1, a.sendMany(out, 1, 1));
            got.clear();
            receiveAll(b, in, 1, got, new ArrayList<>());
            assertArrayEquals(new byte[] {6}, got.get(0));
        }
    }

    @Test
    void anIpv4TargetGoesMappedFromAnInet6Socket() throws Exception {
        try (Socket six = Socket.open(Family.INET6, Type.DGRAM); Socket four = Loopback.datagram(Family.INET)) {
            six.bind(new InetSocketAddress("::", 0));
            DatagramBatch out = DatagramBatch.allocate(1, 8);
            out.put(0, new byte[] {7}, 0, 1).setAddress(0, four.localAddress());
            try {
                assertEquals(1, six.sendMany(out, 0, 1));
            } catch (IOException e) {
                Assumptions.abort("this host refuses IPv4-mapped sends from an INET6 socket: " + e.getMessage());
            }
            assertEquals(four.localAddress(), out.address(0)); // mapped reads back as the IPv4 address
            DatagramBatch in = DatagramBatch.allocate(1, 8);
            assertEquals(1, four.recvMany(in));
            assertEquals(7, in.data(0).get(0));
        }
    }

    @Test
    void unixDatagramsCarryTheSendersPath() throws Exception {
        Assumptions.assumeTrue(Family.UNIX.isSupported(), "AF_UNIX is not supported here");
        UnixDomainSocketAddress pa = UnixDomainSocketAddress.of(dir.resolve("a.sock"));
        UnixDomainSocketAddress pb = UnixDomainSocketAddress.of(dir.resolve("b.sock"));
        Socket sa;
        try {
            sa = Socket.open(Family.UNIX, Type.DGRAM);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("no Unix datagram sockets here (Windows has stream ones only): " + e.getMessage());
            return;
        }
        try (sa; Socket sb = Socket.open(Family.UNIX, Type.DGRAM)) {
            sa.bind(pa);
            sb.bind(pb);
            DatagramBatch out = DatagramBatch.allocate(3, 32);
            for (int i = 0; i < 3; i++) out.put(i, new byte[] {(byte) i, 1, 2}, 0, 1 + i).setAddress(i, pb);
            assertEquals(3, sa.sendMany(out, 0, 3));
            DatagramBatch in = DatagramBatch.allocate(8, 32);
            assertEquals(3, sb.recvMany(in)); // Unix datagrams are queued as they are sent
            for (int i = 0; i < 3; i++) {
                assertEquals(1 + i, in.length(i));
                assertEquals(pa, in.address(i));
            }
        }
    }

    @Test
    void closeWakesABlockedRecvMany() throws Exception {
        Socket s = Loopback.datagram(Family.INET);
        DatagramBatch batch = DatagramBatch.allocate(8, 16);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(s.recvMany(batch));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "blocked-recvMany");
        t.start();
        Thread.sleep(300); // a thread in a native call shows RUNNABLE: give it time to get there
        assertTrue(t.isAlive());
        s.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(2, TimeUnit.SECONDS));
        assertInstanceOf(SocketClosedException.class, e.getCause());
        t.join();
        assertThrows(SocketClosedException.class, () -> s.recvMany(batch));
        assertThrows(SocketClosedException.class, () -> s.sendMany(batch, 0, 1));
    }

    /**
     * A close racing datagrams that arrive: the call returns real datagrams or ends in the close,
     * never an empty datagram made by the close's wake-up (Linux's shutdown, BSD's poke).
     */
    @Test
    void aCloseRacingArrivalsNeverReturnsTheWakeUp() throws Exception {
        for (int round = 0; round < 200; round++) {
            Socket s = Loopback.datagram(Family.INET);
            DatagramBatch batch = DatagramBatch.allocate(8, 16);
            CompletableFuture<Integer> result = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    result.complete(s.recvMany(batch));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            t.start();
            try (Socket sender = Loopback.datagram(Family.INET)) {
                for (int i = 0; i < round % 4; i++) sender.sendTo(new byte[] {1, 2, 3}, 0, 3, s.localAddress());
                if (round % 2 == 0) Thread.yield();
                s.close();
            }
            try {
                int n = result.get(5, TimeUnit.SECONDS);
                assertTrue(n >= 1, "recvMany returned " + n);
                for (int i = 0; i < n; i++) assertEquals(3, batch.length(i), "datagram " + i + " of " + n);
            } catch (ExecutionException e) {
                assertInstanceOf(SocketClosedException.class, e.getCause());
            }
            t.join();
        }
    }

    @Test
    void aTimeoutEndsTheFirstWait() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            s.setOption(org.sockets4j.option.SocketOptions.SO_RCVTIMEO, java.time.Duration.ofMillis(100));
            assertThrows(java.net.SocketTimeoutException.class, () -> s.recvMany(DatagramBatch.allocate(2, 8)));
        }
    }

    @Test
    void badInput() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(0, 16));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(-1, 16));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(DatagramBatch.MAX_CAPACITY + 1, 16));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(4, 0));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(4, DatagramBatch.MAX_SLOT_SIZE + 1));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> DatagramBatch.allocate(1024, DatagramBatch.MAX_SLOT_SIZE));
        assertTrue(big.getMessage().contains("capacity 1024 * slotSize"), big.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(4, 0)).getMessage()
                .startsWith("slotSize"));

        DatagramBatch batch = DatagramBatch.allocate(4, 8);
        assertThrows(IndexOutOfBoundsException.class, () -> batch.data(4));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.slot(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.length(4));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.setLength(0, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.setLength(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.address(4));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.truncated(-1));
        assertThrows(IllegalArgumentException.class, () -> batch.put(0, new byte[9], 0, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.put(0, new byte[4], 2, 4));
        assertThrows(NullPointerException.class, () -> batch.put(0, (byte[]) null, 0, 0));
        assertThrows(NullPointerException.class, () -> batch.put(0, (ByteBuffer) null));
        assertThrows(IllegalArgumentException.class, () -> batch.put(0, ByteBuffer.allocate(9)));
        assertThrows(IllegalArgumentException.class, () -> batch.setAddress(0, new SocketAddress() {}));
        assertThrows(IllegalArgumentException.class,
                () -> batch.setAddress(0, InetSocketAddress.createUnresolved("example.invalid", 1)));
        // a read-only source is read, never written; the batch's own views are writable
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {1, 2}).asReadOnlyBuffer();
        batch.put(0, readOnly);
        assertEquals(2, batch.length(0));
        assertFalse(batch.data(0).isReadOnly());
        assertSame(batch.data(1), batch.slot(1)); // one view per datagram, reused
        assertThrows(ReadOnlyBufferException.class, () -> batch.data(0).asReadOnlyBuffer().put(0, (byte) 1));

        try (Socket s = Loopback.datagram(Family.INET); Socket tcp = Socket.open(Family.INET, Type.STREAM)) {
            assertThrows(NullPointerException.class, () -> s.sendMany(null, 0, 1));
            assertThrows(NullPointerException.class, () -> s.recvMany(null));
            assertThrows(NullPointerException.class, () -> s.recvMany(batch, (MsgFlag[]) null));
            assertThrows(NullPointerException.class, () -> s.sendMany(batch, 0, 1, (MsgFlag) null));
            assertThrows(IndexOutOfBoundsException.class, () -> s.sendMany(batch, 0, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> s.sendMany(batch, 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> s.sendMany(batch, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> s.sendMany(batch, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> s.sendMany(batch, Integer.MAX_VALUE, 2));
            assertEquals(0, s.sendMany(batch, 4, 0));
            assertThrows(IllegalArgumentException.class, () -> s.recvMany(batch, MsgFlag.PEEK));
            assertThrows(UnsupportedOperationException.class, () -> tcp.recvMany(batch));
            assertThrows(UnsupportedOperationException.class, () -> tcp.sendMany(batch, 0, 1));
            // an address of another family than the socket's
            batch.setAddress(0, new InetSocketAddress("::1", 9));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.sendMany(batch, 0, 1));
            assertTrue(e.getMessage().startsWith("batch address 0 is an IPv6 address"), e.getMessage());
            Socket unix = null;
            try {
                unix = Socket.open(Family.UNIX, Type.DGRAM);
            } catch (IOException | UnsupportedOperationException noUnixDatagrams) {
                // Windows: stream Unix sockets only; the INET case above stands for the check
            }
            if (unix != null) {
                try (Socket u = unix) {
                    batch.setAddress(0, new InetSocketAddress("127.0.0.1", 9));
                    e = assertThrows(IllegalArgumentException.class, () -> u.sendMany(batch, 0, 1));
                    assertTrue(e.getMessage().startsWith("batch address 0 is an IPv4 address"), e.getMessage());
                }
            }
            // a send to nobody on an unconnected socket fails on its first datagram, and says so
            batch.setAddress(0, null);
            assertThrows(IOException.class, () -> s.sendMany(batch, 0, 1));
        }
    }

    /**
     * Memory, not speed: 10,000 datagrams through sendMany and recvMany in batches of 32 allocate
     * (nearly) nothing on this thread. The bound, 64 bytes per batch call, leaves room for a JIT
     * deoptimisation or a lazily made thread-local, and is far below one object per datagram
     * (16+ bytes each, over 500 bytes a batch of 32).
     */
    @Test
    @Timeout(120) // Wine's loop of WSARecvMsg, with a poll per datagram, takes 15 s of it
    void noAllocationPerDatagram() throws Exception {
        // Through reflection: the module under test does not read java.management, and the test adds no reads.
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
        Assumptions.assumeTrue(hotspot.isInstance(threads)
                        && (Boolean) hotspot.getMethod("isThreadAllocatedMemorySupported").invoke(threads),
                "this JVM does not count a thread's allocated bytes (com.sun.management.ThreadMXBean)");
        Method allocatedBytes = hotspot.getMethod("getThreadAllocatedBytes", long.class);
        try (Socket a = Loopback.datagram(Family.INET); Socket b = Loopback.datagram(Family.INET)) {
            a.connect(b.localAddress());
            a.setOption(org.sockets4j.option.SocketOptions.SO_SNDBUF, 1 << 20);
            b.setOption(org.sockets4j.option.SocketOptions.SO_RCVBUF, 1 << 20);
            DatagramBatch out = DatagramBatch.allocate(32, 64);
            for (int i = 0; i < 32; i++) out.setLength(i, 64);
            DatagramBatch in = DatagramBatch.allocate(32, 64);
            MsgFlag[] none = {};
            // warm up: the lazily made per-thread state, and the JIT (nothing here allocates even interpreted)
            for (int round = 0; round < 500; round++) exchange(a, b, out, in, none);
            long id = Thread.currentThread().getId();
            long before = (Long) allocatedBytes.invoke(threads, id);
            int calls = 0;
            int datagrams = 0;
            while (datagrams < 10_000) {
                calls += exchange(a, b, out, in, none);
                datagrams += 32;
            }
            long allocated = (Long) allocatedBytes.invoke(threads, id) - before;
            assertTrue(allocated < 64L * calls, allocated + " bytes allocated over " + calls + " batch calls ("
                    + datagrams + " datagrams)");
        }
    }

    /** Sends 32 datagrams and receives them all; returns the number of batch calls made. */
    private static int exchange(Socket a, Socket b, DatagramBatch out, DatagramBatch in, MsgFlag[] none)
            throws IOException {
        int calls = 0;
        int sent = 0;
        while (sent < 32) {
            int r = a.sendMany(out, sent, 32 - sent, none);
            calls++;
            if (r > 0) sent += r;
        }
        int got = 0;
        while (got < 32) {
            int r = b.recvMany(in, none);
            calls++;
            if (r > 0) got += r;
        }
        return calls;
    }
}
