/* sendmsg/recvmsg on POSIX: the cmsghdr list <-> the portable records of message.h. */
#include "sockets4j/message.h"

#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../core/records.h"
#include "platform_sockaddr.h"
#include "posix.h"

#ifdef MSG_NOSIGNAL
#define S4J_SEND_FLAGS MSG_NOSIGNAL
#else
#define S4J_SEND_FLAGS 0
#endif

/* Room for the OS's cmsgs made from records: each record becomes at most one cmsg of a bounded size. */
#define S4J_CMSG_ROOM 1024

/* Appends a cmsg; NULL when there is no room. */
static unsigned char *add_cmsg(struct msghdr *m, size_t room, int level, int type, const void *data, size_t len) {
    size_t used = m->msg_controllen;
    if (used > room || len > room || CMSG_SPACE(len) > room - used) return NULL;
    struct cmsghdr *c = (struct cmsghdr *)((unsigned char *)m->msg_control + used);
    memset(c, 0, CMSG_SPACE(len));
    c->cmsg_level = level;
    c->cmsg_type = type;
    c->cmsg_len = CMSG_LEN(len);
    memcpy(CMSG_DATA(c), data, len);
    m->msg_controllen = (socklen_t)(used + CMSG_SPACE(len));
    return CMSG_DATA(c);
}

static int32_t i32(const unsigned char *p) {
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* One record -> one cmsg of the OS. */
static int32_t encode(struct msghdr *m, size_t room, const struct s4j_record *r) {
    switch (r->kind) {
#ifdef IP_PKTINFO
    case S4J_CMSG_IP_PKTINFO: {
        if (r->length < 12) return s4j_error(S4J_EINVAL, 0);
        struct in_pktinfo pi;
        memset(&pi, 0, sizeof pi);
        pi.ipi_ifindex = (int)i32(r->data);
        memcpy(&pi.ipi_spec_dst, r->data + 8, 4); /* the source to send from */
        return add_cmsg(m, room, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi) ? 0 : s4j_error(S4J_ENOBUFS, 0);
    }
#endif
    case S4J_CMSG_IP_TTL:
    case S4J_CMSG_IP_TOS:
    case S4J_CMSG_IPV6_HOPLIMIT:
    case S4J_CMSG_IPV6_TCLASS: {
        if (r->length < 4) return s4j_error(S4J_EINVAL, 0);
        int v = i32(r->data);
        int level = r->kind <= S4J_CMSG_IP_TOS ? IPPROTO_IP : IPPROTO_IPV6;
        int type = r->kind == S4J_CMSG_IP_TTL ? IP_TTL
                 : r->kind == S4J_CMSG_IP_TOS ? IP_TOS
#ifdef IPV6_HOPLIMIT
                 : r->kind == S4J_CMSG_IPV6_HOPLIMIT ? IPV6_HOPLIMIT
#endif
                                                     : IPV6_TCLASS;
        return add_cmsg(m, room, level, type, &v, sizeof v) ? 0 : s4j_error(S4J_ENOBUFS, 0);
    }
    case S4J_CMSG_IPV6_PKTINFO: {
        if (r->length < 20) return s4j_error(S4J_EINVAL, 0);
        struct in6_pktinfo pi;
        memset(&pi, 0, sizeof pi);
        pi.ipi6_ifindex = (unsigned)i32(r->data);
        memcpy(&pi.ipi6_addr, r->data + 4, 16);
        return add_cmsg(m, room, IPPROTO_IPV6, IPV6_PKTINFO, &pi, sizeof pi) ? 0 : s4j_error(S4J_ENOBUFS, 0);
    }
    case S4J_CMSG_RAW:
        return add_cmsg(m, room, r->level, r->type, r->data, (size_t)r->length) ? 0 : s4j_error(S4J_ENOBUFS, 0);
    default: return s4j_unsupported();
    }
}

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, 0);
    struct iovec v[S4J_IOV_MAX];
    for (int32_t i = 0; i < iovcnt; i++) {
        v[i].iov_base = iov[i].base;
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, 0); /* never a huge unsigned size */
        v[i].iov_len = (size_t)iov[i].length;
    }
    struct msghdr m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    if (to != NULL) {
        int32_t r = s4j_address_to_sockaddr(to, &sa);
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
        m.msg_control = cbuf.bytes;
        m.msg_controllen = 0;
        struct s4j_record rec;
        int32_t off = 0;
        int more;
        while ((more = s4j_record_next(control, control_len, &off, &rec)) == 1) {
            int32_t r = encode(&m, sizeof cbuf.bytes, &rec);
            if (r < 0) return r;
        }
        if (more < 0) return s4j_error(S4J_EINVAL, 0);
        if (m.msg_controllen == 0) m.msg_control = NULL;
    }
    ssize_t n;
    S4J_RETRY(n, sendmsg(s4j_fd(h), &m, flags | S4J_SEND_FLAGS));
    return n == -1 ? s4j_last_error() : (int32_t)n;
}

static int32_t int_of(const unsigned char *data, int32_t len) {
    if (len == 1) return *data; /* a u_char on some stacks (IP_TOS, BSD's IP_RECVTTL) */
    int32_t v = 0;
    memcpy(&v, data, len < (int32_t)sizeof v ? (size_t)len : sizeof v);
    return v;
}

/* One cmsg of the OS, its len bytes of data checked to lie inside the block -> one record; 0 when it does not fit. */
static int decode(const struct cmsghdr *c, int32_t len, unsigned char *out, int32_t room, int32_t *used) {
    int level = c->cmsg_level, type = c->cmsg_type;
    const unsigned char *data = CMSG_DATA(c);
    if (level == IPPROTO_IP) {
#ifdef IP_PKTINFO
        if (type == IP_PKTINFO && len >= (int32_t)sizeof(struct in_pktinfo)) {
            struct in_pktinfo pi;
            memcpy(&pi, data, sizeof pi);
            unsigned char v[12];
            uint32_t ifindex = (uint32_t)pi.ipi_ifindex;
            memcpy(v, &ifindex, 4);
            memcpy(v + 4, &pi.ipi_addr, 4);
            memcpy(v + 8, &pi.ipi_spec_dst, 4);
            return s4j_record_put(out, room, used, S4J_CMSG_IP_PKTINFO, level, type, v, sizeof v);
        }
#endif
#ifdef IP_RECVDSTADDR
        if (type == IP_RECVDSTADDR && len >= 4) { /* BSD: the destination alone */
            unsigned char v[12] = {0};
            memcpy(v + 4, data, 4);
            return s4j_record_put(out, room, used, S4J_CMSG_IP_PKTINFO, level, type, v, sizeof v);
        }
#endif
#ifdef IP_RECVTTL
        if (type == IP_RECVTTL) { /* BSD spells the received TTL so */
            int32_t v = int_of(data, len);
            return s4j_record_put(out, room, used, S4J_CMSG_IP_TTL, level, type, &v, 4);
        }
#endif
        if (type == IP_TTL || type == IP_TOS
#ifdef IP_RECVTOS
            || type == IP_RECVTOS
#endif
        ) {
            int32_t v = int_of(data, len);
            return s4j_record_put(out, room, used, type == IP_TTL ? S4J_CMSG_IP_TTL : S4J_CMSG_IP_TOS, level, type, &v, 4);
        }
    } else if (level == IPPROTO_IPV6) {
        if (type == IPV6_PKTINFO && len >= (int32_t)sizeof(struct in6_pktinfo)) {
            struct in6_pktinfo pi;
            memcpy(&pi, data, sizeof pi);
            unsigned char v[20];
            uint32_t ifindex = (uint32_t)pi.ipi6_ifindex;
            memcpy(v, &ifindex, 4);
            memcpy(v + 4, &pi.ipi6_addr, 16);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_PKTINFO, level, type, v, sizeof v);
        }
#ifdef IPV6_HOPLIMIT
        if (type == IPV6_HOPLIMIT) {
            int32_t v = int_of(data, len);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_HOPLIMIT, level, type, &v, 4);
        }
#endif
#ifdef IPV6_TCLASS
        if (type == IPV6_TCLASS) {
            int32_t v = int_of(data, len);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_TCLASS, level, type, &v, 4);
        }
#endif
#ifdef IPV6_PATHMTU
        if (type == IPV6_PATHMTU && len >= (int32_t)sizeof(struct ip6_mtuinfo)) {
            struct ip6_mtuinfo info;
            memcpy(&info, data, sizeof info);
            unsigned char v[4 + S4J_ADDRESS_SIZE];
            uint32_t mtu = info.ip6m_mtu;
            memcpy(v, &mtu, 4);
            s4j_sockaddr sa;
            memset(&sa, 0, sizeof sa);
            memcpy(sa.u.bytes, &info.ip6m_addr, sizeof info.ip6m_addr);
            sa.len = sizeof info.ip6m_addr;
            s4j_address a;
            if (s4j_address_from_sockaddr(&sa, &a) != 0) memset(&a, 0, sizeof a);
            memcpy(v + 4, &a, sizeof a);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_PATHMTU, level, type, v, sizeof v);
        }
#endif
    }
    return s4j_record_put(out, room, used, S4J_CMSG_RAW, level, type, data, len);
}

/*
 * Descriptors a peer passed (SCM_RIGHTS) are now open in this process, and the API
 * has no type to hand them over in yet: closed here, whatever else happens, so
 * none leaks.
 */
static void close_passed(const unsigned char *data, int32_t len) {
    for (int32_t i = 0; i + (int32_t)sizeof(int) <= len; i += (int32_t)sizeof(int)) {
        int fd;
        memcpy(&fd, data + i, sizeof fd);
        close(fd); /* not retried on EINTR: the fd is released either way */
    }
}

/*
 * The walk checks each header itself instead of trusting CMSG_NXTHDR (glibc's does
 * not check cmsg_len against the block): a header is used only when
 * CMSG_LEN(0) <= cmsg_len <= the bytes that remain, otherwise the walk stops with
 * CTRUNC. A kernel never writes such a header; the decoder does not rely on it.
 */
int32_t s4j_control_to_records(const void *block, size_t block_len, void *out, int32_t room, int32_t *used) {
    const unsigned char *bytes = block;
    int32_t flags = 0;
    size_t off = 0;
    while (block_len - off >= sizeof(struct cmsghdr)) {
        const struct cmsghdr *c = (const struct cmsghdr *)(const void *)(bytes + off);
        size_t rest = block_len - off;
        size_t clen = c->cmsg_len;
        if (clen < CMSG_LEN(0) || clen > rest || clen - CMSG_LEN(0) > INT32_MAX) return S4J_MSG_OUT_CTRUNC;
        int32_t len = (int32_t)(clen - CMSG_LEN(0));
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            close_passed(CMSG_DATA(c), len);
        } else if (flags == 0 && !decode(c, len, out, room, used)) {
            flags = S4J_MSG_OUT_CTRUNC; /* no room: keep walking only to close passed descriptors */
        }
        size_t step = CMSG_SPACE((size_t)len);
        if (step >= rest) break; /* the last header, its padding possibly cut off */
        off += step;
    }
    return flags;
}

int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, 0);
    struct iovec v[S4J_IOV_MAX];
    for (int32_t i = 0; i < iovcnt; i++) {
        v[i].iov_base = iov[i].base;
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, 0); /* never a huge unsigned size */
        v[i].iov_len = (size_t)iov[i].length;
    }
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
        int32_t r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return (int32_t)n;
}
