package org.sockets4j;

import org.sockets4j.internal.NativeErrors;

/**
 * The portable error codes: one name per failure, the same on every OS.
 *
 * <p>The native library maps {@code errno} or {@code WSAGetLastError()} to these
 * inside the call that failed; the codes and texts are C's table (errors.h),
 * matched to these constants by name when the library loads, so the two can
 * never drift apart silently.
 */
public enum Errno {
    /** Unknown error. */
    EUNKNOWN,
    /** Operation not permitted. */
    EPERM,
    /** Permission denied. */
    EACCES,
    /** Socket is closed or not valid. */
    EBADF,
    /** Invalid argument. */
    EINVAL,
    /** Too many open descriptors in this process. */
    EMFILE,
    /** Too many open descriptors in the system. */
    ENFILE,
    /** No buffer space available. */
    ENOBUFS,
    /** Out of memory. */
    ENOMEM,
    /** Bad address. */
    EFAULT,
    /** Operation would block or timed out. */
    EAGAIN,
    /** Operation now in progress. */
    EINPROGRESS,
    /** Operation already in progress. */
    EALREADY,
    /** Not a socket. */
    ENOTSOCK,
    /** Destination address required. */
    EDESTADDRREQ,
    /** Message too long. */
    EMSGSIZE,
    /** Protocol wrong type for socket. */
    EPROTOTYPE,
    /** Protocol option not available. */
    ENOPROTOOPT,
    /** Protocol not supported. */
    EPROTONOSUPPORT,
    /** Socket type not supported. */
    ESOCKTNOSUPPORT,
    /** Operation not supported on this socket. */
    EOPNOTSUPP,
    /** Protocol family not supported. */
    EPFNOSUPPORT,
    /** Address family not supported by protocol. */
    EAFNOSUPPORT,
    /** Address already in use. */
    EADDRINUSE,
    /** Cannot assign requested address. */
    EADDRNOTAVAIL,
    /** Network is down. */
    ENETDOWN,
    /** Network is unreachable. */
    ENETUNREACH,
    /** Connection dropped by network reset. */
    ENETRESET,
    /** Connection aborted. */
    ECONNABORTED,
    /** Connection reset by peer. */
    ECONNRESET,
    /** Socket is already connected. */
    EISCONN,
    /** Socket is not connected. */
    ENOTCONN,
    /** Cannot send after socket shutdown. */
    ESHUTDOWN,
    /** Connection timed out. */
    ETIMEDOUT,
    /** Connection refused. */
    ECONNREFUSED,
    /** Host is down. */
    EHOSTDOWN,
    /** No route to host. */
    EHOSTUNREACH,
    /** Broken pipe. */
    EPIPE,
    /** No such file or directory. */
    ENOENT,
    /** File exists. */
    EEXIST,
    /** Not a directory. */
    ENOTDIR,
    /** File name too long. */
    ENAMETOOLONG,
    /** Too many levels of symbolic links. */
    ELOOP,
    /** Read-only file system. */
    EROFS,
    /** Input/output error. */
    EIO,
    /** No such device. */
    ENODEV,
    /** No such device or address. */
    ENXIO,
    /**
     * Function not implemented. Also what a backend answers for a call the platform cannot
     * make at all; the library reports that as {@link UnsupportedOperationException}.
     */
    ENOSYS,
    /** Protocol error. */
    EPROTO,
    /** No space left on device. */
    ENOSPC,
    /** Interrupted system call. */
    EINTR;

    private static final Errno[] BY_CODE;

    static {
        int limit = NativeErrors.limit();
        BY_CODE = new Errno[limit];
        for (int code = 1; code < limit; code++) {
            String name = NativeErrors.name(code);
            Errno e;
            try {
                e = valueOf(name);
            } catch (IllegalArgumentException missing) {
                throw new IllegalStateException("sockets4j: the native library knows " + name
                        + ", which this jar's Errno lacks: the jar and the library come from different builds");
            }
            e.code = code;
            e.text = NativeErrors.text(code);
            BY_CODE[code] = e;
        }
        for (Errno e : values()) {
            if (e.code == 0) {
                throw new IllegalStateException("sockets4j: the native library lacks " + e
                        + ": the jar and the library come from different builds");
            }
        }
    }

    // Set once by the static initializer, from C's table; never changed afterwards.
    private int code;
    private String text;

    /**
     * The portable code, this library's own number (not an OS errno).
     *
     * @return the portable code
     */
    public int code() {
        return code;
    }

    /**
     * What the error means, worded the same on every OS.
     *
     * @return the description
     */
    public String description() {
        return text;
    }

    /**
     * The constant for a portable code; {@link #EUNKNOWN} for a code this table lacks.
     *
     * @param code a portable code
     * @return its constant
     */
    public static Errno of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : EUNKNOWN;
    }
}
