package org.sockets4j;

/**
 * What every exception that reports a failed system call carries: the
 * operation, the portable {@link Errno} and the OS's own number. Catch the
 * JDK type ({@link java.net.BindException}, {@link java.net.ConnectException},
 * ...) and ask this interface for the detail.
 */
public sealed interface NativeError
        permits ErrnoException, ErrnoBindException, ErrnoConnectException, ErrnoNoRouteToHostException,
                ErrnoPortUnreachableException, ErrnoSocketTimeoutException, SocketClosedException {

    /** The portable code; the same on every OS for the same failure. */
    Errno errno();

    /** The OS's number for the error ({@code errno}, or a {@code WSAE*} code on Windows); 0 when Java detected it. */
    int nativeCode();

    /** The call that failed: {@code connect}, {@code bind}, {@code recv}, ... */
    String operation();

    /**
     * The OS's own words for {@link #nativeCode()} ({@code strerror} on POSIX,
     * {@code FormatMessage} on Windows), for diagnostics; they differ between
     * systems, which is why the exception's message does not use them.
     */
    default String nativeDescription() {
        return nativeCode() == 0 ? errno().description()
                : org.sockets4j.internal.NativeErrors.describe(nativeCode());
    }

    /** The message every exception of this library uses: operation, detail, text and portable name. */
    static String message(String operation, String detail, Errno errno) {
        return operation + (detail == null || detail.isEmpty() ? "" : " " + detail) + ": " + errno.description()
                + " (" + errno.name() + ")";
    }
}
