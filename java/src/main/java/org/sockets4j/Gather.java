package org.sockets4j;

import java.nio.ByteBuffer;

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

    Gather(ByteBuffer[] data, int count, boolean sending) {
        direct = new ByteBuffer[count];
        offsets = new int[count];
        lengths = new int[count];
        int sum = 0;
        for (int i = 0; i < count; i++) {
            lengths[i] = data[i].remaining();
            sum += lengths[i];
        }
        total = sum;
        ByteBuffer scratch = null;
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (data[i].isDirect()) {
                direct[i] = data[i];
                offsets[i] = data[i].position();
                continue;
            }
            if (scratch == null) scratch = ByteBuffer.allocateDirect(Math.max(1, total));
            direct[i] = scratch;
            offsets[i] = at;
            if (sending) scratch.put(at, data[i], data[i].position(), lengths[i]);
            at += lengths[i];
        }
    }

    /** Moves positions past {@code n} bytes, in order; copies received bytes into heap buffers. */
    void advance(ByteBuffer[] data, int n, boolean received) {
        int left = Math.min(n, total);
        for (int i = 0; i < data.length && left > 0; i++) {
            int take = Math.min(left, lengths[i]);
            if (received && direct[i] != data[i]) data[i].put(data[i].position(), direct[i], offsets[i], take);
            data[i].position(data[i].position() + take);
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
