/* The core socket calls on POSIX systems (Linux, macOS, the BSDs). */
#include "sockets4j/socket.h"
#include "sockets4j/message.h"

#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "../core/socketpair.h"
#include "posix.h"

static int32_t set_cloexec_nosigpipe(int fd) {
#ifndef S4J_HAVE_SOCK_CLOEXEC
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) == -1) return s4j_last_error();
#endif
#ifdef SO_NOSIGPIPE
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one) == -1) return s4j_last_error();
#endif
    (void)fd;
    return 0;
}

/* Closes fd after a failed set-up step and passes the step's error on. */
static int64_t discard(int fd, int32_t error) {
    close(fd);
    return error;
}

int64_t s4j_socket_open(int family, int type, int protocol) {
    int fd;
#ifdef S4J_HAVE_SOCK_CLOEXEC
    fd = socket(family, type | SOCK_CLOEXEC, protocol);
#else
    fd = socket(family, type, protocol);
#endif
    if (fd == -1) return s4j_last_error();
    int32_t r = set_cloexec_nosigpipe(fd);
    return r < 0 ? discard(fd, r) : fd;
}

int32_t s4j_socket_family_supported(int family) {
    static const int types[] = {SOCK_DGRAM, SOCK_STREAM, SOCK_RAW, SOCK_SEQPACKET};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        int fd = socket(family, types[i], 0);
        if (fd >= 0) {
            close(fd);
            return 1;
        }
        /* Refused for want of privilege: the family exists. Any other answer proves nothing. */
        if (errno == EPERM || errno == EACCES) return 1;
    }
    return 0;
}

int32_t s4j_socket_pair(int family, int type, int protocol, int64_t out[2]) {
    if (family == AF_INET || family == AF_INET6) {
        s4j_address loopback;
        s4j_address_loopback(family == AF_INET ? S4J_AF_INET : S4J_AF_INET6, &loopback);
        if (type != SOCK_STREAM && type != SOCK_DGRAM) return s4j_error(S4J_EOPNOTSUPP, EOPNOTSUPP);
        return s4j_socket_pair_over_loopback(family, type, protocol, &loopback, type == SOCK_STREAM, out);
    }
    int fds[2];
#ifdef S4J_HAVE_SOCK_CLOEXEC
    if (socketpair(family, type | SOCK_CLOEXEC, protocol, fds) == -1) return s4j_last_error();
#else
    if (socketpair(family, type, protocol, fds) == -1) return s4j_last_error();
#endif
    int32_t r = set_cloexec_nosigpipe(fds[0]);
    if (r == 0) r = set_cloexec_nosigpipe(fds[1]);
    if (r < 0) {
        close(fds[0]);
        close(fds[1]);
        return r;
    }
    out[0] = fds[0];
    out[1] = fds[1];
    return 0;
}

int32_t s4j_socket_bind(s4j_handle h, const s4j_address *local) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(local, &sa);
    if (r < 0) return r;
    if (bind(s4j_fd(h), (const struct sockaddr *)sa.u.bytes, (socklen_t)sa.len) == -1) return s4j_last_error();
    return 0;
}

int32_t s4j_socket_listen(s4j_handle h, int backlog) {
    return listen(s4j_fd(h), backlog) == -1 ? s4j_last_error() : 0;
}

static int32_t read_address(const s4j_sockaddr *sa, s4j_address *out) {
    return out == NULL ? 0 : s4j_address_from_sockaddr(sa, out);
}

int64_t s4j_socket_accept(s4j_handle h, s4j_address *peer) {
    s4j_sockaddr sa;
    socklen_t len = sizeof sa.u.bytes;
    int fd;
#ifdef S4J_HAVE_ACCEPT4
    S4J_RETRY(fd, accept4(s4j_fd(h), (struct sockaddr *)sa.u.bytes, &len, SOCK_CLOEXEC));
#else
    S4J_RETRY(fd, accept(s4j_fd(h), (struct sockaddr *)sa.u.bytes, &len));
#endif
    if (fd == -1) return s4j_last_error();
    int32_t r = set_cloexec_nosigpipe(fd);
    /* BSD hands the listener's O_NONBLOCK down; Linux does not. Accepted sockets start blocking everywhere. */
    if (r == 0) r = s4j_socket_set_blocking(fd, 1);
    sa.len = len;
    if (r == 0) r = read_address(&sa, peer);
    return r < 0 ? discard(fd, r) : fd;
}

/* Waits until fd reports one of events or timeout_ms passes (-1: no limit). 1 ready, 0 timed out, < 0 error. */
static int32_t wait_for(int fd, short events, int32_t timeout_ms) {
    struct pollfd p = {.fd = fd, .events = events, .revents = 0};
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int32_t left = timeout_ms;
        if (timeout_ms >= 0) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            int64_t spent = (int64_t)(now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
            left = spent >= timeout_ms ? 0 : (int32_t)(timeout_ms - spent);
        }
        int n = poll(&p, 1, left);
        if (n >= 0) return n > 0 ? 1 : 0;
        if (errno != EINTR) return s4j_last_error();
    }
}

static int32_t pending_error(int fd) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == -1) return s4j_last_error();
    return err == 0 ? 0 : s4j_error_from_native(err);
}

int32_t s4j_socket_connect(s4j_handle h, const s4j_address *remote) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(remote, &sa);
    if (r < 0) return r;
    int fd = s4j_fd(h);
    if (connect(fd, (const struct sockaddr *)sa.u.bytes, (socklen_t)sa.len) == 0) return 0;
    if (errno != EINTR) return s4j_last_error();
    /* An interrupted connect goes on in the kernel; calling connect again would say EALREADY. */
    r = wait_for(fd, POLLOUT, -1);
    return r < 0 ? r : pending_error(fd);
}

int32_t s4j_socket_finish_connect(s4j_handle h) {
    int fd = s4j_fd(h);
    int32_t ready = wait_for(fd, POLLOUT, 0);
    if (ready <= 0) return ready;
    int32_t r = pending_error(fd);
    return r < 0 ? r : 1;
}

int32_t s4j_socket_send(s4j_handle h, const void *buf, int32_t len, int flags, const s4j_address *to) {
    ssize_t n;
    if (to == NULL) {
        S4J_RETRY(n, send(s4j_fd(h), buf, (size_t)len, flags | S4J_SEND_FLAGS));
    } else {
        s4j_sockaddr sa;
        int32_t r = s4j_address_to_sockaddr(to, &sa);
        if (r < 0) return r;
        S4J_RETRY(n, sendto(s4j_fd(h), buf, (size_t)len, flags | S4J_SEND_FLAGS, (const struct sockaddr *)sa.u.bytes,
                            (socklen_t)sa.len));
    }
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

int32_t s4j_socket_recv(s4j_handle h, void *buf, int32_t len, int flags, s4j_address *from, int32_t *out_flags) {
    ssize_t n;
    if (from == NULL && out_flags == NULL) {
        S4J_RETRY(n, recv(s4j_fd(h), buf, (size_t)len, flags));
        return n == -1 ? s4j_last_error() : (int32_t)n;
    }
    /* recvmsg rather than recvfrom: only its msg_flags tell a truncated datagram. */
    s4j_sockaddr sa;
    struct iovec iov = {.iov_base = buf, .iov_len = (size_t)len};
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_name = sa.u.bytes;
    m.msg_namelen = sizeof sa.u.bytes;
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    S4J_RETRY(n, recvmsg(s4j_fd(h), &m, flags));
    if (n == -1) return s4j_last_error();
    if (out_flags != NULL) *out_flags = (m.msg_flags & MSG_TRUNC) != 0 ? S4J_MSG_OUT_TRUNC : 0;
    if (from != NULL) {
        sa.len = m.msg_namelen;
        int32_t r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return (int32_t)n;
}

int32_t s4j_socket_shutdown(s4j_handle h, int how) {
    return shutdown(s4j_fd(h), how) == -1 ? s4j_last_error() : 0;
}

typedef int (*name_call)(int, struct sockaddr *, socklen_t *);

static int32_t socket_name(s4j_handle h, s4j_address *out, name_call call) {
    s4j_sockaddr sa;
    socklen_t len = sizeof sa.u.bytes;
    if (call(s4j_fd(h), (struct sockaddr *)sa.u.bytes, &len) == -1) return s4j_last_error();
    sa.len = len;
    return s4j_address_from_sockaddr(&sa, out);
}

int32_t s4j_socket_local_address(s4j_handle h, s4j_address *out) { return socket_name(h, out, getsockname); }

int32_t s4j_socket_remote_address(s4j_handle h, s4j_address *out) { return socket_name(h, out, getpeername); }

int32_t s4j_socket_set_blocking(s4j_handle h, int blocking) {
    int fd = s4j_fd(h);
    int flags = fcntl(fd, F_GETFL);
    if (flags == -1) return s4j_last_error();
    int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) == -1) return s4j_last_error();
    return 0;
}

int32_t s4j_socket_type(s4j_handle h) {
    int type = 0;
    socklen_t len = sizeof type;
    if (getsockopt(s4j_fd(h), SOL_SOCKET, SO_TYPE, &type, &len) == -1) return s4j_last_error();
    return type;
}

int32_t s4j_socket_close(s4j_handle h) {
    /* Never retried: after EINTR the fd is already gone on Linux, and a retry could close a reused number. */
    return close(s4j_fd(h)) == -1 && errno != EINTR ? s4j_last_error() : 0;
}
