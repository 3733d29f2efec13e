package org.sockets4j;

import java.net.SocketTimeoutException;

/**
 * A timeout ran out: {@link Errno#ETIMEDOUT}, or {@link Errno#EAGAIN} from a blocking call whose receive or send timeout expired.
 */
public final class ErrnoSocketTimeoutException extends SocketTimeoutException implements NativeError {

    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final int nativeCode;
    private final String operation;

    ErrnoSocketTimeoutException(String operation, String detail, Errno errno, int nativeCode) {
        this(operation, errno, nativeCode, NativeError.message(operation, detail, errno));
    }

    /** With a message of its own, which still names the operation and ends with the portable name. */
    ErrnoSocketTimeoutException(String operation, Errno errno, int nativeCode, String message) {
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
