package org.sockets4j.option;

/**
 * The value of {@code SO_LINGER}: whether close waits for unsent data, and for
 * how many seconds. {@code Linger(true, 0)} makes close reset the connection.
 *
 * @param on      whether lingering is on
 * @param seconds how long close may wait, 0 to 65535 (Windows' limit)
 */
public record Linger(boolean on, int seconds) {

    /**
     * Checks the range.
     *
     * @param on      whether lingering is on
     * @param seconds how long close may wait, 0 to 65535 (Windows' limit)
     */
    public Linger {
        if (seconds < 0 || seconds > 65535) {
            throw new IllegalArgumentException("SO_LINGER seconds must be 0..65535: " + seconds);
        }
    }

    /** Lingering off: close returns at once and the kernel sends what is left. */
    public static final Linger OFF = new Linger(false, 0);
}
