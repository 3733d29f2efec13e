package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arrays and heap buffers pass through a per-thread native buffer that holds
 * whatever the thread received last, from any connection: only bytes the
 * kernel wrote in this call may ever be copied out of it.
 */
@Timeout(30)
class ScratchTest {

    private static final byte[] SECRET = "password=hunter2".getBytes(StandardCharsets.US_ASCII);

    /** Leaves SECRET in this thread's native buffer, received on a connection of its own. */
    private static void receiveASecret() throws Exception {
        try (Loopback.Pair other = Loopback.tcpPair(Family.INET)) {
            other.client().send(SECRET);
            byte[] got = new byte[SECRET.length];
            assertEquals(SECRET.length, other.server().recv(got, 0, got.length, MsgFlag.WAITALL));
        }
    }

    @Test
    void aTruncRecvOnAStreamStoresNothing() throws Exception {
        assumeTrue(MsgFlag.TRUNC.isSupported(), "MSG_TRUNC is an input flag of recv() on Linux only");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().send(new byte[SECRET.length]); // zeros: discarded by the kernel unread
            Thread.sleep(50);
            receiveASecret();
            byte[] dst = new byte[SECRET.length];
            int n = p.server().recv(dst, 0, dst.length, MsgFlag.TRUNC);
            assertEquals(SECRET.length, n, "MSG_TRUNC on a stream returns the bytes discarded");
            assertArrayEquals(new byte[SECRET.length], dst, "bytes the kernel never wrote reached the caller");

            p.client().send(new byte[SECRET.length]);
            Thread.sleep(50);
            receiveASecret();
            ByteBuffer heap = ByteBuffer.allocate(SECRET.length);
            assertEquals(SECRET.length, p.server().recv(heap, MsgFlag.TRUNC));
            assertEquals(0, heap.position(), "a heap buffer's position moved over bytes nobody wrote");
            assertArrayEquals(new byte[SECRET.length], heap.array());

            p.client().send(new byte[SECRET.length]);
            Thread.sleep(50);
            receiveASecret();
            Received r = p.server().recvFrom(dst, 0, dst.length, MsgFlag.TRUNC);
            assertEquals(SECRET.length, r.length());
            assertArrayEquals(new byte[SECRET.length], dst);
        }
    }

    @Test
    void aTruncRecvOfADatagramStoresWhatFitted() throws Exception {
        assumeTrue(MsgFlag.TRUNC.isSupported(), "MSG_TRUNC is an input flag of recv() on Linux only");
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Socket.open(Family.INET, Type.DGRAM)) {
            tx.sendTo(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6, rx.localAddress());
            byte[] dst = new byte[4];
            assertEquals(6, rx.recv(dst, 0, 4, MsgFlag.TRUNC));
            assertArrayEquals(new byte[] {1, 2, 3, 4}, dst);
        }
    }
}
