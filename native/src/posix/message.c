/*
 * sendmsg/recvmsg on POSIX: the calls, and the closing of passed descriptors.
 * core/cmsg.c turns message.h's records into cmsghdrs and back.
 */
#include "sockets4j/message.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../core/cmsg.h"
#include "platform_sockaddr.h"
#include "posix.h"

/* Room for the OS's cmsgs made from records: each record becomes at most one cmsg of a bounded size. */
#define S4J_CMSG_ROOM 1024

/* The scatter/gather list as the OS's; a negative length is refused, never read as a huge size. */
static int32_t to_iovecs(const s4j_iovec *iov, int32_t iovcnt, struct iovec *v) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, 0);
    for (int32_t i = 0; i < iovcnt; i++) {
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, 0);
        v[i].iov_base = iov[i].base;
        v[i].iov_len = (size_t)iov[i].length;
    }
    return 0;
}

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    struct iovec v[S4J_IOV_MAX];
    int32_t r = to_iovecs(iov, iovcnt, v);
    if (r < 0) return r;
    struct msghdr m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    if (to != NULL) {
        r = s4j_address_to_sockaddr(to, &sa);
        if (r < 0) return r;
        m.msg_name = sa.u.bytes;
        m.msg_namelen = (socklen_t)sa.len;
    }
    m.msg_iov = v;
    m.msg_iovlen = (size_t)iovcnt;
    union {
        struct cmsghdr align;
        unsigned char bytes[S4J_CMSG_ROOM];
    } cbuf;
    if (control_len > 0) {
        size_t used = 0;
        r = s4j_records_to_control(control, control_len, cbuf.bytes, sizeof cbuf.bytes, &used);
        if (r < 0) return r;
        if (used > 0) {
            m.msg_control = cbuf.bytes;
            m.msg_controllen = (socklen_t)used;
        }
    }
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
    int32_t r = to_iovecs(iov, iovcnt, v);
    if (r < 0) return r;
    struct msghdr m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    memset(&sa, 0, sizeof sa);
    m.msg_name = sa.u.bytes;
    m.msg_namelen = sizeof sa.u.bytes;
    m.msg_iov = v;
    m.msg_iovlen = (size_t)iovcnt;
    union {
        struct cmsghdr align;
        unsigned char bytes[S4J_CMSG_ROOM * 4];
    } cbuf;
    int32_t room = control_len != NULL ? *control_len : 0;
    if (room > 0) {
        m.msg_control = cbuf.bytes;
        /* the OS's own form takes more room than our records: give it what our room would hold, capped */
        size_t want = (size_t)room * 2;
        m.msg_controllen = (socklen_t)(want < sizeof cbuf.bytes ? want : sizeof cbuf.bytes);
    }
    ssize_t n;
    S4J_RETRY(n, recvmsg(s4j_fd(h), &m, flags));
    if (n == -1) return s4j_last_error();
    int32_t out = 0;
    if (m.msg_flags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (m.msg_flags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
#ifdef MSG_EOR
    if (m.msg_flags & MSG_EOR) out |= S4J_MSG_OUT_EOR;
#endif
    if (m.msg_flags & MSG_OOB) out |= S4J_MSG_OUT_OOB;
    int32_t used = 0;
    if (room > 0 && m.msg_controllen > 0) out |= s4j_control_to_records(m.msg_control, m.msg_controllen, control, room, &used);
    if (control_len != NULL) *control_len = used;
    *out_flags = out;
    if (from != NULL) {
        sa.len = m.msg_namelen;
        r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return (int32_t)n;
}
