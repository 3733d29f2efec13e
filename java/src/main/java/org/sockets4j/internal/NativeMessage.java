package org.sockets4j.internal;

import java.nio.ByteBuffer;

/**
 * sendmsg/recvmsg (message.h). Buffers are direct; {@code [offsets[i], offsets[i] + lengths[i])}
 * lies inside each, as the caller checked and C checks again (EINVAL when not). Control data is
 * message.h's portable records.
 */
public final class NativeMessage {

    static {
        NativeLibrary.load();
    }

    private NativeMessage() {}

    public static native int sendMsg(long handle, ByteBuffer[] buffers, int[] offsets, int[] lengths, int count,
                                     long to, byte[] control, int controlLength, int flags);

    /** io[0]: in, room in control; out, bytes of records written. io[1]: out, message.h's S4J_MSG_OUT_* bits. */
    public static native int recvMsg(long handle, ByteBuffer[] buffers, int[] offsets, int[] lengths, int count,
                                     long from, byte[] control, int[] io, int flags);

    /** writev: {@code buffers[0, count)} gathered, no address or control data; flags as for send. */
    public static native int sendv(long handle, ByteBuffer[] buffers, int[] offsets, int[] lengths, int count,
                                   int flags);

    /** readv: scattered into {@code buffers[0, count)}, no address or control data; 0 at the end of a stream. */
    public static native int recvv(long handle, ByteBuffer[] buffers, int[] offsets, int[] lengths, int count,
                                   int flags);
}
