/*
 * sendmsg/recvmsg on Winsock: WSASendMsg, and WSARecvMsg, whose address
 * Winsock gives only through SIO_GET_EXTENSION_FUNCTION_POINTER (asked once,
 * when the library loads). Winsock's ancillary data differs from POSIX's in
 * layout (WSACMSGHDR, IN_PKTINFO is {addr, ifindex} with no spec_dst) and
 * turns into the same portable records of message.h.
 */
#include "sockets4j/message.h"

#include <string.h>

#include "../core/records.h"
#include "backend.h"
#include <mswsock.h>
#include <ws2ipdef.h>

/* Written once by s4j_windows_message_init while the library loads, read-only afterwards. */
static LPFN_WSARECVMSG wsa_recvmsg;

int32_t s4j_windows_message_init(void) {
    SOCKET s = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) return s4j_last_error();
    GUID guid = WSAID_WSARECVMSG;
    DWORD bytes = 0;
    int r = WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof guid, &wsa_recvmsg, sizeof wsa_recvmsg,
                     &bytes, NULL, NULL);
    closesocket(s);
    if (r == SOCKET_ERROR) wsa_recvmsg = NULL; /* recvMsg then answers s4j_unsupported() */
    return 0;
}

#define S4J_CMSG_ROOM 1024

static int32_t i32(const unsigned char *p) { /* native-order int32 of a record */
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

static int add_cmsg(WSABUF *control, size_t room, int level, int type, const void *data, size_t len) {
    size_t used = control->len;
    if (used > room || len > room || WSA_CMSG_SPACE(len) > room - used) return 0;
    WSACMSGHDR *c = (WSACMSGHDR *)(control->buf + used);
    memset(c, 0, WSA_CMSG_SPACE(len));
    c->cmsg_len = WSA_CMSG_LEN(len);
    c->cmsg_level = level;
    c->cmsg_type = type;
    memcpy(WSA_CMSG_DATA(c), data, len);
    control->len = (ULONG)(used + WSA_CMSG_SPACE(len));
    return 1;
}

static int32_t encode(WSABUF *control, size_t room, int32_t kind, int32_t level, int32_t type,
                      const unsigned char *data, int32_t length) {
    int ok;
    switch (kind) {
    case S4J_CMSG_IP_PKTINFO: {
        if (length < 12) return s4j_error(S4J_EINVAL, WSAEINVAL);
        IN_PKTINFO pi;
        memset(&pi, 0, sizeof pi);
        pi.ipi_ifindex = (ULONG)i32(data);
        memcpy(&pi.ipi_addr, data + 8, 4); /* the source to send from */
        ok = add_cmsg(control, room, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi);
        break;
    }
    case S4J_CMSG_IPV6_PKTINFO: {
        if (length < 20) return s4j_error(S4J_EINVAL, WSAEINVAL);
        IN6_PKTINFO pi;
        memset(&pi, 0, sizeof pi);
        pi.ipi6_ifindex = (ULONG)i32(data);
        memcpy(&pi.ipi6_addr, data + 4, 16);
        ok = add_cmsg(control, room, IPPROTO_IPV6, IPV6_PKTINFO, &pi, sizeof pi);
        break;
    }
    /*
     * WSASendMsg documents packet info only: a TTL, TOS, hop limit or traffic class sent
     * as ancillary data would be dropped without a word, so it is refused instead.
     */
    case S4J_CMSG_RAW: ok = add_cmsg(control, room, level, type, data, (size_t)length); break;
    default: return s4j_unsupported();
    }
    return ok ? 0 : s4j_error(S4J_ENOBUFS, WSAENOBUFS);
}

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, WSAEINVAL);
    WSABUF bufs[S4J_IOV_MAX];
    for (int32_t i = 0; i < iovcnt; i++) {
        bufs[i].buf = iov[i].base;
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, WSAEINVAL); /* never a huge unsigned size */
        bufs[i].len = (ULONG)iov[i].length;
    }
    WSAMSG m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    if (to != NULL) {
        int32_t r = s4j_address_to_sockaddr(to, &sa);
        if (r < 0) return r;
        m.name = (LPSOCKADDR)sa.u.bytes;
        m.namelen = (INT)sa.len;
    }
    m.lpBuffers = bufs;
    m.dwBufferCount = (ULONG)iovcnt;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM];
    } cbuf;
    m.Control.buf = cbuf.bytes;
    m.Control.len = 0;
    struct s4j_record rec;
    int32_t off = 0;
    int more;
    while ((more = s4j_record_next(control, control_len, &off, &rec)) == 1) {
        int32_t r = encode(&m.Control, sizeof cbuf.bytes, rec.kind, rec.level, rec.type, rec.data, rec.length);
        if (r < 0) return r;
    }
    if (more < 0) return s4j_error(S4J_EINVAL, WSAEINVAL);
    if (m.Control.len == 0) m.Control.buf = NULL;
    DWORD sent = 0;
    if (WSASendMsg(s4j_socket(h), &m, (DWORD)flags, &sent, NULL, NULL) == SOCKET_ERROR) return s4j_last_error();
    return (int32_t)sent;
}

static int32_t int_of(const unsigned char *data, int32_t len) {
    if (len == 1) return *data;
    int32_t v = 0;
    memcpy(&v, data, len < (int32_t)sizeof v ? (size_t)len : sizeof v);
    return v;
}

/* One cmsg, its len bytes of data checked to lie inside the block -> one record; 0 when it does not fit. */
static int decode(const WSACMSGHDR *c, int32_t len, unsigned char *out, int32_t room, int32_t *used) {
    int level = c->cmsg_level, type = c->cmsg_type;
    const unsigned char *data = (const unsigned char *)WSA_CMSG_DATA(c);
    if (level == IPPROTO_IP && type == IP_PKTINFO && len >= (int32_t)sizeof(IN_PKTINFO)) {
        IN_PKTINFO pi;
        memcpy(&pi, data, sizeof pi);
        unsigned char v[12] = {0};
        uint32_t ifindex = pi.ipi_ifindex;
        memcpy(v, &ifindex, 4);
        memcpy(v + 4, &pi.ipi_addr, 4); /* no spec_dst on Windows: local stays zero */
        return s4j_record_put(out, room, used, S4J_CMSG_IP_PKTINFO, level, type, v, sizeof v);
    }
    if (level == IPPROTO_IP && (type == IP_TTL || type == IP_TOS)) {
        int32_t v = int_of(data, len);
        return s4j_record_put(out, room, used, type == IP_TTL ? S4J_CMSG_IP_TTL : S4J_CMSG_IP_TOS, level, type, &v, 4);
    }
    if (level == IPPROTO_IPV6 && type == IPV6_PKTINFO && len >= (int32_t)sizeof(IN6_PKTINFO)) {
        IN6_PKTINFO pi;
        memcpy(&pi, data, sizeof pi);
        unsigned char v[20];
        uint32_t ifindex = pi.ipi6_ifindex;
        memcpy(v, &ifindex, 4);
        memcpy(v + 4, &pi.ipi6_addr, 16);
        return s4j_record_put(out, room, used, S4J_CMSG_IPV6_PKTINFO, level, type, v, sizeof v);
    }
    if (level == IPPROTO_IPV6 && (type == IPV6_HOPLIMIT || type == IPV6_TCLASS)) {
        int32_t v = int_of(data, len);
        return s4j_record_put(out, room, used, type == IPV6_HOPLIMIT ? S4J_CMSG_IPV6_HOPLIMIT : S4J_CMSG_IPV6_TCLASS,
                          level, type, &v, 4);
    }
    return s4j_record_put(out, room, used, S4J_CMSG_RAW, level, type, data, len);
}

/*
 * Each header is checked here rather than trusted to WSA_CMSG_NXTHDR: it is used
 * only when WSA_CMSG_LEN(0) <= cmsg_len <= the bytes that remain, else the walk
 * stops with CTRUNC, so a malformed header cannot move a read or a write outside
 * the block or the records.
 */
int32_t s4j_control_to_records(const void *block, size_t block_len, void *out, int32_t room, int32_t *used) {
    const unsigned char *bytes = block;
    size_t off = 0;
    while (block_len - off >= sizeof(WSACMSGHDR)) {
        const WSACMSGHDR *c = (const WSACMSGHDR *)(const void *)(bytes + off);
        size_t rest = block_len - off;
        size_t clen = c->cmsg_len;
        if (clen < WSA_CMSG_LEN(0) || clen > rest || clen - WSA_CMSG_LEN(0) > INT32_MAX) return S4J_MSG_OUT_CTRUNC;
        int32_t len = (int32_t)(clen - WSA_CMSG_LEN(0));
        if (!decode(c, len, out, room, used)) return S4J_MSG_OUT_CTRUNC;
        size_t step = WSA_CMSG_SPACE((size_t)len);
        if (step >= rest) break; /* the last header, its padding possibly cut off */
        off += step;
    }
    return 0;
}

int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags) {
    if (wsa_recvmsg == NULL) return s4j_unsupported();
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, WSAEINVAL);
    WSABUF bufs[S4J_IOV_MAX];
    for (int32_t i = 0; i < iovcnt; i++) {
        bufs[i].buf = iov[i].base;
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, WSAEINVAL); /* never a huge unsigned size */
        bufs[i].len = (ULONG)iov[i].length;
    }
    WSAMSG m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    memset(&sa, 0, sizeof sa);
    m.name = (LPSOCKADDR)sa.u.bytes;
    m.namelen = (INT)sizeof sa.u.bytes;
    m.lpBuffers = bufs;
    m.dwBufferCount = (ULONG)iovcnt;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM * 4];
    } cbuf;
    int32_t room = control_len != NULL ? *control_len : 0;
    if (room > 0) {
        size_t want = (size_t)room * 2;
        m.Control.buf = cbuf.bytes;
        m.Control.len = (ULONG)(want < sizeof cbuf.bytes ? want : sizeof cbuf.bytes);
    }
    m.dwFlags = (DWORD)flags;
    DWORD got = 0;
    int32_t out = 0;
    if (wsa_recvmsg(s4j_socket(h), &m, &got, NULL, NULL) == SOCKET_ERROR) {
        /* A datagram longer than the buffers: Winsock fills them and fails; POSIX returns what fitted. */
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_last_error();
        out |= S4J_MSG_OUT_TRUNC;
    }
    if (m.dwFlags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (m.dwFlags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
    int32_t used = 0;
    if (room > 0 && m.Control.len > 0) out |= s4j_control_to_records(m.Control.buf, m.Control.len, control, room, &used);
    if (control_len != NULL) *control_len = used;
    *out_flags = out;
    if (from != NULL) {
        sa.len = (uint32_t)m.namelen;
        int32_t r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return (int32_t)got;
}
