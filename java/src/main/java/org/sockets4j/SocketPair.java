package org.sockets4j;

/**
 * Two sockets connected to each other, from {@link Socket#pair}. Closing the
 * pair closes both.
 *
 * @param first  one end
 * @param second the other end
 */
public record SocketPair(Socket first, Socket second) implements AutoCloseable {

    /** Closes both ends. */
    @Override
    public void close() {
        first.close();
        second.close();
    }
}
