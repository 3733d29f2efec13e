package org.sockets4j.internal;

/**
 * sendmmsg/recvmmsg, or the platform's loop of single calls (batch.h). {@code records} and {@code data}
 * are the native addresses of the first record and the first slot to use, in direct memory the caller
 * owns and keeps reachable over the call; C checks the count, the slot size and every send length again.
 */
public final class NativeBatch {

    static {
        NativeLibrary.load();
    }

    private NativeBatch() {}

    /** How many of {@code count} datagrams went, or a negative packed error when the first did not. */
    public static native int sendMany(long handle, long records, long data, int slot, int count, int flags);

    /** How many datagrams arrived (1..count), or a negative packed error when none did. */
    public static native int recvMany(long handle, long records, long data, int slot, int count, int flags);
}
