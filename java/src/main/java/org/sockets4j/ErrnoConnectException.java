package org.sockets4j;

import java.net.ConnectException;

/**
 * The peer refused the connection ({@link Errno#ECONNREFUSED}): it answered the SYN with a reset.
 */
public final class ErrnoConnectException extends ConnectException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    ErrnoConnectException(NativeFailure failure, String detail) {
        super(failure.message(detail));
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
