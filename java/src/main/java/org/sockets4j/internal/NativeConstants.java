package org.sockets4j.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The platform's numbers, asked of C by name (constants.h). Java never hard-codes them.
 *
 * <p>The table is read once, on first use, into an immutable map; a lookup is a map read. A name that is
 * no row of the table at all (not merely undefined on this platform) is a misspelling in Java, and is
 * refused loudly rather than reported as "unsupported here".
 */
public final class NativeConstants {

    static {
        NativeLibrary.load();
    }

    private NativeConstants() {}

    // Read on first use, not in this class's initializer: JNI_OnLoad may initialize the class before its natives
    // are registered.
    private static final class Table {
        static final Set<String> ROWS = Set.copyOf(Arrays.asList(rows()));
        static final Map<String, Integer> VALUES = values();

        private static Map<String, Integer> values() {
            Map<String, Integer> values = new HashMap<>();
            for (String name : names()) {
                long value = lookup(name);
                if (value != Long.MIN_VALUE) values.put(name, (int) value);
            }
            return Map.copyOf(values);
        }
    }

    /**
     * The value of a C constant, or empty when this platform does not define it.
     *
     * @throws IllegalArgumentException if no row of the table has this name (a misspelling)
     */
    public static OptionalInt get(String name) {
        Integer value = Table.VALUES.get(name);
        if (value != null) return OptionalInt.of(value);
        if (!Table.ROWS.contains(name)) {
            throw new IllegalArgumentException("sockets4j: " + name + " is no row of the native constants table"
                    + " (native/src/core/platform_constants.inc or the portable rows of core/constants.c)");
        }
        return OptionalInt.empty();
    }

    /** The value of a C constant this library cannot work without. */
    public static int require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("sockets4j: the native library lacks " + name));
    }

    /** Every name this platform defines, with its value. */
    public static Map<String, Integer> defined() {
        return Table.VALUES;
    }

    /** Every name the table has a row for, whether this platform defines it or not. */
    public static Set<String> rowNames() {
        return Table.ROWS;
    }

    /** The platform the library was built for: {@code linux}, {@code osx}, {@code windows}. */
    public static native String platform();

    private static native String[] names();

    private static native String[] rows();

    private static native long lookup(String name);
}
