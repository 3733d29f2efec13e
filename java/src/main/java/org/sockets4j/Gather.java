package org.sockets4j;

import java.nio.ByteBuffer;
import org.sockets4j.internal.Scratch;

/**
 * The direct memory behind the buffer array of a sendmsg or recvmsg: the
 * buffers themselves where they are direct, one scratch region for the heap
 * ones (filled before a send, copied back after a receive).
 */
final class Gather {

    final ByteBuffer[] direct;
    final int[] offsets;
    final int[] lengths;
    final int total;
    /** Each buffer's position when the call began: read once, as another thread may move it. */
    private final int[] positions;

    /**
     * @param stream whether the socket is a stream, whose send or receive may move fewer bytes than
     *               offered: heap buffers then share this thread's native buffer, and what does not fit
     *               waits for the next call; a message of another type goes whole
     */
    Gather(ByteBuffer[] data, int count, boolean sending, boolean stream) {
        direct = new ByteBuffer[count];
        offsets = new int[count];
        lengths = new int[count];
        positions = new int[count];
        long heap = 0;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            int position = data[i].position();
            int limit = data[i].limit();
            positions[i] = position;
            lengths[i] = position <= limit ? limit - position : 0;
            if (!data[i].isDirect()) heap += lengths[i];
            sum += lengths[i];
        }
        long room = Integer.MAX_VALUE; // what one call can count
        long heapRoom = stream ? Scratch.CHUNK : Integer.MAX_VALUE;
        if (sum > room || heap > heapRoom) { // cut at the first buffer that does not fit; the rest waits
            long seen = 0;
            long seenHeap = 0;
            for (int i = 0; i < count; i++) {
                long fit = Math.min(room - seen, data[i].isDirect() ? lengths[i] : heapRoom - seenHeap);
                lengths[i] = (int) Math.max(0, Math.min(lengths[i], fit));
                seen += lengths[i];
                if (!data[i].isDirect()) seenHeap += lengths[i];
            }
            heap = seenHeap;
            sum = seen;
        }
        total = (int) sum;
        // A message of another type over one chunk goes whole, through memory of its own (rare: a record that large).
        ByteBuffer scratch = heap <= Scratch.CHUNK ? Scratch.get().data((int) heap) : ByteBuffer.allocateDirect((int) heap);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (data[i].isDirect()) {
                direct[i] = data[i];
                offsets[i] = positions[i];
                continue;
            }
            direct[i] = scratch;
            offsets[i] = at;
            if (sending && lengths[i] > 0) scratch.put(at, data[i], positions[i], lengths[i]);
            at += lengths[i];
        }
    }

    /**
     * Moves positions past {@code n} bytes, in order; after a receive, copies the bytes the kernel stored
     * ({@code n} of them, never more) into heap buffers.
     */
    void advance(ByteBuffer[] data, int n, boolean received) {
        int left = Math.min(n, total);
        for (int i = 0; i < direct.length && left > 0; i++) {
            int take = Math.min(left, lengths[i]);
            if (received && direct[i] != data[i]) data[i].put(positions[i], direct[i], offsets[i], take);
            data[i].position(positions[i] + take);
            left -= take;
        }
    }

    /** Checks a buffer array: non-null elements, 1..64 of them, writable when receiving. */
    static int check(ByteBuffer[] data, boolean writable) {
        Args.notNull(data, "data");
        if (data.length == 0 || data.length > 64) {
            throw new IllegalArgumentException("data must hold 1..64 buffers: " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (data[i] == null) throw new NullPointerException("data[" + i + "] is null");
            if (writable && data[i].isReadOnly()) throw new IllegalArgumentException("data[" + i + "] is a read-only buffer");
        }
        return data.length;
    }

}
