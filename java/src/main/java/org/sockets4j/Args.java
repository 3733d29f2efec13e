package org.sockets4j;

import java.nio.ByteBuffer;
import java.time.Duration;

/** Argument checks with messages that name the argument. */
final class Args {

    private Args() {}

    static <T> T notNull(T value, String name) {
        if (value == null) throw new NullPointerException(name + " is null");
        return value;
    }

    static void range(byte[] array, int offset, int length, String name) {
        notNull(array, name);
        if (offset < 0) throw new IndexOutOfBoundsException("offset is negative: " + offset);
        if (length < 0) throw new IndexOutOfBoundsException("length is negative: " + length);
        if (offset > array.length - length) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + " + length " + length + " exceeds " + name + ".length " + array.length);
        }
    }

    static void writable(ByteBuffer buffer, String name) {
        notNull(buffer, name);
        if (buffer.isReadOnly()) throw new IllegalArgumentException(name + " is a read-only buffer");
    }

    /** A positive timeout in whole milliseconds that fits an int. */
    static int timeoutMillis(Duration timeout, String name) {
        notNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + timeout);
        }
        long millis;
        try {
            millis = Math.max(1, timeout.toMillis());
        } catch (ArithmeticException e) {
            millis = Long.MAX_VALUE;
        }
        if (millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + " ms: " + timeout);
        }
        return (int) millis;
    }
}
