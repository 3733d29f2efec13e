package org.sockets4j;

import java.net.NoRouteToHostException;

/**
 * The peer cannot be reached: {@link Errno#EHOSTUNREACH} or {@link Errno#ENETUNREACH}.
 */
public final class ErrnoNoRouteToHostException extends NoRouteToHostException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    ErrnoNoRouteToHostException(NativeFailure failure, String detail) {
        super(failure.message(detail));
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
