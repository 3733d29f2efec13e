package org.sockets4j;

import java.io.IOException;
import org.sockets4j.internal.NativeErrors;

/**
 * The one place a failed native result becomes a Java exception: the JDK's own
 * type where one fits the error (a bind, connect, routing or timeout failure),
 * always carrying the operation,
 * the portable name and the native number.
 */
final class Errors {

    private Errors() {}

    /**
     * @param operation the call, e.g. {@code connect}
     * @param detail    what it was called on, e.g. the remote address; may be null
     * @param result    the negative result of the native call
     * @param type      the socket's type: ECONNREFUSED on a datagram socket is a port unreachable
     * @throws UnsupportedOperationException for {@link Errno#ENOSYS}: the platform has no such call
     */
    static IOException failure(String operation, Object detail, long result, Type type) {
        return failure(operation, detail, result, type, operation);
    }

    /**
     * As {@link #failure(String, Object, long, Type)}, naming in {@code feature} what an
     * {@link Errno#ENOSYS} reports as unsupported (the backends answer it where the
     * platform has no such call, errors.h's s4j_unsupported).
     */
    static IOException failure(String operation, Object detail, long result, Type type, String feature) {
        Errno errno = Errno.of(NativeErrors.portable(result));
        if (errno == Errno.ENOSYS) throw Unsupported.feature(feature);
        NativeFailure failure = new NativeFailure(operation, errno, NativeErrors.nativeCode(result));
        String what = detail == null ? null : detail.toString();
        return switch (errno) {
            case EADDRINUSE, EADDRNOTAVAIL -> new ErrnoBindException(failure, what);
            case EACCES -> operation.equals("bind")
                    ? new ErrnoBindException(failure, what)
                    : new ErrnoException(failure, what);
            case ECONNREFUSED -> type == Type.DGRAM
                    ? new ErrnoPortUnreachableException(failure, what)
                    : new ErrnoConnectException(failure, what);
            case ETIMEDOUT, EAGAIN -> new ErrnoSocketTimeoutException(failure, what);
            case EHOSTUNREACH, ENETUNREACH -> new ErrnoNoRouteToHostException(failure, what);
            case EBADF -> new SocketClosedException(operation, false);
            default -> new ErrnoException(failure, what);
        };
    }
}
