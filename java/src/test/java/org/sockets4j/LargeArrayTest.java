package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arrays larger than the per-thread native buffer move through it in chunks:
 * no direct memory per call, every byte in order.
 */
@Timeout(60)
class LargeArrayTest {

    private static final int ARRAY = 4 << 20; // four times the per-thread buffer
    private static final int ROUNDS = 24;

    /** The JVM's direct buffer memory, through java.management by reflection (this module does not read it). */
    private static long directBytes() throws ReflectiveOperationException {
        Class<?> pool = Class.forName("java.lang.management.BufferPoolMXBean");
        Object beans = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getPlatformMXBeans", Class.class).invoke(null, pool);
        long sum = 0;
        for (Object bean : (java.util.List<?>) beans) {
            if ("direct".equals(pool.getMethod("getName").invoke(bean))) {
                sum += (Long) pool.getMethod("getTotalCapacity").invoke(bean);
            }
        }
        return sum;
    }

    private static byte pattern(long at) {
        return (byte) (at * 31 + (at >>> 11));
    }

    @Test
    void largeArraysStreamWithoutDirectMemoryPerCall() throws Exception {
        Family family = Family.UNIX.isSupported() ? Family.UNIX : Family.INET;
        try (SocketPair pair = Socket.pair(family, Type.STREAM)) {
            Socket a = pair.first();
            Socket b = pair.second();
            long total = (long) ARRAY * ROUNDS;
            // warm up both threads' native buffers, then count
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try {
                    byte[] src = new byte[ARRAY];
                    long sent = 0;
                    while (sent < total) {
                        int len = (int) Math.min(src.length, total - sent);
                        for (int i = 0; i < len; i++) src[i] = pattern(sent + i);
                        int off = 0;
                        while (off < len) off += a.send(src, off, len - off);
                        sent += len;
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] dst = new byte[ARRAY];
            long received = 0;
            long before = -1;
            while (received < total) {
                int n = b.recv(dst, 0, dst.length);
                assertTrue(n > 0, "recv ended early: " + n);
                for (int i = 0; i < n; i++) {
                    if (dst[i] != pattern(received + i)) {
                        throw new AssertionError("byte " + (received + i) + " differs");
                    }
                }
                received += n;
                if (before < 0) before = directBytes();
            }
            sender.get(30, TimeUnit.SECONDS);
            long grown = directBytes() - before;
            assertTrue(grown <= 2L << 20, "direct memory grew by " + grown + " bytes over " + ROUNDS
                    + " transfers of " + ARRAY + "-byte arrays");
        }
    }

    @Test
    void aLargeWaitAllRecvFillsTheWholeArray() throws Exception {
        try (SocketPair pair = Socket.pair(Family.UNIX.isSupported() ? Family.UNIX : Family.INET, Type.STREAM)) {
            byte[] src = new byte[3 * (1 << 20) + 5];
            for (int i = 0; i < src.length; i++) src[i] = pattern(i);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try {
                    int off = 0;
                    while (off < src.length) off += pair.first().send(src, off, src.length - off);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] dst = new byte[src.length];
            assertEquals(src.length, pair.second().recv(dst, 0, dst.length, MsgFlag.WAITALL));
            assertArrayEquals(src, dst);
            sender.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBlockingSendOfALargeArraySendsItAll() throws Exception {
        try (SocketPair pair = Socket.pair(Family.UNIX.isSupported() ? Family.UNIX : Family.INET, Type.STREAM)) {
            byte[] src = new byte[5 * (1 << 20)];
            Arrays.fill(src, (byte) 9);
            CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return pair.first().send(src);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] dst = new byte[src.length];
            int got = 0;
            while (got < dst.length) {
                int n = pair.second().recv(dst, got, dst.length - got);
                assertTrue(n > 0);
                got += n;
            }
            assertEquals(src.length, sent.get(10, TimeUnit.SECONDS), "a blocking stream send returns all it sent");
            assertArrayEquals(src, dst);
        }
    }

    @Test
    void datagramsThroughLargeArraysStayWhole() throws Exception {
        assumeTrue(Family.UNIX.isSupported(), "AF_UNIX is not supported here");
        try (SocketPair pair = Socket.pair(Family.UNIX, Type.DGRAM)) {
            byte[] big = new byte[(1 << 20) + 4096];
            for (int i = 0; i < big.length; i++) big[i] = pattern(i);
            try {
                // Whole or refused: a datagram is never cut into chunks.
                assertEquals(big.length, pair.first().send(big));
                byte[] dst = new byte[2 * big.length];
                Received r = pair.second().recvFrom(dst, 0, dst.length);
                assertEquals(big.length, r.length());
                assertArrayEquals(big, Arrays.copyOf(dst, big.length));
            } catch (java.io.IOException e) {
                assertEquals(Errno.EMSGSIZE, ((NativeError) e).errno(), "a large datagram failed otherwise: " + e);
            }
            // A small datagram into an array larger than the per-thread buffer arrives whole.
            byte[] small = Arrays.copyOf(big, 100_000);
            assertEquals(small.length, pair.first().send(small));
            byte[] dst = new byte[2 << 20];
            assertEquals(small.length, pair.second().recv(dst));
            assertArrayEquals(small, Arrays.copyOf(dst, small.length));
        }
    }
}
