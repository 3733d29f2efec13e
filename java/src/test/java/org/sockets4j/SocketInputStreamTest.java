package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.IllegalBlockingModeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.option.SocketOptions;

/** {@link Socket#inputStream()}: java.net.Socket's input stream contract over recv. */
@Timeout(30)
class SocketInputStreamTest {

    private static SocketPair pair() throws Exception {
        return Socket.pair(Family.INET, Type.STREAM);
    }

    private static void sendAll(Socket s, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < b.length) at += s.send(b, at, b.length - at);
    }

    @Test
    void oneStreamPerSocketSharedWithTheChannel() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            assertSame(in, p.first().inputStream());
            assertSame(p.first().channel(), p.first().channel());
            assertSame(p.first(), p.first().channel().socket());
        }
    }

    @Test
    void singleBytesArraysAndAvailable() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            sendAll(p.second(), "hello");
            assertEquals('h', in.read()); // waits for the segment; the other four came with it
            assertEquals(4, in.available());
            byte[] b = new byte[16];
            assertEquals(0, in.read(b, 3, 0)); // zero length: 0 at once, nothing consumed
            assertEquals(4, in.available());
            int n = in.read(b, 2, 10);
            assertEquals(4, n);
            assertEquals("ello", new String(b, 2, 4, StandardCharsets.US_ASCII));
            assertEquals(0, in.available());
            p.second().send(new byte[] {(byte) 0xff});
            assertEquals(0xff, in.read(), "a byte is 0..255, never negative");
        }
    }

    @Test
    void endOfStreamThenTheOtherDirectionStillWorks() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            sendAll(p.second(), "ab");
            p.second().shutdown(Shutdown.WRITE);
            byte[] b = new byte[8];
            assertEquals(2, in.readNBytes(b, 0, 8));
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(b, 0, 8));
            assertEquals(-1, in.read(), "end of stream stays");
            // half-close: this side still sends and the peer still receives
            p.first().outputStream().write("back".getBytes(StandardCharsets.US_ASCII));
            assertEquals("back", new String(p.second().inputStream().readNBytes(4), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void shutdownOfOwnInputReadsAsEndOfStream() throws Exception {
        try (SocketPair p = pair()) {
            p.first().shutdown(Shutdown.READ); // POSIX: recv says 0; Winsock: WSAESHUTDOWN, read as the end too
            assertEquals(-1, p.first().inputStream().read());
            assertEquals(-1, p.first().inputStream().read(new byte[4], 0, 4));
            assertEquals(-1, p.first().channel().read(java.nio.ByteBuffer.allocate(4)));
            assertEquals(-1, p.first().channel().read(new java.nio.ByteBuffer[] {java.nio.ByteBuffer.allocateDirect(4)}));
        }
    }

    @Test
    void receiveTimeoutThrowsAndLeavesTheStreamUsable() throws Exception {
        try (SocketPair p = pair()) {
            p.first().setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(100));
            InputStream in = p.first().inputStream();
            assertThrows(SocketTimeoutException.class, in::read);
            assertThrows(SocketTimeoutException.class, () -> in.read(new byte[4], 0, 4));
            sendAll(p.second(), "x");
            assertEquals('x', in.read());
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRead() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return in.read(new byte[8], 0, 8);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // let it block in recv (if the close comes first, the answer is the same type)
            p.first().close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
        }
    }

    @Test
    void closingTheStreamClosesTheSocket() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            in.close();
            in.close(); // idempotent
            assertFalse(p.first().isOpen());
            assertThrows(SocketClosedException.class, in::read);
            assertThrows(SocketClosedException.class, () -> in.read(new byte[1], 0, 1));
            assertThrows(SocketClosedException.class, () -> in.read(new byte[1], 0, 0));
            assertThrows(SocketClosedException.class, in::available);
            assertThrows(SocketClosedException.class, p.first()::inputStream);
            assertEquals(-1, p.second().inputStream().read(), "the peer sees the end of the stream");
        }
    }

    @Test
    void nonBlockingSocketsAreRefused() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            p.first().setBlocking(false);
            assertThrows(IllegalBlockingModeException.class, in::read);
            assertThrows(IllegalBlockingModeException.class, () -> in.read(new byte[4], 0, 4));
            assertEquals(0, in.available(), "available does not block, so it answers");
            p.first().setBlocking(true);
            sendAll(p.second(), "y");
            assertEquals('y', in.read());
        }
    }

    @Test
    void badArguments() throws Exception {
        try (SocketPair p = pair()) {
            InputStream in = p.first().inputStream();
            assertEquals("b is null", assertThrows(NullPointerException.class, () -> in.read(null, 0, 1)).getMessage());
            assertThrows(NullPointerException.class, () -> in.read(null));
            byte[] b = new byte[4];
            assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, Integer.MAX_VALUE, 2));
            sendAll(p.second(), "z"); // none of the above consumed anything
            assertEquals('z', in.read());
        }
    }

    @Test
    void readsLargerThanOneScratchChunk() throws Exception {
        try (SocketPair p = pair()) {
            byte[] sent = new byte[3 << 20];
            for (int i = 0; i < sent.length; i++) sent[i] = (byte) (i * 31 + 7);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    p.second().outputStream().write(sent);
                    p.second().shutdown(Shutdown.WRITE);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            byte[] got = p.first().inputStream().readAllBytes();
            writer.get(20, TimeUnit.SECONDS);
            assertArrayEquals(sent, got);
        }
    }
}
