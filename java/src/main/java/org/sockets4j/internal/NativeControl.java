package org.sockets4j.internal;

/** The fcntl/ioctl table (control.h). Each returns {@code >= 0} or a negative packed error. */
public final class NativeControl {

    static {
        NativeLibrary.load();
    }

    private NativeControl() {}

    public static native int bytesAvailable(long handle);

    public static native int atMark(long handle);

    public static native int setAsync(long handle, boolean on);

    public static native int isAsync(long handle);

    public static native int setOwner(long handle, long owner);

    /** Writes the owner to out[0] (negative: a process group). */
    public static native int owner(long handle, long[] out);

    /** Writes up to max entries of control.h's interface layout at out; returns how many. */
    public static native int interfaces(long handle, long out, int max);
}
