package org.sockets4j;

import java.net.NoRouteToHostException;

/**
 * The peer cannot be reached: {@link Errno#EHOSTUNREACH} or {@link Errno#ENETUNREACH}.
 */
public final class ErrnoNoRouteToHostException extends NoRouteToHostException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoNoRouteToHostException(String operation, String detail, Errno errno, int nativeCode) {
        super(NativeError.message(operation, detail, errno));
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
