package org.sockets4j;

import java.nio.channels.ClosedChannelException;

/**
 * The socket is closed: it was closed before the call, or closed by another
 * thread while the call was blocked in it ({@link #whileBlocked()}). Its
 * {@link #errno()} is {@link Errno#EBADF}.
 */
public final class SocketClosedException extends ClosedChannelException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final boolean whileBlocked;

    SocketClosedException(String operation, boolean whileBlocked) {
        this.operation = operation;
        this.whileBlocked = whileBlocked;
    }

    /** True when another thread closed the socket while this call was under way. */
    public boolean whileBlocked() {
        return whileBlocked;
    }

    @Override
    public String getMessage() {
        return operation + ": " + (whileBlocked ? "socket closed by another thread during the call" : "socket is closed")
                + " (" + Errno.EBADF.name() + ")";
    }

    @Override
    public Errno errno() {
        return Errno.EBADF;
    }

    @Override
    public int nativeCode() {
        return 0;
    }

    @Override
    public String operation() {
        return operation;
    }
}
