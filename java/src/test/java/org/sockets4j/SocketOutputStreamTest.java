package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.IllegalBlockingModeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Socket#outputStream()}: java.net.Socket's output stream contract over send. */
@Timeout(30)
class SocketOutputStreamTest {

    private static SocketPair pair() throws Exception {
        return Socket.pair(Family.INET, Type.STREAM);
    }

    private static String receive(Socket s, int n) throws Exception {
        byte[] b = new byte[n];
        int at = 0;
        while (at < n) {
            int r = s.recv(b, at, n - at);
            assertTrue(r > 0, "recv " + r);
            at += r;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void oneStreamPerSocket() throws Exception {
        try (SocketPair p = pair()) {
            assertSame(p.first().outputStream(), p.first().outputStream());
        }
    }

    @Test
    void singleBytesArraysAndZeroLengths() throws Exception {
        try (SocketPair p = pair()) {
            OutputStream out = p.first().outputStream();
            out.write('a');
            out.write(0x1ff); // the low eight bits
            out.write(new byte[0]);
            out.write("xbcdx".getBytes(StandardCharsets.US_ASCII), 1, 3);
            out.write(new byte[5], 5, 0);
            out.flush();
            assertEquals("a\u00ffbcd", receive(p.second(), 5));
        }
    }

    @Test
    void aWriteLargerThanTheSocketBufferSendsEverything() throws Exception {
        try (SocketPair p = pair()) {
            byte[] sent = new byte[3 << 20]; // over one scratch chunk (1 MiB), and over any loopback buffer
            for (int i = 0; i < sent.length; i++) sent[i] = (byte) (i * 13 + 1);
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.second().inputStream().readAllBytes();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            OutputStream out = p.first().outputStream();
            out.write(sent);
            p.first().shutdown(Shutdown.WRITE);
            assertArrayEquals(sent, reader.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void halfCloseEndsThePeersStreamAndReceivingGoesOn() throws Exception {
        try (SocketPair p = pair()) {
            p.first().outputStream().write(new byte[] {1, 2});
            p.first().shutdown(Shutdown.WRITE);
            assertEquals(2, p.second().inputStream().readNBytes(8).length);
            p.second().outputStream().write(new byte[] {3});
            assertEquals(3, p.first().inputStream().read());
            assertThrows(java.io.IOException.class, () -> p.first().outputStream().write(4), "EPIPE after shutdown");
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedWrite() throws Exception {
        try (SocketPair p = pair()) {
            OutputStream out = p.first().outputStream();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                started.countDown();
                try {
                    out.write(new byte[64 << 20]); // more than the peer, which does not read, can take
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            p.first().close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
        }
    }

    @Test
    void closingTheStreamClosesTheSocket() throws Exception {
        try (SocketPair p = pair()) {
            OutputStream out = p.first().outputStream();
            out.close();
            out.close();
            assertFalse(p.first().isOpen());
            assertThrows(SocketClosedException.class, () -> out.write(1));
            assertThrows(SocketClosedException.class, () -> out.write(new byte[1], 0, 1));
            assertThrows(SocketClosedException.class, () -> out.write(new byte[1], 0, 0));
            assertThrows(SocketClosedException.class, out::flush);
            assertThrows(SocketClosedException.class, p.first()::outputStream);
        }
    }

    @Test
    void nonBlockingSocketsAreRefused() throws Exception {
        try (SocketPair p = pair()) {
            OutputStream out = p.first().outputStream();
            p.first().setBlocking(false);
            assertThrows(IllegalBlockingModeException.class, () -> out.write(1));
            assertThrows(IllegalBlockingModeException.class, () -> out.write(new byte[4], 0, 4));
            p.first().setBlocking(true);
            out.write('k');
            assertEquals("k", receive(p.second(), 1));
        }
    }

    @Test
    void badArguments() throws Exception {
        try (SocketPair p = pair()) {
            OutputStream out = p.first().outputStream();
            assertEquals("b is null", assertThrows(NullPointerException.class, () -> out.write(null, 0, 1)).getMessage());
            assertThrows(NullPointerException.class, () -> out.write(null));
            byte[] b = new byte[4];
            assertThrows(IndexOutOfBoundsException.class, () -> out.write(b, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> out.write(b, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> out.write(b, 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> out.write(b, Integer.MAX_VALUE, 2));
            out.write('q'); // nothing was sent by the refused calls
            assertEquals("q", receive(p.second(), 1));
        }
    }
}
