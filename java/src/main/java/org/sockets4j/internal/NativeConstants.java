package org.sockets4j.internal;

import java.util.OptionalInt;

/** The platform's numbers, asked of C by name (constants.h). Java never hard-codes them. */
public final class NativeConstants {

    static {
        NativeLibrary.load();
    }

    private NativeConstants() {}

    /** The value of a C constant, or empty when this platform does not define it. */
    public static OptionalInt get(String name) {
        long value = lookup(name);
        return value == Long.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of((int) value);
    }

    /** The value of a C constant this library cannot work without. */
    public static int require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("sockets4j: the native library lacks " + name));
    }

    /** Every name in the table. */
    public static native String[] names();

    /** The platform the library was built for: {@code linux}, {@code osx}, {@code windows}. */
    public static native String platform();

    private static native long lookup(String name);
}
