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

    /** A positive timeout in nanoseconds; a timeout too long for a long is taken as the longest one. */
    static long timeoutNanos(Duration timeout, String name) {
        notNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2; // still a deadline nanoTime can reach without overflow trouble
        }
    }
}
