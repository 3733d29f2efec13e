package org.sockets4j;

import org.sockets4j.internal.NativeErrors;

/**
 * What every exception that reports a failed system call carries: the
 * operation, the portable {@link Errno} and the OS's own number. Catch the
 * JDK type ({@link java.net.BindException}, {@link java.net.ConnectException},
 * ...) and ask this interface for the detail.
 */
public sealed interface NativeError
        permits ErrnoException, ErrnoBindException, ErrnoConnectException, ErrnoNoRouteToHostException,
                ErrnoPortUnreachableException, ErrnoSocketTimeoutException, SocketClosedException {

    /**
     * The failed call's facts, one record for every exception type.
     *
     * @return the operation, portable code and native number
     */
    NativeFailure failure();

    /**
     * The portable code; the same on every OS for the same failure.
     *
     * @return the portable code
     */
    default Errno errno() {
        return failure().errno();
    }

    /**
     * The OS's number for the error ({@code errno}, or a {@code WSAE*} code on Windows); 0 when Java detected it.
     *
     * @return the native number
     */
    default int nativeCode() {
        return failure().nativeCode();
    }

    /**
     * The call that failed: {@code connect}, {@code bind}, {@code recv}, ...
     *
     * @return the operation
     */
    default String operation() {
        return failure().operation();
    }

    /**
     * The OS's own words for {@link #nativeCode()} ({@code strerror} on POSIX,
     * {@code FormatMessage} on Windows), for diagnostics; they differ between
     * systems, which is why the exception's message does not use them.
     *
     * @return the OS's description of the error
     */
    default String nativeDescription() {
        return nativeCode() == 0 ? errno().description() : NativeErrors.describe(nativeCode());
    }
}
