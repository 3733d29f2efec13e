package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.option.SocketOptions;

/** {@link Socket#channel()}: the NIO channel contracts over recv/send and readv/writev. */
@Timeout(30)
class SocketByteChannelTest {

    private static SocketPair pair() throws Exception {
        return Socket.pair(Family.INET, Type.STREAM);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void sendAll(Socket s, byte[] b) throws Exception {
        int at = 0;
        while (at < b.length) at += s.send(b, at, b.length - at);
    }

    private static String receive(Socket s, int n) throws Exception {
        byte[] b = new byte[n];
        int at = 0;
        while (at < n) {
            int r = s.recv(b, at, n - at);
            assertTrue(r > 0, "recv " + r);
            at += r;
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static String text(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return new String(out, StandardCharsets.US_ASCII);
    }

    @Test
    void oneChannelPerSocketDelegatingOpenAndClose() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            assertSame(ch, p.first().channel());
            assertInstanceOf(ByteChannel.class, ch);
            assertInstanceOf(ScatteringByteChannel.class, ch);
            assertInstanceOf(GatheringByteChannel.class, ch);
            assertTrue(ch.isOpen());
            ch.close();
            assertFalse(ch.isOpen());
            assertFalse(p.first().isOpen());
            ch.close();
            assertThrows(ClosedChannelException.class, () -> ch.read(ByteBuffer.allocate(1)));
            assertThrows(ClosedChannelException.class, () -> ch.write(ByteBuffer.allocate(1)));
            assertThrows(ClosedChannelException.class, () -> ch.read(ByteBuffer.allocate(0)));
            assertThrows(ClosedChannelException.class, () -> ch.write(new ByteBuffer[] {ByteBuffer.allocate(0)}));
            assertThrows(ClosedChannelException.class, () -> ch.read(new ByteBuffer[] {ByteBuffer.allocate(1)}));
        }
    }

    @Test
    void heapAndDirectBuffersBothWays() throws Exception {
        for (IntFunction<ByteBuffer> alloc : List.<IntFunction<ByteBuffer>>of(ByteBuffer::allocate,
                ByteBuffer::allocateDirect)) {
            try (SocketPair p = pair()) {
                SocketByteChannel a = p.first().channel();
                SocketByteChannel b = p.second().channel();
                ByteBuffer out = alloc.apply(16).put(ascii("..hello")).flip().position(2);
                assertEquals(5, a.write(out));
                assertEquals(7, out.position());
                ByteBuffer in = alloc.apply(16).position(3);
                int got = 0;
                while (got < 5) got += b.read(in);
                assertEquals(8, in.position());
                assertEquals("hello", text(in, 3, 8));
            }
        }
    }

    @Test
    void endOfStreamThenWritesStillWork() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            sendAll(p.second(), ascii("xy"));
            p.second().shutdown(Shutdown.WRITE);
            ByteBuffer in = ByteBuffer.allocate(8);
            while (in.position() < 2) assertTrue(ch.read(in) > 0);
            assertEquals(-1, ch.read(in));
            assertEquals(-1, ch.read(new ByteBuffer[] {ByteBuffer.allocate(2), ByteBuffer.allocateDirect(2)}));
            assertEquals(2, in.position(), "EOF moves nothing");
            assertEquals(3, ch.write(ByteBuffer.wrap(ascii("ack"))));
            assertEquals("ack", receive(p.second(), 3));
        }
    }

    @Test
    void zeroLengthReadsAndWritesReturnZeroWithoutWaiting() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            assertEquals(0, ch.read(ByteBuffer.allocate(0)));
            assertEquals(0, ch.read(ByteBuffer.allocate(4).position(4)));
            assertEquals(0, ch.write(ByteBuffer.allocate(0)));
            assertEquals(0, ch.read(new ByteBuffer[0]));
            assertEquals(0, ch.write(new ByteBuffer[0]));
            assertEquals(0, ch.read(new ByteBuffer[] {ByteBuffer.allocate(0), ByteBuffer.allocateDirect(0)}));
            assertEquals(0, ch.write(new ByteBuffer[] {ByteBuffer.allocate(0), ByteBuffer.allocateDirect(0)}));
            ByteBuffer[] some = {ByteBuffer.allocate(4)};
            assertEquals(0, ch.read(some, 1, 0));
            assertEquals(0, ch.write(some, 0, 0));
        }
    }

    @Test
    void gatherAndScatterAcrossThreePartlyUsedBuffers() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel a = p.first().channel();
            SocketByteChannel b = p.second().channel();
            // out: "ab" of a heap buffer past its first byte, nothing of the second, "cdefg" of a direct one
            ByteBuffer o1 = ByteBuffer.wrap(ascii("_ab"));
            o1.position(1);
            ByteBuffer o2 = ByteBuffer.wrap(ascii("zz"));
            o2.position(2);
            ByteBuffer o3 = ByteBuffer.allocateDirect(10).put(ascii("cdefg")).flip();
            ByteBuffer[] srcs = {ByteBuffer.wrap(ascii("not sent")), o1, o2, o3};
            assertEquals(7, a.write(srcs, 1, 3));
            assertEquals(0, srcs[0].position(), "outside the range: untouched");
            assertEquals(3, o1.position());
            assertEquals(2, o2.position());
            assertEquals(5, o3.position());
            // in: room for 1 (a direct buffer with its position at 3), 2 (heap, limit cut), the rest (heap)
            ByteBuffer i1 = ByteBuffer.allocateDirect(4).position(3);
            ByteBuffer i2 = ByteBuffer.allocate(10).position(1).limit(3);
            ByteBuffer i3 = ByteBuffer.allocate(10);
            ByteBuffer[] dsts = {i1, i2, i3, ByteBuffer.allocate(4)};
            long got = 0;
            while (got < 7) {
                long r = b.read(dsts, 0, 3);
                assertTrue(r > 0, "read " + r);
                got += r;
            }
            assertEquals(7, got);
            assertEquals(4, i1.position());
            assertEquals(3, i2.position());
            assertEquals(4, i3.position());
            assertEquals(0, dsts[3].position(), "outside the range: untouched");
            assertEquals("a", text(i1, 3, 4));
            assertEquals("bc", text(i2, 1, 3));
            assertEquals("defg", text(i3, 0, 4));
        }
    }

    @Test
    void moreThanSixtyFourBuffersAreAllWrittenWhenBlocking() throws Exception {
        try (SocketPair p = pair()) {
            ByteBuffer[] srcs = new ByteBuffer[200];
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < srcs.length; i++) {
                char c = (char) ('A' + i % 26);
                srcs[i] = (i % 2 == 0 ? ByteBuffer.allocate(1) : ByteBuffer.allocateDirect(1)).put(0, (byte) c);
                expected.append(c);
            }
            assertEquals(200, p.first().channel().write(srcs));
            for (ByteBuffer b : srcs) assertFalse(b.hasRemaining());
            assertEquals(expected.toString(), receive(p.second(), 200));
            // a read takes up to 64 buffers a call
            sendAll(p.second(), ascii(expected.toString()));
            ByteBuffer[] dsts = new ByteBuffer[200];
            for (int i = 0; i < dsts.length; i++) dsts[i] = ByteBuffer.allocate(1);
            long got = 0;
            while (got < 200) {
                long r = p.first().channel().read(dsts);
                assertTrue(r > 0 && r <= 64, "read " + r);
                got += r;
            }
            StringBuilder read = new StringBuilder();
            for (ByteBuffer b : dsts) read.append((char) b.get(0));
            assertEquals(expected.toString(), read.toString());
        }
    }

    @Test
    void largeGatheredHeapWriteGoesOutWhole() throws Exception {
        try (SocketPair p = pair()) {
            byte[] big = new byte[(3 << 20) + 5]; // over one scratch chunk: Gather cuts, the channel goes on
            for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 7);
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.second().inputStream().readAllBytes();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            ByteBuffer[] srcs = {ByteBuffer.wrap(big, 0, 1 << 20), ByteBuffer.wrap(big, 1 << 20, big.length - (1 << 20))};
            assertEquals(big.length, p.first().channel().write(srcs));
            p.first().shutdown(Shutdown.WRITE);
            assertArrayEquals(big, reader.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void nonBlockingReadsAndWritesReturnZeroWhenNothingIsReady() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            p.first().setBlocking(false);
            assertEquals(0, ch.read(ByteBuffer.allocate(8)));
            assertEquals(0, ch.read(new ByteBuffer[] {ByteBuffer.allocate(2), ByteBuffer.allocateDirect(2)}));
            ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
            long total = 0;
            int r;
            while ((r = ch.write(chunk.clear())) > 0) total += r; // until the buffers are full
            assertEquals(0, r);
            assertTrue(total > 0);
            assertEquals(0, ch.write(new ByteBuffer[] {ByteBuffer.allocate(8), ByteBuffer.allocateDirect(8)}));
            sendAll(p.second(), ascii("nb"));
            ByteBuffer in = ByteBuffer.allocate(8);
            while (in.position() < 2) ch.read(in); // non-blocking: poll (bounded by the test's timeout)
            assertEquals("nb", text(in, 0, 2));
        }
    }

    @Test
    void receiveTimeoutThrowsAndTheChannelStaysUsable() throws Exception {
        try (SocketPair p = pair()) {
            p.first().setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(100));
            SocketByteChannel ch = p.first().channel();
            assertThrows(SocketTimeoutException.class, () -> ch.read(ByteBuffer.allocate(4)));
            assertThrows(SocketTimeoutException.class, () -> ch.read(new ByteBuffer[] {ByteBuffer.allocate(4)}));
            sendAll(p.second(), ascii("t"));
            assertEquals(1, ch.read(ByteBuffer.allocate(4)));
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedScatteringRead() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return ch.read(new ByteBuffer[] {ByteBuffer.allocate(4), ByteBuffer.allocateDirect(4)});
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            ch.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ClosedChannelException.class, e.getCause().getCause());
            assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedGatheringWrite() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try { // more than the peer, which does not read, can take
                    return ch.write(new ByteBuffer[] {ByteBuffer.allocateDirect(32 << 20), ByteBuffer.allocate(1 << 20)});
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            ch.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
        }
    }

    @Test
    void datagramsAreGatheredIntoOneAndScatteredOneAtATime() throws Exception {
        try (SocketPair p = Socket.pair(Family.INET, Type.DGRAM)) {
            SocketByteChannel a = p.first().channel();
            SocketByteChannel b = p.second().channel();
            assertEquals(6, a.write(new ByteBuffer[] {ByteBuffer.wrap(ascii("ab")), ByteBuffer.allocate(0),
                    ByteBuffer.allocateDirect(4).put(ascii("cdef")).flip()}));
            assertEquals(2, a.write(ByteBuffer.wrap(ascii("gh"))));
            // the first datagram is longer than the buffers: what fits is stored, the rest is lost, as recv does
            ByteBuffer i1 = ByteBuffer.allocate(2);
            ByteBuffer i2 = ByteBuffer.allocateDirect(2);
            assertEquals(4, b.read(new ByteBuffer[] {i1, i2}));
            assertEquals("ab", text(i1, 0, 2));
            assertEquals("cd", text(i2, 0, 2));
            ByteBuffer next = ByteBuffer.allocate(8);
            assertEquals(2, b.read(next));
            assertEquals("gh", text(next, 0, 2));
        }
    }

    @Test
    void badArguments() throws Exception {
        try (SocketPair p = pair()) {
            SocketByteChannel ch = p.first().channel();
            assertEquals("dst is null", assertThrows(NullPointerException.class, () -> ch.read((ByteBuffer) null)).getMessage());
            assertEquals("src is null", assertThrows(NullPointerException.class, () -> ch.write((ByteBuffer) null)).getMessage());
            assertEquals("dsts is null", assertThrows(NullPointerException.class, () -> ch.read((ByteBuffer[]) null)).getMessage());
            assertEquals("srcs is null", assertThrows(NullPointerException.class, () -> ch.write((ByteBuffer[]) null, 0, 0)).getMessage());
            assertEquals("dsts[1] is null", assertThrows(NullPointerException.class,
                    () -> ch.read(new ByteBuffer[] {ByteBuffer.allocate(1), null})).getMessage());
            assertEquals("srcs[0] is null", assertThrows(NullPointerException.class,
                    () -> ch.write(new ByteBuffer[] {null})).getMessage());
            ByteBuffer ro = ByteBuffer.allocate(4).asReadOnlyBuffer();
            assertEquals("dst is a read-only buffer", assertThrows(IllegalArgumentException.class, () -> ch.read(ro)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> ch.read(ByteBuffer.allocateDirect(4).asReadOnlyBuffer()));
            assertEquals("dsts[0] is a read-only buffer", assertThrows(IllegalArgumentException.class,
                    () -> ch.read(new ByteBuffer[] {ro, ByteBuffer.allocate(1)})).getMessage());
            ByteBuffer[] two = {ByteBuffer.allocate(1), ByteBuffer.allocate(1)};
            assertThrows(IndexOutOfBoundsException.class, () -> ch.read(two, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> ch.read(two, 0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> ch.read(two, 2, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> ch.write(two, 1, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> ch.write(two, Integer.MAX_VALUE, 2));
            // a read-only buffer is fine to send from
            assertEquals(4, ch.write(ro));
            assertEquals(4, receive(p.second(), 4).length());
            // nothing was consumed by the refused calls
            sendAll(p.second(), ascii("ok"));
            ByteBuffer in = ByteBuffer.allocate(2);
            while (in.hasRemaining()) ch.read(in);
            assertEquals("ok", text(in, 0, 2));
        }
    }
}
