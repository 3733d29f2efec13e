package org.sockets4j;

import java.net.PortUnreachableException;

/**
 * A datagram socket learned from an ICMP port unreachable that nobody listens at the peer ({@link Errno#ECONNREFUSED} on a datagram socket).
 */
public final class ErrnoPortUnreachableException extends PortUnreachableException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    ErrnoPortUnreachableException(NativeFailure failure, String detail) {
        super(failure.message(detail));
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
