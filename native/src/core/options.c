/*
 * The C types of options.h, field by field, once for every backend: each value
 * crosses the backend's get/set-as-bytes primitives (s4j_option_get_bytes,
 * s4j_option_set_bytes) in the OS's own struct, named by its platform_net.h
 * (Winsock's DWORD milliseconds and u_short linger, macOS's SO_LINGER_SEC) and
 * by the build's feature macros (S4J_IPV4_JOIN_BY_INDEX, S4J_HAVE_IP_MREQN).
 */
#include "sockets4j/options.h"

#include <string.h>

#include "platform_net.h"
#include "sockets4j/errors.h"

static int32_t get(s4j_handle h, int level, int name, void *value, int32_t size) {
    int32_t len = size;
    return s4j_option_get_bytes(h, level, name, value, &len);
}

static int32_t invalid(void) { return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL)); }

int32_t s4j_option_get_int(s4j_handle h, int level, int name, int32_t *value) {
    int32_t v = 0, len = (int32_t)sizeof v;
    int32_t r = s4j_option_get_bytes(h, level, name, &v, &len);
    if (r < 0) return r;
    /* A few options answer with one byte (IP_MULTICAST_TTL/LOOP on some stacks, Winsock's BOOLs). */
    *value = len == 1 ? (int32_t) * (unsigned char *)&v : v;
    return 0;
}

int32_t s4j_option_set_int(s4j_handle h, int level, int name, int32_t value) {
    return s4j_option_set_bytes(h, level, name, &value, (int32_t)sizeof value);
}

int32_t s4j_option_get_linger(s4j_handle h, int32_t *on, int32_t *seconds) {
    struct linger l;
    memset(&l, 0, sizeof l);
    int32_t r = get(h, SOL_SOCKET, S4J_SO_LINGER, &l, (int32_t)sizeof l);
    if (r < 0) return r;
    *on = l.l_onoff != 0;
    *seconds = l.l_linger;
    return 0;
}

int32_t s4j_option_set_linger(s4j_handle h, int32_t on, int32_t seconds) {
    struct linger l;
    memset(&l, 0, sizeof l);
    l.l_onoff = on != 0;
    l.l_linger = seconds;
    if (l.l_linger != seconds) return invalid(); /* narrower than an int (Winsock's u_short): refused, not cut */
    return s4j_option_set_bytes(h, SOL_SOCKET, S4J_SO_LINGER, &l, (int32_t)sizeof l);
}

int32_t s4j_option_get_timeout(s4j_handle h, int name, int64_t *millis) {
#ifdef S4J_TIMEOUT_IN_MILLIS
    uint32_t ms = 0;
    int32_t r = get(h, SOL_SOCKET, name, &ms, (int32_t)sizeof ms);
    if (r < 0) return r;
    *millis = ms;
#else
    struct timeval tv;
    memset(&tv, 0, sizeof tv);
    int32_t r = get(h, SOL_SOCKET, name, &tv, (int32_t)sizeof tv);
    if (r < 0) return r;
    *millis = (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
#endif
    return 0;
}

int32_t s4j_option_set_timeout(s4j_handle h, int name, int64_t millis) {
#ifdef S4J_TIMEOUT_IN_MILLIS
    if (millis < 0 || millis > 0xffffffffLL) return invalid();
    uint32_t ms = (uint32_t)millis;
    return s4j_option_set_bytes(h, SOL_SOCKET, name, &ms, (int32_t)sizeof ms);
#else
    struct timeval tv;
    memset(&tv, 0, sizeof tv);
    tv.tv_sec = (time_t)(millis / 1000);
    tv.tv_usec = (suseconds_t)((millis % 1000) * 1000);
    return s4j_option_set_bytes(h, SOL_SOCKET, name, &tv, (int32_t)sizeof tv);
#endif
}

/* An IPv4 address of the layout as an in_addr; anything else (AF_UNSPEC: any) as zero. */
static void in_addr_of(const s4j_address *a, struct in_addr *out) {
    memset(out, 0, sizeof *out);
    if (a != NULL && a->family == S4J_AF_INET) memcpy(out, a->data, 4);
}

/*
 * The interface of an IPv4 request that names it by in_addr: its address, or, where
 * the stack reads an index there (S4J_JOIN_BY_INDEX_MREQ: Winsock), 0.0.0.index.
 */
static int32_t interface_of(const s4j_address *a, uint32_t ifindex, struct in_addr *out) {
    in_addr_of(a, out);
#if S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_MREQ
    /* An index of 2^24 or more has no such address: it would name an unrelated IPv4 address, so no interface. */
    if (ifindex > 0xffffffu) {
        memset(out, 0, sizeof *out);
        return s4j_error(S4J_ENODEV, S4J_NATIVE_ERROR(EADDRNOTAVAIL));
    }
    if (ifindex != 0) out->s_addr = htonl(ifindex);
#else
    (void)ifindex;
#endif
    return 0;
}

/* An IP address with no port, scope or flow, in the layout. */
static void address_of(int family, const void *bytes, uint16_t length, s4j_address *out) {
    memset(out, 0, sizeof *out);
    out->family = (uint8_t)family;
    out->length = length;
    memcpy(out->data, bytes, length);
}

int32_t s4j_option_get_multicast_if4(s4j_handle h, s4j_address *address) {
    struct in_addr in;
    memset(&in, 0, sizeof in);
    int32_t r = get(h, IPPROTO_IP, IP_MULTICAST_IF, &in, (int32_t)sizeof in);
    if (r < 0) return r;
    address_of(S4J_AF_INET, &in, 4, address);
    return 0;
}

int32_t s4j_option_set_multicast_if4(s4j_handle h, const s4j_address *address, uint32_t ifindex) {
#ifdef S4J_HAVE_IP_MREQN
    if (ifindex != 0) {
        struct ip_mreqn m;
        memset(&m, 0, sizeof m);
        m.imr_ifindex = (int)ifindex;
        in_addr_of(address, &m.imr_address);
        return s4j_option_set_bytes(h, IPPROTO_IP, IP_MULTICAST_IF, &m, (int32_t)sizeof m);
    }
#endif
#if S4J_IPV4_JOIN_BY_INDEX != S4J_JOIN_BY_INDEX_MREQ
    if (ifindex != 0 && (address == NULL || address->family != S4J_AF_INET)) {
        return s4j_unsupported(); /* no ip_mreqn here: the interface must be named by address */
    }
#endif
    struct in_addr in;
    int32_t e = interface_of(address, ifindex, &in);
    if (e < 0) return e;
    return s4j_option_set_bytes(h, IPPROTO_IP, IP_MULTICAST_IF, &in, (int32_t)sizeof in);
}

static int32_t to_storage(const s4j_address *a, struct sockaddr_storage *out) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(a, &sa);
    if (r < 0) return r;
    memset(out, 0, sizeof *out);
    memcpy(out, sa.u.bytes, sa.len < sizeof *out ? sa.len : sizeof *out);
    return 0;
}

#if S4J_IPV4_JOIN_BY_INDEX != S4J_JOIN_BY_INDEX_MREQ
/* IP_ADD/DROP_MEMBERSHIP with an interface index, the way S4J_IPV4_JOIN_BY_INDEX says this kernel reads one. */
static int32_t join_by_index(s4j_handle h, int level, int name, const s4j_address *group,
                             const s4j_address *interface_address, uint32_t ifindex) {
#if S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_MREQN
    struct ip_mreqn m;
    memset(&m, 0, sizeof m);
    in_addr_of(group, &m.imr_multiaddr);
    in_addr_of(interface_address, &m.imr_address);
    m.imr_ifindex = (int)ifindex;
    return s4j_option_set_bytes(h, level, name, &m, (int32_t)sizeof m);
#elif S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_GROUP_REQ
    /* The index names the interface, as in ip_mreqn where both are given; the address has no place here. */
    (void)interface_address;
    int mcast_name = name == IP_ADD_MEMBERSHIP ? MCAST_JOIN_GROUP : name == IP_DROP_MEMBERSHIP ? MCAST_LEAVE_GROUP : -1;
    if (mcast_name == -1) return s4j_error(S4J_EINVAL, 0);
    struct group_req g;
    memset(&g, 0, sizeof g);
    g.gr_interface = ifindex;
    int32_t e = to_storage(group, &g.gr_group);
    if (e < 0) return e;
    return s4j_option_set_bytes(h, level, mcast_name, &g, (int32_t)sizeof g);
#elif S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_NONE
    (void)h, (void)level, (void)name, (void)group, (void)interface_address, (void)ifindex;
    return s4j_unsupported();
#else
#error "S4J_IPV4_JOIN_BY_INDEX: one of MREQN, GROUP_REQ, MREQ and NONE (sockets4j/options.h)"
#endif
}
#endif

int32_t s4j_option_set_membership(s4j_handle h, int level, int name, int kind, const s4j_address *group,
                                  const s4j_address *source, const s4j_address *interface_address,
                                  uint32_t ifindex) {
    union {
        struct ip_mreq mreq;
        struct ip_mreq_source mreq_source; /* field order differs between Linux and the BSDs/Windows: by name only */
        struct ipv6_mreq ipv6_mreq;
        struct group_req group;
        struct group_source_req group_source;
    } u;
    memset(&u, 0, sizeof u);
    size_t size;
    int32_t e = 0;
    switch (kind) {
    case S4J_MREQ:
#if S4J_IPV4_JOIN_BY_INDEX != S4J_JOIN_BY_INDEX_MREQ
        if (ifindex != 0) return join_by_index(h, level, name, group, interface_address, ifindex);
#endif
        in_addr_of(group, &u.mreq.imr_multiaddr);
        e = interface_of(interface_address, ifindex, &u.mreq.imr_interface);
        size = sizeof u.mreq;
        break;
    case S4J_MREQ_SOURCE:
        in_addr_of(group, &u.mreq_source.imr_multiaddr);
        in_addr_of(source, &u.mreq_source.imr_sourceaddr);
        e = interface_of(interface_address, ifindex, &u.mreq_source.imr_interface);
        size = sizeof u.mreq_source;
        break;
    case S4J_IPV6_MREQ:
        if (group->family != S4J_AF_INET6) return invalid();
        memcpy(&u.ipv6_mreq.ipv6mr_multiaddr, group->data, 16);
        u.ipv6_mreq.ipv6mr_interface = ifindex;
        size = sizeof u.ipv6_mreq;
        break;
    case S4J_GROUP_REQ:
        u.group.gr_interface = ifindex;
        e = to_storage(group, &u.group.gr_group);
        size = sizeof u.group;
        break;
    case S4J_GROUP_SOURCE_REQ:
        u.group_source.gsr_interface = ifindex;
        e = to_storage(group, &u.group_source.gsr_group);
        if (e == 0) e = to_storage(source, &u.group_source.gsr_source);
        size = sizeof u.group_source;
        break;
    default: return invalid();
    }
    if (e < 0) return e;
    return s4j_option_set_bytes(h, level, name, &u, (int32_t)size);
}

int32_t s4j_option_get_sockaddr(s4j_handle h, int level, int name, s4j_address *address) {
    s4j_sockaddr sa;
    memset(&sa, 0, sizeof sa);
    int32_t len = (int32_t)sizeof sa.u.bytes;
    int32_t r = s4j_option_get_bytes(h, level, name, sa.u.bytes, &len);
    if (r < 0) return r;
    sa.len = (uint32_t)len;
    return s4j_address_from_sockaddr(&sa, address);
}

int32_t s4j_option_set_sockaddr(s4j_handle h, int level, int name, const s4j_address *address) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(address, &sa);
    if (r < 0) return r;
    return s4j_option_set_bytes(h, level, name, sa.u.bytes, (int32_t)sa.len);
}

int32_t s4j_option_get_pktinfo6(s4j_handle h, int name, s4j_address *source, uint32_t *ifindex) {
    s4j_in6_pktinfo pi;
    memset(&pi, 0, sizeof pi);
    int32_t r = get(h, IPPROTO_IPV6, name, &pi, (int32_t)sizeof pi);
    if (r < 0) return r;
    address_of(S4J_AF_INET6, &pi.ipi6_addr, 16, source);
    *ifindex = (uint32_t)pi.ipi6_ifindex;
    return 0;
}

int32_t s4j_option_set_pktinfo6(s4j_handle h, int name, const s4j_address *source, uint32_t ifindex) {
    s4j_in6_pktinfo pi;
    memset(&pi, 0, sizeof pi);
    if (source->family != S4J_AF_INET6) return invalid();
    memcpy(&pi.ipi6_addr, source->data, 16);
    pi.ipi6_ifindex = ifindex;
    return s4j_option_set_bytes(h, IPPROTO_IPV6, name, &pi, (int32_t)sizeof pi);
}

int32_t s4j_option_get_mtuinfo(s4j_handle h, int name, int32_t *mtu) {
#ifdef S4J_HAVE_IP6_MTUINFO
    struct ip6_mtuinfo info;
    memset(&info, 0, sizeof info);
    int32_t r = get(h, IPPROTO_IPV6, name, &info, (int32_t)sizeof info);
    if (r < 0) return r;
    *mtu = (int32_t)info.ip6m_mtu;
    return 0;
#else
    (void)h, (void)name, (void)mtu;
    return s4j_error(S4J_ENOPROTOOPT, S4J_NATIVE_ERROR(ENOPROTOOPT));
#endif
}
