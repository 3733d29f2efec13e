package org.sockets4j;

import java.net.BindException;

/**
 * A local address could not be assigned ({@link Errno#EADDRINUSE}, {@link Errno#EADDRNOTAVAIL}, or {@link Errno#EACCES} on bind).
 */
public final class ErrnoBindException extends BindException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    ErrnoBindException(NativeFailure failure, String detail) {
        super(failure.message(detail));
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
