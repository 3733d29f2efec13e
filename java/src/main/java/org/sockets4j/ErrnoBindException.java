package org.sockets4j;

import java.net.BindException;

/**
 * A local address could not be assigned ({@link Errno#EADDRINUSE}, {@link Errno#EADDRNOTAVAIL}, or {@link Errno#EACCES} on bind).
 */
public final class ErrnoBindException extends BindException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoBindException(String operation, String detail, Errno errno, int nativeCode) {
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
