/* The core socket calls on Winsock 2. */
#include "backend.h"
#include "sockets4j/message.h"

#include <afunix.h>
#include <stdio.h>
#include <string.h>

#include "../core/socketpair.h"

/* WSASocket's handles are not inherited by child processes: the close-on-exec of Windows. */
#define S4J_SOCKET_FLAGS (WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)

int64_t s4j_socket_open(int family, int type, int protocol) {
    SOCKET s = WSASocketW(family, type, protocol, NULL, 0, S4J_SOCKET_FLAGS);
    if (s == INVALID_SOCKET) return s4j_last_error();
    if (family == AF_INET6) {
        /* Windows starts IPv6 sockets V6ONLY; POSIX systems start them dual-stack. Same start everywhere. */
        DWORD off = 0;
        if (setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (const char *)&off, sizeof off) == SOCKET_ERROR) {
            int32_t r = s4j_last_error();
            closesocket(s);
            return r;
        }
    }
    return (int64_t)s;
}

int32_t s4j_socket_family_supported(int family) {
    static const int types[] = {SOCK_DGRAM, SOCK_STREAM, SOCK_RAW, SOCK_SEQPACKET};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        SOCKET s = WSASocketW(family, types[i], 0, NULL, 0, S4J_SOCKET_FLAGS);
        if (s != INVALID_SOCKET) {
            closesocket(s);
            return 1;
        }
        /* Refused for want of privilege: the family exists. Any other answer proves nothing. */
        if (WSAGetLastError() == WSAEACCES) return 1;
    }
    return 0;
}

/* A path nobody else uses, in the user's own temp directory, for an AF_UNIX pair's listener. */
static int32_t fresh_unix_path(s4j_address *out) {
    char dir[MAX_PATH];
    DWORD n = GetTempPathA(sizeof dir, dir);
    if (n == 0 || n >= sizeof dir) return s4j_error_from_native((int)GetLastError());
    LARGE_INTEGER now;
    QueryPerformanceCounter(&now);
    memset(out, 0, sizeof *out);
    out->family = S4J_AF_UNIX;
    int len = snprintf((char *)out->data, S4J_ADDRESS_DATA_MAX, "%ss4j-%lu-%llx.sock", dir,
                       (unsigned long)GetCurrentProcessId(), (unsigned long long)now.QuadPart);
    if (len < 0 || len > s4j_unix_path_max()) return s4j_error(S4J_ENAMETOOLONG, 0);
    out->length = (uint16_t)len;
    return 0;
}

/* Winsock has no socketpair(): every pair is made over loopback. */
int32_t s4j_socket_pair(int family, int type, int protocol, int64_t out[2]) {
    s4j_address loopback;
    if (family == AF_UNIX) {
        if (type != SOCK_STREAM) return s4j_error(S4J_EOPNOTSUPP, WSAEOPNOTSUPP); /* Windows AF_UNIX is stream only */
        int32_t r = fresh_unix_path(&loopback);
        if (r < 0) return r;
        r = s4j_socket_pair_over_loopback(family, type, protocol, &loopback, 1, out);
        char path[S4J_ADDRESS_DATA_MAX + 1];
        memcpy(path, loopback.data, loopback.length);
        path[loopback.length] = '\0';
        DeleteFileA(path);
        return r;
    }
    if (family != AF_INET && family != AF_INET6) return s4j_error(S4J_EAFNOSUPPORT, WSAEAFNOSUPPORT);
    if (type != SOCK_STREAM && type != SOCK_DGRAM) return s4j_error(S4J_EOPNOTSUPP, WSAEOPNOTSUPP);
    s4j_address_loopback(family == AF_INET ? S4J_AF_INET : S4J_AF_INET6, &loopback);
    return s4j_socket_pair_over_loopback(family, type, protocol, &loopback, type == SOCK_STREAM, out);
}

int32_t s4j_socket_bind(s4j_handle h, const s4j_address *local) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(local, &sa);
    if (r < 0) return r;
    return bind(s4j_socket(h), (const struct sockaddr *)sa.u.bytes, (int)sa.len) == SOCKET_ERROR ? s4j_last_error()
                                                                                                  : 0;
}

int32_t s4j_socket_listen(s4j_handle h, int backlog) {
    return listen(s4j_socket(h), backlog) == SOCKET_ERROR ? s4j_last_error() : 0;
}

int64_t s4j_socket_accept(s4j_handle h, s4j_address *peer) {
    s4j_sockaddr sa;
    int len = (int)sizeof sa.u.bytes;
    SOCKET s = accept(s4j_socket(h), (struct sockaddr *)sa.u.bytes, &len);
    if (s == INVALID_SOCKET) return s4j_last_error();
    /* The accepted socket inherits the listener's mode; accepted sockets start blocking everywhere. */
    int32_t r = s4j_socket_set_blocking((int64_t)s, 1);
    if (r == 0 && !SetHandleInformation((HANDLE)s, HANDLE_FLAG_INHERIT, 0)) r = s4j_error_from_native((int)GetLastError());
    sa.len = (uint32_t)len;
    if (r == 0 && peer != NULL) r = s4j_address_from_sockaddr(&sa, peer);
    if (r < 0) {
        closesocket(s);
        return r;
    }
    return (int64_t)s;
}

/* Winsock says WSAEWOULDBLOCK where POSIX says EINPROGRESS for a non-blocking connect under way. */
static int32_t connect_error(void) {
    int e = WSAGetLastError();
    return e == WSAEWOULDBLOCK ? s4j_error(S4J_EINPROGRESS, e) : s4j_error_from_native(e);
}

int32_t s4j_socket_connect(s4j_handle h, const s4j_address *remote) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(remote, &sa);
    if (r < 0) return r;
    return connect(s4j_socket(h), (const struct sockaddr *)sa.u.bytes, (int)sa.len) == SOCKET_ERROR ? connect_error()
                                                                                                     : 0;
}

static int32_t pending_error(SOCKET s) {
    int err = 0;
    int len = (int)sizeof err;
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) == SOCKET_ERROR) return s4j_last_error();
    return err == 0 ? 0 : s4j_error_from_native(err);
}

/*
 * Waits for a connect under way: 1 done (check SO_ERROR), 0 timed out. select()
 * rather than WSAPoll, which older Windows never wake for a refused connect;
 * Winsock reports the failure in the except set.
 */
static int32_t wait_connected(SOCKET s, int32_t timeout_ms) {
    fd_set writable, failed;
    FD_ZERO(&writable);
    FD_ZERO(&failed);
    FD_SET(s, &writable);
    FD_SET(s, &failed);
    struct timeval tv = {.tv_sec = timeout_ms / 1000, .tv_usec = (timeout_ms % 1000) * 1000};
    int n = select(0, NULL, &writable, &failed, timeout_ms < 0 ? NULL : &tv);
    if (n == SOCKET_ERROR) return s4j_last_error();
    return n > 0 ? 1 : 0;
}

int32_t s4j_socket_finish_connect(s4j_handle h) {
    SOCKET s = s4j_socket(h);
    int32_t ready = wait_connected(s, 0);
    if (ready <= 0) return ready;
    int32_t r = pending_error(s);
    return r < 0 ? r : 1;
}

int32_t s4j_socket_send(s4j_handle h, const void *buf, int32_t len, int flags, const s4j_address *to) {
    SOCKET s = s4j_socket(h);
    int n;
    if (to == NULL) {
        n = send(s, buf, len, flags);
    } else {
        s4j_sockaddr sa;
        int32_t r = s4j_address_to_sockaddr(to, &sa);
        if (r < 0) return r;
        n = sendto(s, buf, len, flags, (const struct sockaddr *)sa.u.bytes, (int)sa.len);
    }
    return n == SOCKET_ERROR ? s4j_windows_io_error(s, SO_SNDTIMEO) : n;
}

/* A byte stream: the only kind of socket on which MSG_WAITALL means anything. */
static int is_stream(SOCKET s) {
    int type = 0;
    int len = (int)sizeof type;
    return getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) == 0 && type == SOCK_STREAM;
}

/*
 * The rest of a MSG_WAITALL receive on a stream, got bytes already in buf.
 * Like POSIX, it ends early only at end of stream, on an error or a timeout,
 * and then with what it has.
 */
static int recv_rest(SOCKET s, char *buf, int len, int flags, int got) {
    while (got < len) {
        int n = recv(s, buf + got, len - got, flags);
        if (n == SOCKET_ERROR || n == 0) break;
        got += n;
    }
    return got;
}

/* Milliseconds of SO_RCVTIMEO, 0 = none. */
static DWORD receive_timeout(SOCKET s) {
    DWORD ms = 0;
    int len = (int)sizeof ms;
    return getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, &len) == 0 ? ms : 0;
}

/*
 * MSG_PEEK | MSG_WAITALL on a stream, seen bytes already peeked into buf:
 * looks at the whole count again until it is all queued, so the bytes are
 * peeked once, from the start. Winsock has no receive low-water mark and
 * reports a socket readable while any byte is queued, so nothing can wait
 * for more than is there: between looks it sleeps, 1 ms doubling to 16.
 * Ends as POSIX does, with what the last look saw: at end of stream, on an
 * error (a close from another thread shuts the socket down, and the next
 * look fails with WSAESHUTDOWN) or when SO_RCVTIMEO runs out. Winsock cannot
 * tell a non-blocking socket, on which this would wait: socket.h has the
 * caller, who knows the mode, leave MSG_WAITALL out there.
 */
/*
 * Whether the peer has shut its side down. A peek cannot see the end of the
 * stream behind the bytes it leaves queued; WSAPoll reports it as POLLHUP.
 */
static int peer_finished(SOCKET s) {
    WSAPOLLFD p = {.fd = s, .events = POLLRDNORM, .revents = 0};
    return WSAPoll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)) != 0;
}

static int peek_all(SOCKET s, char *buf, int len, int flags, int seen) {
    DWORD timeout = receive_timeout(s);
    ULONGLONG deadline = GetTickCount64() + timeout;
    DWORD pause = 1;
    while (seen < len) {
        DWORD nap = pause;
        if (timeout != 0) {
            ULONGLONG now = GetTickCount64();
            if (now >= deadline) break;
            if (deadline - now < nap) nap = (DWORD)(deadline - now);
        }
        Sleep(nap);
        if (pause < 16) pause *= 2;
        int n = recv(s, buf, len, flags);
        if (n == SOCKET_ERROR || n == 0) break;
        seen = n;
        if (seen < len && peer_finished(s)) break; /* no more will come: what is queued is all there is */
    }
    return seen;
}

int32_t s4j_socket_recv(s4j_handle h, void *buf, int32_t len, int flags, s4j_address *from, int32_t *out_flags) {
    SOCKET s = s4j_socket(h);
    s4j_sockaddr sa;
    memset(&sa, 0, sizeof sa); /* recvfrom on a stream leaves it untouched: it then reads as AF_UNSPEC */
    int sa_len = (int)sizeof sa.u.bytes;
    /*
     * Winsock refuses MSG_WAITALL with MSG_PEEK, on datagram sockets and on
     * non-blocking sockets (Wine ignores it): it is done here, for streams
     * only, since a datagram is one message whatever the flag says.
     */
    int waitall = (flags & MSG_WAITALL) != 0;
    flags &= ~MSG_WAITALL;
    int n = from == NULL ? recv(s, buf, len, flags)
                         : recvfrom(s, buf, len, flags, (struct sockaddr *)sa.u.bytes, &sa_len);
    int32_t truncated = 0;
    if (n == SOCKET_ERROR) {
        /* A datagram longer than the buffer: Winsock fills the buffer and fails; POSIX returns what fitted. */
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_windows_io_error(s, SO_RCVTIMEO);
        n = len;
        truncated = S4J_MSG_OUT_TRUNC;
    } else if (waitall && n > 0 && n < len && is_stream(s)) {
        n = (flags & MSG_PEEK) != 0 ? peek_all(s, buf, len, flags, n) : recv_rest(s, buf, len, flags, n);
    }
    if (out_flags != NULL) *out_flags = truncated;
    if (from != NULL) {
        sa.len = (uint32_t)sa_len;
        int32_t r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return n;
}

int32_t s4j_socket_shutdown(s4j_handle h, int how) {
    return shutdown(s4j_socket(h), how) == SOCKET_ERROR ? s4j_last_error() : 0;
}

typedef int(WSAAPI *name_call)(SOCKET, struct sockaddr *, int *);

static int32_t socket_name(s4j_handle h, s4j_address *out, name_call call) {
    s4j_sockaddr sa;
    int len = (int)sizeof sa.u.bytes;
    if (call(s4j_socket(h), (struct sockaddr *)sa.u.bytes, &len) == SOCKET_ERROR) return s4j_last_error();
    sa.len = (uint32_t)len;
    return s4j_address_from_sockaddr(&sa, out);
}

int32_t s4j_socket_local_address(s4j_handle h, s4j_address *out) { return socket_name(h, out, getsockname); }

int32_t s4j_socket_remote_address(s4j_handle h, s4j_address *out) { return socket_name(h, out, getpeername); }

int32_t s4j_socket_set_blocking(s4j_handle h, int blocking) {
    SOCKET s = s4j_socket(h);
    u_long mode = blocking ? 0 : 1;
    return ioctlsocket(s, FIONBIO, &mode) == SOCKET_ERROR ? s4j_last_error() : 0;
}

int32_t s4j_socket_type(s4j_handle h) {
    int type = 0;
    int len = (int)sizeof type;
    if (getsockopt(s4j_socket(h), SOL_SOCKET, SO_TYPE, (char *)&type, &len) == SOCKET_ERROR) return s4j_last_error();
    return type;
}

int32_t s4j_socket_close(s4j_handle h) {
    return closesocket(s4j_socket(h)) == SOCKET_ERROR ? s4j_last_error() : 0;
}
