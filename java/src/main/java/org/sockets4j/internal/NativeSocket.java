package org.sockets4j.internal;

import java.nio.ByteBuffer;

/**
 * The core socket calls (socket.h). Every method returns {@code >= 0} or a
 * negative packed error ({@link NativeErrors#portable}, {@link NativeErrors#nativeCode}).
 * Addresses are {@code long}s pointing at the 128-byte layout of address.h in
 * memory the caller owns; 0 means none. Buffers are direct and the caller has
 * checked that {@code [offset, offset + length)} lies inside them; C checks it
 * again against the capacity and answers EINVAL when it does not.
 */
public final class NativeSocket {

    static {
        NativeLibrary.load();
    }

    private NativeSocket() {}

    public static native long open(int family, int type, int protocol);

    public static native int familySupported(int family);

    /** socketpair(); the two handles are written to {@code out[0]} and {@code out[1]}. */
    public static native int pair(int family, int type, int protocol, long[] out);

    public static native int bind(long handle, long address);

    public static native int listen(long handle, int backlog);

    public static native long accept(long handle, long peerOut);

    public static native int connect(long handle, long address);

    public static native int finishConnect(long handle);

    public static native int send(long handle, ByteBuffer buffer, int offset, int length, int flags, long to);

    /** flagsOut: where C writes message.h's S4J_MSG_OUT_* flags of the datagram (0: not wanted). */
    public static native int recv(long handle, ByteBuffer buffer, int offset, int length, int flags, long fromOut,
                                  long flagsOut);

    /** send() of an array through native memory allocated for this call (a datagram too large to chunk). */
    public static native int sendArray(long handle, byte[] array, int offset, int length, int flags, long to);

    /**
     * recv() into an array through native memory allocated for this call; copies back the bytes stored
     * (at most length) when store is true.
     */
    public static native int recvArray(long handle, byte[] array, int offset, int length, int flags, long fromOut,
                                       long flagsOut, boolean store);

    public static native int shutdown(long handle, int how);

    public static native int localAddress(long handle, long out);

    public static native int remoteAddress(long handle, long out);

    public static native int setBlocking(long handle, boolean blocking);

    public static native int type(long handle);

    public static native int close(long handle);

    public static native void preClose(long handle);
}
