package org.sockets4j;

import java.net.ConnectException;

/**
 * The peer refused the connection ({@link Errno#ECONNREFUSED}): it answered the SYN with a reset.
 */
public final class ErrnoConnectException extends ConnectException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoConnectException(String operation, String detail, Errno errno, int nativeCode) {
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
