/* getsockopt/setsockopt on Winsock: the C types of options.h, field by field. */
#include "sockets4j/options.h"

#include <string.h>

#include "backend.h"

#include <ws2ipdef.h>

int32_t s4j_option_get_int(s4j_handle h, int level, int name, int32_t *value) {
    DWORD v = 0;
    int len = (int)sizeof v;
    if (getsockopt(s4j_socket(h), level, name, (char *)&v, &len) == SOCKET_ERROR) return s4j_last_error();
    /* BOOL options may answer with a single byte. */
    *value = len == 1 ? (int32_t) * (unsigned char *)&v : (int32_t)v;
    return 0;
}

int32_t s4j_option_set_int(s4j_handle h, int level, int name, int32_t value) {
    DWORD v = (DWORD)value;
    return setsockopt(s4j_socket(h), level, name, (const char *)&v, sizeof v) == SOCKET_ERROR ? s4j_last_error() : 0;
}

int32_t s4j_option_get_linger(s4j_handle h, int32_t *on, int32_t *seconds) {
    struct linger l; /* u_short fields on Windows */
    int len = (int)sizeof l;
    memset(&l, 0, sizeof l);
    if (getsockopt(s4j_socket(h), SOL_SOCKET, SO_LINGER, (char *)&l, &len) == SOCKET_ERROR) return s4j_last_error();
    *on = l.l_onoff != 0;
    *seconds = l.l_linger;
    return 0;
}

int32_t s4j_option_set_linger(s4j_handle h, int32_t on, int32_t seconds) {
    if (seconds < 0 || seconds > 0xffff) return s4j_error(S4J_EINVAL, WSAEINVAL);
    struct linger l;
    l.l_onoff = (u_short)(on != 0);
    l.l_linger = (u_short)seconds;
    return setsockopt(s4j_socket(h), SOL_SOCKET, SO_LINGER, (const char *)&l, sizeof l) == SOCKET_ERROR
               ? s4j_last_error()
               : 0;
}

/* Winsock's timeouts are DWORD milliseconds, 0 = none, as in Java's own API. */
int32_t s4j_option_get_timeout(s4j_handle h, int name, int64_t *millis) {
    DWORD ms = 0;
    int len = (int)sizeof ms;
    if (getsockopt(s4j_socket(h), SOL_SOCKET, name, (char *)&ms, &len) == SOCKET_ERROR) return s4j_last_error();
    *millis = ms;
    return 0;
}

int32_t s4j_option_set_timeout(s4j_handle h, int name, int64_t millis) {
    if (millis < 0 || millis > 0xffffffffLL) return s4j_error(S4J_EINVAL, WSAEINVAL);
    DWORD ms = (DWORD)millis;
    return setsockopt(s4j_socket(h), SOL_SOCKET, name, (const char *)&ms, sizeof ms) == SOCKET_ERROR
               ? s4j_last_error()
               : 0;
}

int32_t s4j_option_get_bytes(s4j_handle h, int level, int name, void *buf, int32_t *len) {
    int l = (int)*len;
    if (getsockopt(s4j_socket(h), level, name, buf, &l) == SOCKET_ERROR) return s4j_last_error();
    *len = l;
    return 0;
}

int32_t s4j_option_set_bytes(s4j_handle h, int level, int name, const void *buf, int32_t len) {
    return setsockopt(s4j_socket(h), level, name, buf, (int)len) == SOCKET_ERROR ? s4j_last_error() : 0;
}

/* Where Winsock takes an IPv4 interface address, an index may stand in as 0.0.0.index (network order). */
#if S4J_IPV4_JOIN_BY_INDEX != S4J_JOIN_BY_INDEX_MREQ
#error "S4J_IPV4_JOIN_BY_INDEX: Winsock joins by index through ip_mreq's 0.0.0.index (CMakeLists.txt)"
#endif
/* An index of 2^24 or more has no such address: it would name an unrelated IPv4 address, so no interface. */
static int32_t to_in_addr(const s4j_address *a, uint32_t ifindex, struct in_addr *out) {
    memset(out, 0, sizeof *out);
    if (ifindex > 0xffffffu) return s4j_error(S4J_ENODEV, WSAEADDRNOTAVAIL);
    if (ifindex != 0) {
        out->s_addr = htonl(ifindex);
    } else if (a != NULL && a->family == S4J_AF_INET) {
        memcpy(out, a->data, 4);
    }
    return 0;
}

int32_t s4j_option_get_multicast_if4(s4j_handle h, s4j_address *address) {
    struct in_addr in;
    int len = (int)sizeof in;
    memset(&in, 0, sizeof in);
    if (getsockopt(s4j_socket(h), IPPROTO_IP, IP_MULTICAST_IF, (char *)&in, &len) == SOCKET_ERROR) {
        return s4j_last_error();
    }
    memset(address, 0, sizeof *address);
    address->family = S4J_AF_INET;
    address->length = 4;
    memcpy(address->data, &in, 4);
    return 0;
}

int32_t s4j_option_set_multicast_if4(s4j_handle h, const s4j_address *address, uint32_t ifindex) {
    struct in_addr in;
    int32_t e = to_in_addr(address, ifindex, &in);
    if (e < 0) return e;
    return setsockopt(s4j_socket(h), IPPROTO_IP, IP_MULTICAST_IF, (const char *)&in, sizeof in) == SOCKET_ERROR
               ? s4j_last_error()
               : 0;
}

static int32_t to_storage(const s4j_address *a, SOCKADDR_STORAGE *out) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(a, &sa);
    if (r < 0) return r;
    memset(out, 0, sizeof *out);
    memcpy(out, sa.u.bytes, sa.len < sizeof *out ? sa.len : sizeof *out);
    return 0;
}

int32_t s4j_option_set_membership(s4j_handle h, int level, int name, int kind, const s4j_address *group,
                                  const s4j_address *source, const s4j_address *interface_address,
                                  uint32_t ifindex) {
    SOCKET s = s4j_socket(h);
    int r;
    switch (kind) {
    case S4J_MREQ: {
        struct ip_mreq m;
        to_in_addr(group, 0, &m.imr_multiaddr);
        int32_t e = to_in_addr(interface_address, ifindex, &m.imr_interface);
        if (e < 0) return e;
        r = setsockopt(s, level, name, (const char *)&m, sizeof m);
        break;
    }
    case S4J_MREQ_SOURCE: {
        struct ip_mreq_source m; /* Windows order {multiaddr, sourceaddr, interface}: by name only */
        to_in_addr(group, 0, &m.imr_multiaddr);
        to_in_addr(source, 0, &m.imr_sourceaddr);
        int32_t e = to_in_addr(interface_address, ifindex, &m.imr_interface);
        if (e < 0) return e;
        r = setsockopt(s, level, name, (const char *)&m, sizeof m);
        break;
    }
    case S4J_IPV6_MREQ: {
        struct ipv6_mreq m;
        memset(&m, 0, sizeof m);
        if (group->family != S4J_AF_INET6) return s4j_error(S4J_EINVAL, WSAEINVAL);
        memcpy(&m.ipv6mr_multiaddr, group->data, 16);
        m.ipv6mr_interface = ifindex;
        r = setsockopt(s, level, name, (const char *)&m, sizeof m);
        break;
    }
    case S4J_GROUP_REQ: {
        struct group_req g;
        memset(&g, 0, sizeof g);
        g.gr_interface = ifindex;
        int32_t e = to_storage(group, &g.gr_group);
        if (e < 0) return e;
        r = setsockopt(s, level, name, (const char *)&g, sizeof g);
        break;
    }
    case S4J_GROUP_SOURCE_REQ: {
        struct group_source_req g;
        memset(&g, 0, sizeof g);
        g.gsr_interface = ifindex;
        int32_t e = to_storage(group, &g.gsr_group);
        if (e == 0) e = to_storage(source, &g.gsr_source);
        if (e < 0) return e;
        r = setsockopt(s, level, name, (const char *)&g, sizeof g);
        break;
    }
    default: return s4j_error(S4J_EINVAL, WSAEINVAL);
    }
    return r == SOCKET_ERROR ? s4j_last_error() : 0;
}

int32_t s4j_option_get_sockaddr(s4j_handle h, int level, int name, s4j_address *address) {
    s4j_sockaddr sa;
    int len = (int)sizeof sa.u.bytes;
    memset(&sa, 0, sizeof sa);
    if (getsockopt(s4j_socket(h), level, name, (char *)sa.u.bytes, &len) == SOCKET_ERROR) return s4j_last_error();
    sa.len = (uint32_t)len;
    return s4j_address_from_sockaddr(&sa, address);
}

int32_t s4j_option_set_sockaddr(s4j_handle h, int level, int name, const s4j_address *address) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(address, &sa);
    if (r < 0) return r;
    return setsockopt(s4j_socket(h), level, name, (const char *)sa.u.bytes, (int)sa.len) == SOCKET_ERROR
               ? s4j_last_error()
               : 0;
}

int32_t s4j_option_get_pktinfo6(s4j_handle h, int name, s4j_address *source, uint32_t *ifindex) {
    IN6_PKTINFO pi;
    int len = (int)sizeof pi;
    memset(&pi, 0, sizeof pi);
    if (getsockopt(s4j_socket(h), IPPROTO_IPV6, name, (char *)&pi, &len) == SOCKET_ERROR) return s4j_last_error();
    memset(source, 0, sizeof *source);
    source->family = S4J_AF_INET6;
    source->length = 16;
    memcpy(source->data, &pi.ipi6_addr, 16);
    *ifindex = (uint32_t)pi.ipi6_ifindex;
    return 0;
}

int32_t s4j_option_set_pktinfo6(s4j_handle h, int name, const s4j_address *source, uint32_t ifindex) {
    IN6_PKTINFO pi;
    memset(&pi, 0, sizeof pi);
    if (source->family != S4J_AF_INET6) return s4j_error(S4J_EINVAL, WSAEINVAL);
    memcpy(&pi.ipi6_addr, source->data, 16);
    pi.ipi6_ifindex = ifindex;
    return setsockopt(s4j_socket(h), IPPROTO_IPV6, name, (const char *)&pi, sizeof pi) == SOCKET_ERROR
               ? s4j_last_error()
               : 0;
}

int32_t s4j_option_get_mtuinfo(s4j_handle h, int name, int32_t *mtu) {
    (void)h, (void)name, (void)mtu;
    return s4j_error(S4J_ENOPROTOOPT, WSAENOPROTOOPT); /* Winsock has IPV6_MTU instead: no ip6_mtuinfo */
}
