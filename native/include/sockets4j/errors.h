/*
 * Portable error codes.
 *
 * Every backend maps its native error (errno, WSAGetLastError()) to one of
 * these codes inside the call that failed, so Java sees the same name and the
 * same text on every OS. The numbers are this library's own and never change
 * once published; Java's Errno enum is matched to this table by name when the
 * library loads.
 *
 * A failing call returns a negative value that carries both the portable code
 * and the native number: -(native << 8 | portable). Portable codes fit in 8
 * bits and native numbers (errno, WSA codes up to 11999) in 23, so the result
 * is always a negative 32-bit int and never collides with a valid >= 0 result.
 */
#ifndef SOCKETS4J_ERRORS_H
#define SOCKETS4J_ERRORS_H

#include <stddef.h>
#include <stdint.h>

/* X(name, portable code, text). The text is what every OS reports. */
#define S4J_ERRNO_TABLE(X)                                                       \
    X(EUNKNOWN, 1, "Unknown error")                                              \
    X(EPERM, 2, "Operation not permitted")                                       \
    X(EACCES, 3, "Permission denied")                                            \
    X(EBADF, 4, "Socket is closed or not valid")                                 \
    X(EINVAL, 5, "Invalid argument")                                             \
    X(EMFILE, 6, "Too many open descriptors in this process")                    \
    X(ENFILE, 7, "Too many open descriptors in the system")                      \
    X(ENOBUFS, 8, "No buffer space available")                                   \
    X(ENOMEM, 9, "Out of memory")                                                \
    X(EFAULT, 10, "Bad address")                                                 \
    X(EAGAIN, 11, "Operation would block or timed out")                          \
    X(EINPROGRESS, 12, "Operation now in progress")                              \
    X(EALREADY, 13, "Operation already in progress")                             \
    X(ENOTSOCK, 14, "Not a socket")                                              \
    X(EDESTADDRREQ, 15, "Destination address required")                         \
    X(EMSGSIZE, 16, "Message too long")                                          \
    X(EPROTOTYPE, 17, "Protocol wrong type for socket")                          \
    X(ENOPROTOOPT, 18, "Protocol option not available")                         \
    X(EPROTONOSUPPORT, 19, "Protocol not supported")                             \
    X(ESOCKTNOSUPPORT, 20, "Socket type not supported")                          \
    X(EOPNOTSUPP, 21, "Operation not supported on this socket")                  \
    X(EPFNOSUPPORT, 22, "Protocol family not supported")                         \
    X(EAFNOSUPPORT, 23, "Address family not supported by protocol")              \
    X(EADDRINUSE, 24, "Address already in use")                                  \
    X(EADDRNOTAVAIL, 25, "Cannot assign requested address")                      \
    X(ENETDOWN, 26, "Network is down")                                           \
    X(ENETUNREACH, 27, "Network is unreachable")                                 \
    X(ENETRESET, 28, "Connection dropped by network reset")                      \
    X(ECONNABORTED, 29, "Connection aborted")                                    \
    X(ECONNRESET, 30, "Connection reset by peer")                                \
    X(EISCONN, 31, "Socket is already connected")                                \
    X(ENOTCONN, 32, "Socket is not connected")                                   \
    X(ESHUTDOWN, 33, "Cannot send after socket shutdown")                        \
    X(ETIMEDOUT, 34, "Connection timed out")                                     \
    X(ECONNREFUSED, 35, "Connection refused")                                    \
    X(EHOSTDOWN, 36, "Host is down")                                             \
    X(EHOSTUNREACH, 37, "No route to host")                                      \
    X(EPIPE, 38, "Broken pipe")                                                  \
    X(ENOENT, 39, "No such file or directory")                                   \
    X(EEXIST, 40, "File exists")                                                 \
    X(ENOTDIR, 41, "Not a directory")                                            \
    X(ENAMETOOLONG, 42, "File name too long")                                    \
    X(ELOOP, 43, "Too many levels of symbolic links")                            \
    X(EROFS, 44, "Read-only file system")                                        \
    X(EIO, 45, "Input/output error")                                             \
    X(ENODEV, 46, "No such device")                                              \
    X(ENXIO, 47, "No such device or address")                                    \
    X(ENOSYS, 48, "Function not implemented")                                    \
    X(EPROTO, 49, "Protocol error")                                              \
    X(ENOSPC, 50, "No space left on device")                                     \
    X(EINTR, 51, "Interrupted system call")

enum s4j_errno {
#define S4J_ERRNO_ENUM(name, code, text) S4J_##name = code,
    S4J_ERRNO_TABLE(S4J_ERRNO_ENUM)
#undef S4J_ERRNO_ENUM
    S4J_ERRNO_LIMIT
};

/* The negative result of a failed call: both codes packed as documented above. */
static inline int32_t s4j_error(int portable, int native_code) {
    return -(int32_t)(((uint32_t)native_code & 0x7fffffu) << 8 | ((uint32_t)portable & 0xffu));
}

static inline int s4j_error_portable(int32_t result) { return (int)((uint32_t)-result & 0xffu); }

static inline int s4j_error_native(int32_t result) { return (int)((uint32_t)-result >> 8); }

/*
 * What a backend answers for a call this platform cannot make at all (no such
 * ioctl, no WSARecvMsg, ancillary data WSASendMsg would drop): ENOSYS with no
 * native number. Java reports ENOSYS as UnsupportedOperationException, so a
 * kernel's own refusals (EOPNOTSUPP, ...) stay I/O errors.
 */
static inline int32_t s4j_unsupported(void) { return s4j_error(S4J_ENOSYS, 0); }

/* The portable code for a native error number of this platform. */
int s4j_errno_from_native(int native_code);

/* The negative result for a native error number: s4j_error(portable, native). */
int32_t s4j_error_from_native(int native_code);

/* The portable code's name without the S4J_ prefix ("EADDRINUSE"), or NULL. */
const char *s4j_errno_name(int portable);

/* The portable code's text, the same on every OS, or NULL. */
const char *s4j_errno_text(int portable);

/*
 * The OS's own words for a native error number (strerror, FormatMessage),
 * written into buf as NUL-terminated UTF-8 (ASCII on every OS seen so far).
 * For diagnostics only: messages shown to users use s4j_errno_text.
 */
void s4j_errno_describe(int native_code, char *buf, size_t len);

#endif
