package org.sockets4j;

import java.net.PortUnreachableException;

/**
 * A datagram socket learned from an ICMP port unreachable that nobody listens at the peer ({@link Errno#ECONNREFUSED} on a datagram socket).
 */
public final class ErrnoPortUnreachableException extends PortUnreachableException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoPortUnreachableException(String operation, String detail, Errno errno, int nativeCode) {
        this(operation, errno, nativeCode, NativeError.message(operation, detail, errno));
    }

    /** With a message of its own, which still names the operation and ends with the portable name. */
    ErrnoPortUnreachableException(String operation, Errno errno, int nativeCode, String message) {
        super(message);
        this.errno = errno;
        this.nativeCode = nativeCode;
        this.operation = operation;
    }

    @Override
    public Errno errno() {
        return errno;
    }

    @Override
    public int nativeCode() {
        return nativeCode;
    }

    @Override
    public String operation() {
        return operation;
    }
}
