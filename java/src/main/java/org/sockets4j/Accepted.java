package org.sockets4j;

import java.net.SocketAddress;

/**
 * What {@code accept()} returns: the new connected socket and the peer's
 * address as the kernel reported it. Closing it closes the socket.
 *
 * @param socket the connected socket, owned by the caller
 * @param peer   the peer's address; for Unix domain peers often unnamed (empty path)
 */
public record Accepted(Socket socket, SocketAddress peer) implements AutoCloseable {

    /** Closes {@link #socket()}. */
    @Override
    public void close() {
        socket.close();
    }
}
