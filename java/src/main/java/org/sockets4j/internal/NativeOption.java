package org.sockets4j.internal;

/**
 * getsockopt/setsockopt by C type (options.h). Each returns 0 (getBytes: the
 * length) or a negative packed error; values come back in the array given.
 * Addresses are longs pointing at the layout of address.h, 0 for none.
 */
public final class NativeOption {

    static {
        NativeLibrary.load();
    }

    private NativeOption() {}

    public static native int getInt(long handle, int level, int name, int[] out);

    /**
     * getsockopt of an int without an array: the value as an unsigned 32-bit number ({@code (int)} of it is the
     * value), or a negative packed error. What typed int and flag options read through, allocating nothing.
     */
    public static native long getIntValue(long handle, int level, int name);

    public static native int setInt(long handle, int level, int name, int value);

    /** out[0]: on (0/1), out[1]: seconds. */
    public static native int getLinger(long handle, int[] out);

    public static native int setLinger(long handle, boolean on, int seconds);

    public static native int getTimeout(long handle, int name, long[] millis);

    public static native int setTimeout(long handle, int name, long millis);

    public static native int getBytes(long handle, int level, int name, byte[] buffer);

    public static native int setBytes(long handle, int level, int name, byte[] buffer, int offset, int length);

    public static native int getMulticastIf4(long handle, long addressOut);

    public static native int setMulticastIf4(long handle, long address, int interfaceIndex);

    public static native int getSockaddr(long handle, int level, int name, long addressOut);

    public static native int setSockaddr(long handle, int level, int name, long address);

    public static native int getPktinfo6(long handle, int name, long sourceOut, int[] interfaceIndex);

    public static native int setPktinfo6(long handle, int name, long source, int interfaceIndex);

    public static native int getMtuinfo(long handle, int name, int[] mtu);

    /** kind: options.h's S4J_MREQ (1) ... S4J_GROUP_SOURCE_REQ (5). */
    public static native int setMembership(long handle, int level, int name, int kind, long group, long source,
                                           long interfaceAddress, int interfaceIndex);
}
