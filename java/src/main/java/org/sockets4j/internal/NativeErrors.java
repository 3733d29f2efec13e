package org.sockets4j.internal;

/** The portable error table of C (errors.h): its names and texts, by code. */
public final class NativeErrors {

    static {
        NativeLibrary.load();
    }

    private NativeErrors() {}

    /** One past the highest portable code. */
    public static native int limit();

    /** The code's name ("EADDRINUSE"), or null for no such code. */
    public static native String name(int code);

    /** The code's text, the same on every OS, or null for no such code. */
    public static native String text(int code);

    /** The OS's own words for a native error number (strerror, FormatMessage). */
    public static native String describe(int nativeCode);

    /** The packed negative result C gives for a native error number of this platform. */
    public static native int fromNative(int nativeCode);

    /** The portable code inside a negative result. */
    public static int portable(long result) {
        return (int) (-result & 0xff);
    }

    /** The native error number inside a negative result. */
    public static int nativeCode(long result) {
        return (int) (-result >>> 8);
    }
}
