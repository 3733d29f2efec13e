package org.sockets4j;

import java.net.SocketException;

/**
 * A failed socket call with no more specific JDK type: {@link java.net.SocketException} carrying the portable {@link Errno}.
 */
public final class ErrnoException extends SocketException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    ErrnoException(NativeFailure failure, String detail) {
        super(failure.message(detail));
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
