package org.sockets4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.Errno;
import org.sockets4j.Family;
import org.sockets4j.Socket;
import org.sockets4j.SocketPair;
import org.sockets4j.Type;

/**
 * The natives that take a buffer refuse, whatever Java passed, an offset or a length that
 * leaves the direct buffer's capacity (a buffer moved by another thread mid-call can hand them
 * such values), with EINVAL and without touching memory outside it; and a Java array too short
 * for what C reads from it ends in Java's exception (or EINVAL), with nothing done.
 *
 * <p>The buffer under test is a 64-byte slice in the middle of a larger direct buffer, so
 * that a native that trusted its arguments writes into (or sends from) memory the test owns
 * and can inspect, instead of corrupting the heap.
 */
@Timeout(20)
class NativeBoundsTest {

    private static final int SLICE_AT = 1024;
    private static final int SLICE = 64;

    /** offset, length pairs outside [0, 64]: each check written naively would overflow or let one through. */
    private static final int[][] OUTSIDE = {
        {0, SLICE + 1}, {0, 1200}, {1, SLICE}, {SLICE, 1}, {SLICE + 1, 0}, {-16, 32}, {-1, 0}, {0, -1},
        {1, Integer.MAX_VALUE}, {Integer.MAX_VALUE, 1}, {Integer.MAX_VALUE, Integer.MAX_VALUE},
        {Integer.MIN_VALUE, 0}, {SLICE, Integer.MIN_VALUE},
    };

    private SocketPair pair;
    private ByteBuffer whole;
    private ByteBuffer slice;

    @BeforeEach
    void open() throws Exception {
        pair = Socket.pair(Family.INET, Type.STREAM);
        pair.first().setBlocking(false);
        pair.second().setBlocking(false);
        whole = ByteBuffer.allocateDirect(4096);
        slice = whole.slice(SLICE_AT, SLICE);
    }

    @AfterEach
    void close() {
        pair.close();
    }

    private static void assertEinval(int r, String what) {
        assertTrue(r < 0, what + " returned " + r + " instead of failing");
        assertEquals(Errno.EINVAL, Errno.of(NativeErrors.portable(r)), what);
    }

    /** Outside the slice, the larger buffer still holds only zeros. */
    private void assertUntouched(String what) {
        for (int i = 0; i < whole.capacity(); i++) {
            if (i >= SLICE_AT && i < SLICE_AT + SLICE) continue;
            assertEquals(0, whole.get(i), what + ": byte " + (i - SLICE_AT) + " of the slice was written");
        }
    }

    /** Queues n bytes of 0x42 for the second end. */
    private void queue(int n) throws Exception {
        ByteBuffer data = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) data.put(i, (byte) 0x42);
        assertEquals(n, NativeSocket.send(pair.first().handle(), data, 0, n, 0, 0L));
    }

    /** Nothing arrived at the second end (the send was refused before the kernel saw it). */
    private void assertNothingSent(String what) throws Exception {
        ByteBuffer sink = ByteBuffer.allocateDirect(16);
        int r = NativeSocket.recv(pair.second().handle(), sink, 0, 16, 0, 0L, 0L);
        assertTrue(r < 0, what + ": the peer received " + r + " bytes");
        assertEquals(Errno.EAGAIN, Errno.of(NativeErrors.portable(r)), what);
    }

    @Test
    void recvRefusesARegionOutsideTheBuffer() throws Exception {
        queue(100);
        for (int[] c : OUTSIDE) {
            String what = "recv(offset " + c[0] + ", length " + c[1] + ")";
            assertEinval(NativeSocket.recv(pair.second().handle(), slice, c[0], c[1], 0, 0L, 0L), what);
            assertUntouched(what);
        }
        // the edges themselves are inside
        assertEquals(SLICE, NativeSocket.recv(pair.second().handle(), slice, 0, SLICE, 0, 0L, 0L));
        assertEquals(0, NativeSocket.recv(pair.second().handle(), slice, SLICE, 0, 0, 0L, 0L));
        assertUntouched("recv of the whole slice");
    }

    @Test
    void sendRefusesARegionOutsideTheBuffer() throws Exception {
        for (int[] c : OUTSIDE) {
            String what = "send(offset " + c[0] + ", length " + c[1] + ")";
            assertEinval(NativeSocket.send(pair.first().handle(), slice, c[0], c[1], 0, 0L), what);
            assertNothingSent(what);
        }
        assertEquals(SLICE, NativeSocket.send(pair.first().handle(), slice, 0, SLICE, 0, 0L));
    }

    @Test
    void recvMsgRefusesARegionOutsideAnyBuffer() throws Exception {
        queue(100);
        ByteBuffer other = ByteBuffer.allocateDirect(SLICE);
        for (int[] c : OUTSIDE) {
            String what = "recvMsg(offset " + c[0] + ", length " + c[1] + ")";
            // the bad region second, after a good one: each entry is checked
            ByteBuffer[] buffers = {other, slice};
            int[] io = {0, 0};
            int r = NativeMessage.recvMsg(pair.second().handle(), buffers, new int[] {0, c[0]},
                    new int[] {SLICE, c[1]}, 2, 0L, new byte[0], io, 0);
            assertEinval(r, what);
            assertUntouched(what);
        }
        int[] io = {0, 0};
        assertEquals(SLICE, NativeMessage.recvMsg(pair.second().handle(), new ByteBuffer[] {slice}, new int[] {0},
                new int[] {SLICE}, 1, 0L, new byte[0], io, 0));
        assertUntouched("recvMsg of the whole slice");
    }

    @Test
    void sendMsgRefusesARegionOutsideAnyBuffer() throws Exception {
        ByteBuffer other = ByteBuffer.allocateDirect(SLICE);
        for (int[] c : OUTSIDE) {
            String what = "sendMsg(offset " + c[0] + ", length " + c[1] + ")";
            int r = NativeMessage.sendMsg(pair.first().handle(), new ByteBuffer[] {other, slice}, new int[] {0, c[0]},
                    new int[] {SLICE, c[1]}, 2, 0L, new byte[0], 0, 0);
            assertEinval(r, what);
            assertNothingSent(what);
        }
    }

    @Test
    void recvvRefusesARegionOutsideAnyBuffer() throws Exception {
        queue(100);
        ByteBuffer other = ByteBuffer.allocateDirect(SLICE);
        for (int[] c : OUTSIDE) {
            String what = "recvv(offset " + c[0] + ", length " + c[1] + ")";
            int r = NativeMessage.recvv(pair.second().handle(), new ByteBuffer[] {other, slice}, new int[] {0, c[0]},
                    new int[] {SLICE, c[1]}, 2, 0);
            assertEinval(r, what);
            assertUntouched(what);
        }
        assertEinval(NativeMessage.recvv(pair.second().handle(), new ByteBuffer[] {slice}, new int[] {0},
                new int[] {SLICE}, -1, 0), "recvv(count -1)");
        assertEinval(NativeMessage.recvv(pair.second().handle(), new ByteBuffer[65], new int[65], new int[65], 65, 0),
                "recvv(count 65)");
        int heap = NativeMessage.recvv(pair.second().handle(), new ByteBuffer[] {ByteBuffer.allocate(8)},
                new int[] {0}, new int[] {8}, 1, 0);
        assertEquals(Errno.EFAULT, Errno.of(NativeErrors.portable(heap)), "recvv(a heap buffer): " + heap);
        assertEquals(SLICE, NativeMessage.recvv(pair.second().handle(), new ByteBuffer[] {slice}, new int[] {0},
                new int[] {SLICE}, 1, 0));
        assertUntouched("recvv of the whole slice");
    }

    @Test
    void sendvRefusesARegionOutsideAnyBuffer() throws Exception {
        ByteBuffer other = ByteBuffer.allocateDirect(SLICE);
        for (int[] c : OUTSIDE) {
            String what = "sendv(offset " + c[0] + ", length " + c[1] + ")";
            int r = NativeMessage.sendv(pair.first().handle(), new ByteBuffer[] {other, slice}, new int[] {0, c[0]},
                    new int[] {SLICE, c[1]}, 2, 0);
            assertEinval(r, what);
            assertNothingSent(what);
        }
        long tx = pair.first().handle();
        ByteBuffer[] two = {slice, slice};
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.sendv(tx, two, new int[] {0},
                new int[] {8, 8}, 2, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.sendv(tx, new ByteBuffer[] {slice},
                new int[] {0, 0}, new int[] {8, 8}, 2, 0));
        assertNothingSent("sendv with short arrays");
    }

    @Test
    void arraysShorterThanTheCountEndInJavasException() throws Exception {
        queue(100);
        long rx = pair.second().handle();
        long tx = pair.first().handle();
        ByteBuffer[] two = {slice, slice};
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.recvMsg(rx, two, new int[] {0},
                new int[] {8, 8}, 2, 0L, new byte[0], new int[] {0, 0}, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.recvMsg(rx, two, new int[] {0, 0},
                new int[] {8}, 2, 0L, new byte[0], new int[] {0, 0}, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.recvMsg(rx, new ByteBuffer[] {slice},
                new int[] {0, 0}, new int[] {8, 8}, 2, 0L, new byte[0], new int[] {0, 0}, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.recvMsg(rx, two, new int[] {0, 0},
                new int[] {8, 8}, 2, 0L, new byte[0], new int[] {0}, 0));
        assertUntouched("recvMsg with short arrays");
        // nothing was received by those calls: the 100 bytes are all still queued
        ByteBuffer all = ByteBuffer.allocateDirect(200);
        assertEquals(100, NativeSocket.recv(rx, all, 0, 200, 0, 0L, 0L));

        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.sendMsg(tx, two, new int[] {0},
                new int[] {8, 8}, 2, 0L, new byte[0], 0, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativeMessage.sendMsg(tx, two, new int[] {0, 0},
                new int[] {8, 8}, 2, 0L, new byte[4], 32, 0));
        assertNothingSent("sendMsg with short arrays");
    }

    @Test
    void setBytesRefusesARegionOutsideTheArrayAndSetsNothing() throws Exception {
        long h = pair.first().handle();
        int level = NativeConstants.require("SOL_SOCKET");
        int name = NativeConstants.require("SO_RCVBUF");
        int[] before = new int[1];
        assertEquals(0, NativeOption.getInt(h, level, name, before));
        int[][] outside = {{2, 4}, {-1, 4}, {0, 5}, {4, 1}, {0, -1}, {1, Integer.MAX_VALUE}, {Integer.MAX_VALUE, 4}};
        for (int[] c : outside) {
            assertEinval(NativeOption.setBytes(h, level, name, new byte[4], c[0], c[1]),
                    "setBytes(offset " + c[0] + ", length " + c[1] + ") of a 4-byte array");
        }
        int[] after = new int[1];
        assertEquals(0, NativeOption.getInt(h, level, name, after));
        assertEquals(before[0], after[0], "SO_RCVBUF was set from bytes outside the array");
    }
}
