/*
 * WSAGetLastError() (and the few Win32 errors Winsock passes through) ->
 * portable code, so that Java sees the same names as on POSIX systems.
 */
#include "backend.h"

#include <stdio.h>

int s4j_errno_from_native(int native_code) {
    switch (native_code) {
    case WSAEINTR: return S4J_EINTR;
    case WSA_OPERATION_ABORTED: return S4J_EINTR; /* a blocking call cancelled by a close */
    case WSAEBADF: return S4J_EBADF;
    case WSAENOTSOCK: return S4J_EBADF; /* a closed SOCKET is "not a socket" to Winsock */
    case WSA_INVALID_HANDLE: return S4J_EBADF;
    case WSAEACCES: return S4J_EACCES;
    case WSAEFAULT: return S4J_EFAULT;
    case WSAEINVAL: return S4J_EINVAL;
    case WSA_INVALID_PARAMETER: return S4J_EINVAL;
    case WSAEMFILE: return S4J_EMFILE;
    case WSAEWOULDBLOCK: return S4J_EAGAIN;
    case WSAEINPROGRESS: return S4J_EINPROGRESS;
    case WSAEALREADY: return S4J_EALREADY;
    case WSAEDESTADDRREQ: return S4J_EDESTADDRREQ;
    case WSAEMSGSIZE: return S4J_EMSGSIZE;
    case WSAEPROTOTYPE: return S4J_EPROTOTYPE;
    case WSAENOPROTOOPT: return S4J_ENOPROTOOPT;
    case WSAEPROTONOSUPPORT: return S4J_EPROTONOSUPPORT;
    case WSAESOCKTNOSUPPORT: return S4J_ESOCKTNOSUPPORT;
    case WSAEOPNOTSUPP: return S4J_EOPNOTSUPP;
    case WSAEPFNOSUPPORT: return S4J_EPFNOSUPPORT;
    case WSAEAFNOSUPPORT: return S4J_EAFNOSUPPORT;
    case WSAEADDRINUSE: return S4J_EADDRINUSE;
    case WSAEADDRNOTAVAIL: return S4J_EADDRNOTAVAIL;
    case WSAENETDOWN: return S4J_ENETDOWN;
    case WSAENETUNREACH: return S4J_ENETUNREACH;
    case WSAENETRESET: return S4J_ENETRESET;
    case WSAECONNABORTED: return S4J_ECONNABORTED;
    case WSAECONNRESET: return S4J_ECONNRESET;
    case WSAENOBUFS: return S4J_ENOBUFS;
    case WSA_NOT_ENOUGH_MEMORY: return S4J_ENOMEM;
    case WSAEISCONN: return S4J_EISCONN;
    case WSAENOTCONN: return S4J_ENOTCONN;
    case WSAESHUTDOWN: return S4J_ESHUTDOWN;
    case WSAETIMEDOUT: return S4J_ETIMEDOUT;
    case WSAECONNREFUSED: return S4J_ECONNREFUSED;
    case WSAELOOP: return S4J_ELOOP;
    case WSAENAMETOOLONG: return S4J_ENAMETOOLONG;
    case WSAEHOSTDOWN: return S4J_EHOSTDOWN;
    case WSAEHOSTUNREACH: return S4J_EHOSTUNREACH;
    case WSAEDISCON: return S4J_EPIPE;
    case ERROR_FILE_NOT_FOUND: return S4J_ENOENT; /* AF_UNIX connect to a missing path */
    case ERROR_PATH_NOT_FOUND: return S4J_ENOENT;
    case ERROR_ACCESS_DENIED: return S4J_EACCES;
    case ERROR_FILE_EXISTS: return S4J_EEXIST;
    case ERROR_ALREADY_EXISTS: return S4J_EEXIST;
    case WSASYSNOTREADY: return S4J_ENETDOWN;
    case WSANOTINITIALISED: return S4J_EINVAL;
    default: return S4J_EUNKNOWN;
    }
}

/*
 * Where Winsock and POSIX report one event of a send or receive differently,
 * say what POSIX says:
 * - a datagram socket learns of an ICMP port unreachable as WSAECONNRESET
 *   (ECONNREFUSED on POSIX);
 * - a blocking call whose SO_RCVTIMEO or SO_SNDTIMEO ran out fails with
 *   WSAETIMEDOUT (EAGAIN on POSIX). With no such timeout set, WSAETIMEDOUT is
 *   the connection's own timeout, ETIMEDOUT everywhere.
 */
int32_t s4j_windows_io_error(SOCKET s, int timeout) {
    int e = WSAGetLastError();
    if (e == WSAECONNRESET) {
        int type = 0;
        int len = (int)sizeof type;
        if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) == 0 && type == SOCK_DGRAM) {
            return s4j_error(S4J_ECONNREFUSED, e);
        }
    } else if (e == WSAETIMEDOUT) {
        DWORD ms = 0;
        int len = (int)sizeof ms;
        if (getsockopt(s, SOL_SOCKET, timeout, (char *)&ms, &len) == 0 && ms != 0) return s4j_error(S4J_EAGAIN, e);
    }
    return s4j_error_from_native(e);
}

void s4j_errno_describe(int native_code, char *buf, size_t len) {
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, (DWORD)native_code,
                             MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), buf, (DWORD)len, NULL);
    if (n == 0) {
        snprintf(buf, len, "Unknown error %d", native_code);
        return;
    }
    while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == '\n' || buf[n - 1] == '.')) buf[--n] = '\0';
}
