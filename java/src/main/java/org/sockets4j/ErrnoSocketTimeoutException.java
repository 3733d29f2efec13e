package org.sockets4j;

import java.net.SocketTimeoutException;

/**
 * A timeout ran out: {@link Errno#ETIMEDOUT}, or {@link Errno#EAGAIN} from a blocking call whose receive or send timeout expired.
 */
public final class ErrnoSocketTimeoutException extends SocketTimeoutException implements NativeError {

    private static final long serialVersionUID = 1L;

    /** The failed call: operation, portable code and native number. */
    private final NativeFailure failure;

    /** With the whole message, which names the operation and ends with the portable name. */
    ErrnoSocketTimeoutException(NativeFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    @Override
    public NativeFailure failure() {
        return failure;
    }
}
