/* message.h's records <-> the OS's control messages, through the names of the backend's platform_net.h. */
#include "cmsg.h"

#include <string.h>

#include "platform_net.h"
#include "records.h"
#include "sockets4j/errors.h"
#include "sockets4j/message.h"

/* Appends one control message at *used: 1; 0 when there is no room. */
static int append(unsigned char *block, size_t room, size_t *used, int level, int type, const void *data,
                  size_t len) {
    size_t at = *used;
    if (at > room || len > room || S4J_CMSG_SPACE(len) > room - at) return 0;
    s4j_cmsghdr *c = (s4j_cmsghdr *)(void *)(block + at);
    memset(c, 0, S4J_CMSG_SPACE(len));
    c->cmsg_level = level;
    c->cmsg_type = type;
    c->cmsg_len = S4J_CMSG_LEN(len);
    memcpy(S4J_CMSG_DATA(c), data, len);
    *used = at + S4J_CMSG_SPACE(len);
    return 1;
}

/* A known kind's data as its struct: 1; 0 when the record is too short for it. */
static int data_of(const struct s4j_record *r, void *rec, size_t size) {
    if (r->length < (int32_t)size) return 0;
    memcpy(rec, r->data, size);
    return 1;
}

/* One record -> one control message; 0 or a negative s4j_error. */
static int32_t encode(unsigned char *block, size_t room, size_t *used, const struct s4j_record *r) {
    union {
#ifdef S4J_IN_PKTINFO_SOURCE
        s4j_in_pktinfo ip;
#endif
        s4j_in6_pktinfo ip6;
        int i;
    } os;
    memset(&os, 0, sizeof os);
    int level, type;
    size_t size;
    switch (r->kind) {
#ifdef S4J_IN_PKTINFO_SOURCE
    case S4J_CMSG_IP_PKTINFO: {
        s4j_cmsg_ip_pktinfo rec;
        if (!data_of(r, &rec, sizeof rec)) return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
        os.ip.ipi_ifindex = rec.ifindex;
        memcpy(&os.ip.S4J_IN_PKTINFO_SOURCE, rec.local, 4); /* the source to send from */
        level = IPPROTO_IP, type = IP_PKTINFO, size = sizeof os.ip;
        break;
    }
#endif
#ifdef S4J_CMSG_SENDS_HOPS_AND_CLASSES
    case S4J_CMSG_IP_TTL:
    case S4J_CMSG_IP_TOS:
    case S4J_CMSG_IPV6_HOPLIMIT:
    case S4J_CMSG_IPV6_TCLASS: {
        s4j_cmsg_int rec;
        if (!data_of(r, &rec, sizeof rec)) return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
        os.i = rec.value;
        level = r->kind <= S4J_CMSG_IP_TOS ? IPPROTO_IP : IPPROTO_IPV6;
        type = r->kind == S4J_CMSG_IP_TTL ? IP_TTL
             : r->kind == S4J_CMSG_IP_TOS ? IP_TOS
#ifdef IPV6_HOPLIMIT
             : r->kind == S4J_CMSG_IPV6_HOPLIMIT ? IPV6_HOPLIMIT
#endif
                                                 : IPV6_TCLASS;
        size = sizeof os.i;
        break;
    }
#endif
    case S4J_CMSG_IPV6_PKTINFO: {
        s4j_cmsg_ipv6_pktinfo rec;
        if (!data_of(r, &rec, sizeof rec)) return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
        os.ip6.ipi6_ifindex = rec.ifindex;
        memcpy(&os.ip6.ipi6_addr, rec.address, 16);
        level = IPPROTO_IPV6, type = IPV6_PKTINFO, size = sizeof os.ip6;
        break;
    }
    case S4J_CMSG_RAW:
        return append(block, room, used, r->level, r->type, r->data, (size_t)r->length)
                   ? 0
                   : s4j_error(S4J_ENOBUFS, S4J_NATIVE_ERROR(ENOBUFS));
    default: return s4j_unsupported();
    }
    return append(block, room, used, level, type, &os, size) ? 0 : s4j_error(S4J_ENOBUFS, S4J_NATIVE_ERROR(ENOBUFS));
}

int32_t s4j_records_to_control(const void *control, int32_t control_len, void *block, size_t room,
                               size_t *block_len) {
    struct s4j_record rec;
    int32_t off = 0;
    int more;
    *block_len = 0;
    while ((more = s4j_record_next(control, control_len, &off, &rec)) == 1) {
        int32_t r = encode(block, room, block_len, &rec);
        if (r < 0) return r;
    }
    return more < 0 ? s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL)) : 0;
}

/* A TTL, TOS, hop limit or traffic class: a u_char on some stacks (IP_TOS, BSD's IP_RECVTTL), else an int. */
static int32_t int_of(const unsigned char *data, int32_t len) {
    if (len == 1) return *data;
    int32_t v = 0;
    memcpy(&v, data, len < (int32_t)sizeof v ? (size_t)len : sizeof v);
    return v;
}

static int put_int(unsigned char *out, int32_t room, int32_t *used, int32_t kind, int level, int type,
                   const unsigned char *data, int32_t len) {
    s4j_cmsg_int v = {int_of(data, len)};
    return s4j_record_put(out, room, used, kind, level, type, &v, sizeof v);
}

/* One control message, its len bytes of data checked to lie inside the block -> one record; 0 when it does not fit. */
static int decode(const s4j_cmsghdr *c, int32_t len, unsigned char *out, int32_t room, int32_t *used) {
    int level = c->cmsg_level, type = c->cmsg_type;
    const unsigned char *data = S4J_CMSG_DATA(c);
    if (level == IPPROTO_IP) {
#ifdef S4J_IN_PKTINFO_SOURCE
        if (type == IP_PKTINFO && len >= (int32_t)sizeof(s4j_in_pktinfo)) {
            s4j_in_pktinfo pi;
            memcpy(&pi, data, sizeof pi);
            s4j_cmsg_ip_pktinfo v;
            memset(&v, 0, sizeof v);
            v.ifindex = (uint32_t)pi.ipi_ifindex;
            memcpy(v.destination, &pi.ipi_addr, 4);
#ifdef S4J_IN_PKTINFO_LOCAL
            memcpy(v.local, &pi.S4J_IN_PKTINFO_LOCAL, 4);
#endif
            return s4j_record_put(out, room, used, S4J_CMSG_IP_PKTINFO, level, type, &v, sizeof v);
        }
#endif
#ifdef S4J_CMSG_RECVDSTADDR
        if (type == S4J_CMSG_RECVDSTADDR && len >= 4) { /* the destination alone */
            s4j_cmsg_ip_pktinfo v;
            memset(&v, 0, sizeof v);
            memcpy(v.destination, data, 4);
            return s4j_record_put(out, room, used, S4J_CMSG_IP_PKTINFO, level, type, &v, sizeof v);
        }
#endif
#ifdef S4J_CMSG_RECVTTL
        if (type == S4J_CMSG_RECVTTL) return put_int(out, room, used, S4J_CMSG_IP_TTL, level, type, data, len);
#endif
        if (type == IP_TTL) return put_int(out, room, used, S4J_CMSG_IP_TTL, level, type, data, len);
        if (type == IP_TOS) return put_int(out, room, used, S4J_CMSG_IP_TOS, level, type, data, len);
#ifdef S4J_CMSG_RECVTOS
        if (type == S4J_CMSG_RECVTOS) return put_int(out, room, used, S4J_CMSG_IP_TOS, level, type, data, len);
#endif
    } else if (level == IPPROTO_IPV6) {
        if (type == IPV6_PKTINFO && len >= (int32_t)sizeof(s4j_in6_pktinfo)) {
            s4j_in6_pktinfo pi;
            memcpy(&pi, data, sizeof pi);
            s4j_cmsg_ipv6_pktinfo v;
            v.ifindex = (uint32_t)pi.ipi6_ifindex;
            memcpy(v.address, &pi.ipi6_addr, 16);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_PKTINFO, level, type, &v, sizeof v);
        }
#ifdef IPV6_HOPLIMIT
        if (type == IPV6_HOPLIMIT) return put_int(out, room, used, S4J_CMSG_IPV6_HOPLIMIT, level, type, data, len);
#endif
#ifdef IPV6_TCLASS
        if (type == IPV6_TCLASS) return put_int(out, room, used, S4J_CMSG_IPV6_TCLASS, level, type, data, len);
#endif
#if defined(IPV6_PATHMTU) && defined(S4J_HAVE_IP6_MTUINFO)
        if (type == IPV6_PATHMTU && len >= (int32_t)sizeof(struct ip6_mtuinfo)) {
            struct ip6_mtuinfo info;
            memcpy(&info, data, sizeof info);
            s4j_cmsg_ipv6_pathmtu v;
            v.mtu = info.ip6m_mtu;
            s4j_sockaddr sa;
            memset(&sa, 0, sizeof sa);
            memcpy(sa.u.bytes, &info.ip6m_addr, sizeof info.ip6m_addr);
            sa.len = sizeof info.ip6m_addr;
            if (s4j_address_from_sockaddr(&sa, &v.destination) != 0) memset(&v.destination, 0, sizeof v.destination);
            return s4j_record_put(out, room, used, S4J_CMSG_IPV6_PATHMTU, level, type, &v, sizeof v);
        }
#endif
    }
    return s4j_record_put(out, room, used, S4J_CMSG_RAW, level, type, data, len);
}

/*
 * The walk checks each header itself instead of trusting CMSG_NXTHDR (glibc's does
 * not check cmsg_len against the block): a header is used only when
 * CMSG_LEN(0) <= cmsg_len <= the bytes that remain, otherwise the walk stops with
 * CTRUNC, so a malformed header cannot move a read or a write outside the block or
 * the records. A kernel never writes such a header; the decoder does not rely on it.
 */
int32_t s4j_control_to_records(const void *block, size_t block_len, void *out, int32_t room, int32_t *used) {
    const unsigned char *bytes = block;
    int32_t flags = 0;
    size_t off = 0;
    while (block_len - off >= sizeof(s4j_cmsghdr)) {
        const s4j_cmsghdr *c = (const s4j_cmsghdr *)(const void *)(bytes + off);
        size_t rest = block_len - off;
        size_t clen = c->cmsg_len;
        if (clen < S4J_CMSG_LEN(0) || clen > rest || clen - S4J_CMSG_LEN(0) > INT32_MAX) return S4J_MSG_OUT_CTRUNC;
        int32_t len = (int32_t)(clen - S4J_CMSG_LEN(0));
        if (s4j_control_release(c->cmsg_level, c->cmsg_type, S4J_CMSG_DATA(c), len)) {
            /* released: no record */
        } else if (flags == 0 && !decode(c, len, out, room, used)) {
            flags = S4J_MSG_OUT_CTRUNC; /* no room: keep walking only to release what is held open */
        }
        size_t step = S4J_CMSG_SPACE((size_t)len);
        if (step >= rest) break; /* the last header, its padding possibly cut off */
        off += step;
    }
    return flags;
}
