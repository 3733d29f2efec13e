package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A buffer moved by another thread during a call may give a wrong count or an
 * exception, never a write outside the buffer: before the fix this crashed the
 * JVM (the kernel wrote a 1200-byte datagram past a 64-byte direct buffer).
 */
@Timeout(60)
class BufferRaceTest {

    private static final int SMALL = 64;
    private static final long MILLIS = 3_000;

    /** Flips the buffer's position and limit on another thread while body runs calls with it. */
    private static void whileFlipping(ByteBuffer[] buffers, Body body) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread flipper = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                ByteBuffer b = buffers[i++ % buffers.length];
                try {
                    b.limit(b.capacity());
                    b.position((i & 1) == 0 ? b.capacity() : 0);
                    b.limit((i & 2) == 0 ? b.capacity() : b.capacity() / 2);
                } catch (IllegalArgumentException ignored) {
                    // a race with the call's own position update: keep flipping
                }
            }
        }, "flipper");
        flipper.start();
        try {
            long end = System.currentTimeMillis() + MILLIS;
            while (System.currentTimeMillis() < end) body.run();
        } finally {
            stop.set(true);
            flipper.join();
        }
    }

    interface Body {
        void run() throws Exception;
    }

    @Test
    void recvIntoMovingBuffers() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(org.sockets4j.option.SocketOptions.SO_RCVTIMEO, java.time.Duration.ofMillis(50));
            ByteBuffer[] buffers = {ByteBuffer.allocateDirect(SMALL), ByteBuffer.allocate(SMALL)};
            byte[] datagram = new byte[1200];
            int[] calls = {0};
            whileFlipping(buffers, () -> {
                tx.sendTo(datagram, 0, datagram.length, rx.localAddress());
                int call = calls[0]++;
                ByteBuffer b = buffers[(call >> 1) & 1];
                try {
                    int n = (call & 1) == 0 ? rx.recv(b) : lengthOf(rx.recvFrom(b));
                    assertTrue(n <= SMALL || n == Socket.WOULD_BLOCK, "stored more than the buffer holds: " + n);
                } catch (IllegalArgumentException | IndexOutOfBoundsException | java.net.SocketTimeoutException expected) {
                    // a moved buffer may make the call fail; it must never write outside the buffer
                }
            });
        }
    }

    private static int lengthOf(Received r) {
        return r == null ? Socket.WOULD_BLOCK : Math.min(r.length(), SMALL);
    }

    @Test
    void recvMsgIntoMovingBuffers() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            rx.setOption(org.sockets4j.option.SocketOptions.SO_RCVTIMEO, java.time.Duration.ofMillis(50));
            ByteBuffer[] buffers = {ByteBuffer.allocateDirect(SMALL), ByteBuffer.allocate(SMALL), ByteBuffer.allocateDirect(SMALL)};
            byte[] datagram = new byte[1200];
            whileFlipping(buffers, () -> {
                tx.sendTo(datagram, 0, datagram.length, rx.localAddress());
                try {
                    rx.recvMsg(buffers, 0);
                } catch (IllegalArgumentException | IndexOutOfBoundsException | java.net.SocketTimeoutException expected) {
                    // as above
                }
            });
            whileFlipping(buffers, () -> {
                try {
                    tx.sendMsg(buffers, rx.localAddress(), java.util.List.of());
                    rx.recv(new byte[2048]); // drains what was sent; SO_RCVTIMEO ends it if nothing was
                } catch (IllegalArgumentException | IndexOutOfBoundsException | java.net.SocketTimeoutException expected) {
                    // as above
                }
            });
        }
    }
}
