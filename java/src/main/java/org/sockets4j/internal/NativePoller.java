package org.sockets4j.internal;

/**
 * The readiness calls of poller.h. A poller crosses as its native address; each call returns {@code >= 0} or a
 * negative packed error, and {@link #open} the address or a negative packed error.
 */
public final class NativePoller {

    static {
        NativeLibrary.load();
    }

    private NativePoller() {}

    /** Whether this platform has the kind (S4J_POLLER_NATIVE, S4J_POLLER_POLL). */
    public static native boolean supported(int kind);

    /** Whether the kind takes S4J_POLL_EDGE here. */
    public static native boolean edgeSupported(int kind);

    /** A new poller's address, or a negative packed error. */
    public static native long open(int kind);

    /** "epoll", "kqueue", "WSAPoll" or "poll". */
    public static native String mechanism(long poller);

    public static native int add(long poller, long handle, int interest, long token);

    public static native int modify(long poller, long handle, int interest, long token);

    public static native int remove(long poller, long handle);

    /** Writes up to capacity s4j_poll_events at events; returns how many. */
    public static native int await(long poller, long events, int capacity, int timeoutMillis);

    public static native int wakeup(long poller);

    /** Frees the poller; no call may be under way on it. */
    public static native void close(long poller);
}
