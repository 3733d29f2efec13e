package org.sockets4j;

import java.nio.channels.ClosedChannelException;

/**
 * The socket is closed: it was closed before the call, or closed by another
 * thread while the call was blocked in it ({@link #whileBlocked()}). Its
 * {@link #errno()} is {@link Errno#EBADF}.
 */
public final class SocketClosedException extends ClosedChannelException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;
    /** Whether the close came during the call. */
    private final boolean whileBlocked;

    SocketClosedException(String operation, boolean whileBlocked) {
        this.failure = new NativeFailure(operation, Errno.EBADF, 0);
        this.whileBlocked = whileBlocked;
    }

    /**
     * Whether another thread closed the socket while this call was under way.
     *
     * @return true when the close raced the call
     */
    public boolean whileBlocked() {
        return whileBlocked;
    }

    @Override
    public String getMessage() {
        return failure.operation() + ": "
                + (whileBlocked ? "socket closed by another thread during the call" : "socket is closed") + " ("
                + Errno.EBADF.name() + ")";
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
