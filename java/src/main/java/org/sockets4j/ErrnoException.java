package org.sockets4j;

import java.net.SocketException;

/**
 * A failed socket call with no more specific JDK type: {@link java.net.SocketException} carrying the portable {@link Errno}.
 */
public final class ErrnoException extends SocketException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoException(String operation, String detail, Errno errno, int nativeCode) {
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
