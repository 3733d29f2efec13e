/*
 * sendmsg/recvmsg on POSIX: the calls, and the closing of passed descriptors.
 * core/msghdr.c fills the msghdr; core/cmsg.c turns message.h's records into
 * cmsghdrs and back.
 */
#include "sockets4j/message.h"

#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../core/batch.h"
#include "../core/cmsg.h"
#include "../core/msghdr.h"
#include "posix.h"

/* Room for the OS's cmsgs made from records: each record becomes at most one cmsg of a bounded size. */
#define S4J_CMSG_ROOM 1024

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    struct iovec v[S4J_IOV_MAX];
    struct msghdr m;
    s4j_sockaddr sa;
    union {
        struct cmsghdr align;
        unsigned char bytes[S4J_CMSG_ROOM];
    } cbuf;
    int32_t r = s4j_msghdr_prepare(&m, v, iov, iovcnt, to, 0, &sa);
    if (r == 0) r = s4j_msghdr_send_control(&m, control, control_len, cbuf.bytes, sizeof cbuf.bytes);
    if (r < 0) return r;
    ssize_t n;
    S4J_RETRY(n, sendmsg(s4j_fd(h), &m, flags | S4J_SEND_FLAGS));
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

/*
 * Descriptors a peer passed (SCM_RIGHTS) are now open in this process, and the API
 * has no type to hand them over in yet: closed here, whatever else happens, so
 * none leaks.
 */
int s4j_control_release(int level, int type, const unsigned char *data, int32_t len) {
    if (level != SOL_SOCKET || type != SCM_RIGHTS) return 0;
    for (int32_t i = 0; i + (int32_t)sizeof(int) <= len; i += (int32_t)sizeof(int)) {
        int fd;
        memcpy(&fd, data + i, sizeof fd);
        close(fd); /* not retried on EINTR: the fd is released either way */
    }
    return 1;
}

int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags) {
    struct iovec v[S4J_IOV_MAX];
    struct msghdr m;
    s4j_sockaddr sa;
    union {
        struct cmsghdr align;
        unsigned char bytes[S4J_CMSG_ROOM * 4];
    } cbuf;
    int32_t r = s4j_msghdr_prepare(&m, v, iov, iovcnt, NULL, 1, &sa);
    if (r < 0) return r;
    int32_t room = control_len != NULL ? *control_len : 0;
    s4j_msghdr_receive_control(&m, room, cbuf.bytes, sizeof cbuf.bytes);
    ssize_t n;
    S4J_RETRY(n, recvmsg(s4j_fd(h), &m, flags));
    if (n == -1) return s4j_last_error();
    int32_t out = s4j_posix_out_flags(m.msg_flags);
    r = s4j_msghdr_received(&m, &sa, from, control, room, control_len, &out);
    *out_flags = out;
    return r < 0 ? r : (int32_t)n;
}

/* writev/readv as sendmsg/recvmsg without a name: only those take flags (MSG_NOSIGNAL above all). */
int32_t s4j_socket_sendv(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, int flags) {
    struct iovec v[S4J_IOV_MAX];
    struct msghdr m;
    s4j_sockaddr sa;
    int32_t r = s4j_msghdr_prepare(&m, v, iov, iovcnt, NULL, 0, &sa);
    if (r < 0) return r;
    ssize_t n;
    S4J_RETRY(n, sendmsg(s4j_fd(h), &m, flags | S4J_SEND_FLAGS));
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

int32_t s4j_socket_recvv(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, int flags) {
    struct iovec v[S4J_IOV_MAX];
    struct msghdr m;
    s4j_sockaddr sa;
    int32_t r = s4j_msghdr_prepare(&m, v, iov, iovcnt, NULL, 0, &sa);
    if (r < 0) return r;
    ssize_t n;
    S4J_RETRY(n, recvmsg(s4j_fd(h), &m, flags));
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

/* core/batch.c's primitives: a batch datagram by datagram, where the OS has no sendmmsg/recvmmsg. */
int32_t s4j_os_send_one(s4j_handle h, s4j_os_msghdr *m, int flags) {
    ssize_t n;
    S4J_RETRY(n, sendmsg(s4j_fd(h), m, flags | S4J_SEND_FLAGS));
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

int32_t s4j_os_recv_one(s4j_handle h, s4j_os_msghdr *m, int flags, int wait, int32_t *out_flags) {
    ssize_t n;
    S4J_RETRY(n, recvmsg(s4j_fd(h), m, wait ? flags : flags | MSG_DONTWAIT));
    if (n == -1) return s4j_last_error();
    *out_flags = s4j_posix_out_flags(m->msg_flags);
    return (int32_t)n;
}
