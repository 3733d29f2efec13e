package org.sockets4j;

import java.net.PortUnreachableException;

/**
 * A datagram socket learned from an ICMP port unreachable that nobody listens at the peer ({@link Errno#ECONNREFUSED} on a datagram socket).
 */
public final class ErrnoPortUnreachableException extends PortUnreachableException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    /** With the whole message, which names the operation and ends with the portable name. */
    ErrnoPortUnreachableException(NativeFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
