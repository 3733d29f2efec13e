/* getsockopt/setsockopt on POSIX systems: the C types of options.h, field by field. */
#include "sockets4j/options.h"

#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "platform_sockaddr.h"
#include "posix.h"

int32_t s4j_option_get_int(s4j_handle h, int level, int name, int32_t *value) {
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(s4j_fd(h), level, name, &v, &len) == -1) return s4j_last_error();
    /* A few options (IP_MULTICAST_TTL/LOOP on some stacks) answer with one byte. */
    *value = len == 1 ? (int32_t) * (unsigned char *)&v : v;
    return 0;
}

int32_t s4j_option_set_int(s4j_handle h, int level, int name, int32_t value) {
    int v = value;
    return setsockopt(s4j_fd(h), level, name, &v, sizeof v) == -1 ? s4j_last_error() : 0;
}

/* macOS counts SO_LINGER in clock ticks; SO_LINGER_SEC is the seconds one. */
#ifdef SO_LINGER_SEC
#define S4J_SO_LINGER SO_LINGER_SEC
#else
#define S4J_SO_LINGER SO_LINGER
#endif

int32_t s4j_option_get_linger(s4j_handle h, int32_t *on, int32_t *seconds) {
    struct linger l;
    socklen_t len = sizeof l;
    memset(&l, 0, sizeof l);
    if (getsockopt(s4j_fd(h), SOL_SOCKET, S4J_SO_LINGER, &l, &len) == -1) return s4j_last_error();
    *on = l.l_onoff != 0;
    *seconds = l.l_linger;
    return 0;
}

int32_t s4j_option_set_linger(s4j_handle h, int32_t on, int32_t seconds) {
    struct linger l;
    memset(&l, 0, sizeof l);
    l.l_onoff = on != 0;
    l.l_linger = seconds;
    return setsockopt(s4j_fd(h), SOL_SOCKET, S4J_SO_LINGER, &l, sizeof l) == -1 ? s4j_last_error() : 0;
}

int32_t s4j_option_get_timeout(s4j_handle h, int name, int64_t *millis) {
    struct timeval tv;
    socklen_t len = sizeof tv;
    memset(&tv, 0, sizeof tv);
    if (getsockopt(s4j_fd(h), SOL_SOCKET, name, &tv, &len) == -1) return s4j_last_error();
    *millis = (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
    return 0;
}

int32_t s4j_option_set_timeout(s4j_handle h, int name, int64_t millis) {
    struct timeval tv;
    memset(&tv, 0, sizeof tv);
    tv.tv_sec = (time_t)(millis / 1000);
    tv.tv_usec = (suseconds_t)((millis % 1000) * 1000);
    return setsockopt(s4j_fd(h), SOL_SOCKET, name, &tv, sizeof tv) == -1 ? s4j_last_error() : 0;
}

int32_t s4j_option_get_bytes(s4j_handle h, int level, int name, void *buf, int32_t *len) {
    socklen_t l = (socklen_t)*len;
    if (getsockopt(s4j_fd(h), level, name, buf, &l) == -1) return s4j_last_error();
    *len = (int32_t)l;
    return 0;
}

int32_t s4j_option_set_bytes(s4j_handle h, int level, int name, const void *buf, int32_t len) {
    return setsockopt(s4j_fd(h), level, name, buf, (socklen_t)len) == -1 ? s4j_last_error() : 0;
}

static void to_in_addr(const s4j_address *a, struct in_addr *out) {
    memset(out, 0, sizeof *out);
    if (a != NULL && a->family == S4J_AF_INET) memcpy(out, a->data, 4);
}

int32_t s4j_option_get_multicast_if4(s4j_handle h, s4j_address *address) {
    struct in_addr in;
    socklen_t len = sizeof in;
    memset(&in, 0, sizeof in);
    if (getsockopt(s4j_fd(h), IPPROTO_IP, IP_MULTICAST_IF, &in, &len) == -1) return s4j_last_error();
    memset(address, 0, sizeof *address);
    address->family = S4J_AF_INET;
    address->length = 4;
    memcpy(address->data, &in, 4);
    return 0;
}

int32_t s4j_option_set_multicast_if4(s4j_handle h, const s4j_address *address, uint32_t ifindex) {
#ifdef S4J_HAVE_IP_MREQN
    if (ifindex != 0) {
        struct ip_mreqn m;
        memset(&m, 0, sizeof m);
        m.imr_ifindex = (int)ifindex;
        to_in_addr(address, &m.imr_address);
        return setsockopt(s4j_fd(h), IPPROTO_IP, IP_MULTICAST_IF, &m, sizeof m) == -1 ? s4j_last_error() : 0;
    }
#endif
    if (ifindex != 0 && (address == NULL || address->family != S4J_AF_INET)) {
        return s4j_unsupported(); /* no ip_mreqn here: the interface must be named by address */
    }
    struct in_addr in;
    to_in_addr(address, &in);
    return setsockopt(s4j_fd(h), IPPROTO_IP, IP_MULTICAST_IF, &in, sizeof in) == -1 ? s4j_last_error() : 0;
}

static int32_t to_storage(const s4j_address *a, struct sockaddr_storage *out) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(a, &sa);
    if (r < 0) return r;
    memset(out, 0, sizeof *out);
    memcpy(out, sa.u.bytes, sa.len < sizeof *out ? sa.len : sizeof *out);
    return 0;
}

/* IP_ADD/DROP_MEMBERSHIP with an interface index, the way S4J_IPV4_JOIN_BY_INDEX says this kernel reads one. */
static int32_t join_by_index(int fd, int level, int name, const s4j_address *group,
                             const s4j_address *interface_address, uint32_t ifindex) {
#if S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_MREQN
    struct ip_mreqn m;
    memset(&m, 0, sizeof m);
    to_in_addr(group, &m.imr_multiaddr);
    to_in_addr(interface_address, &m.imr_address);
    m.imr_ifindex = (int)ifindex;
    return setsockopt(fd, level, name, &m, sizeof m) == -1 ? s4j_last_error() : 0;
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
    return setsockopt(fd, level, mcast_name, &g, sizeof g) == -1 ? s4j_last_error() : 0;
#elif S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_NONE
    (void)fd, (void)level, (void)name, (void)group, (void)interface_address, (void)ifindex;
    return s4j_unsupported();
#else
#error "S4J_IPV4_JOIN_BY_INDEX: the POSIX backend knows MREQN, GROUP_REQ and NONE"
#endif
}

int32_t s4j_option_set_membership(s4j_handle h, int level, int name, int kind, const s4j_address *group,
                                  const s4j_address *source, const s4j_address *interface_address,
                                  uint32_t ifindex) {
    int fd = s4j_fd(h);
    int r;
    switch (kind) {
    case S4J_MREQ: {
        if (ifindex != 0) return join_by_index(fd, level, name, group, interface_address, ifindex);
        struct ip_mreq m;
        memset(&m, 0, sizeof m);
        to_in_addr(group, &m.imr_multiaddr);
        to_in_addr(interface_address, &m.imr_interface);
        r = setsockopt(fd, level, name, &m, sizeof m);
        break;
    }
    case S4J_MREQ_SOURCE: {
        /* Field order differs between Linux and the BSDs/Windows: by name only. */
        struct ip_mreq_source m;
        memset(&m, 0, sizeof m);
        to_in_addr(group, &m.imr_multiaddr);
        to_in_addr(source, &m.imr_sourceaddr);
        to_in_addr(interface_address, &m.imr_interface);
        r = setsockopt(fd, level, name, &m, sizeof m);
        break;
    }
    case S4J_IPV6_MREQ: {
        struct ipv6_mreq m;
        memset(&m, 0, sizeof m);
        if (group->family != S4J_AF_INET6) return s4j_error(S4J_EINVAL, 0);
        memcpy(&m.ipv6mr_multiaddr, group->data, 16);
        m.ipv6mr_interface = ifindex;
        r = setsockopt(fd, level, name, &m, sizeof m);
        break;
    }
    case S4J_GROUP_REQ: {
        struct group_req g;
        memset(&g, 0, sizeof g);
        g.gr_interface = ifindex;
        int32_t e = to_storage(group, &g.gr_group);
        if (e < 0) return e;
        r = setsockopt(fd, level, name, &g, sizeof g);
        break;
    }
    case S4J_GROUP_SOURCE_REQ: {
        struct group_source_req g;
        memset(&g, 0, sizeof g);
        g.gsr_interface = ifindex;
        int32_t e = to_storage(group, &g.gsr_group);
        if (e == 0) e = to_storage(source, &g.gsr_source);
        if (e < 0) return e;
        r = setsockopt(fd, level, name, &g, sizeof g);
        break;
    }
    default: return s4j_error(S4J_EINVAL, 0);
    }
    return r == -1 ? s4j_last_error() : 0;
}

int32_t s4j_option_get_sockaddr(s4j_handle h, int level, int name, s4j_address *address) {
    s4j_sockaddr sa;
    socklen_t len = sizeof sa.u.bytes;
    memset(&sa, 0, sizeof sa);
    if (getsockopt(s4j_fd(h), level, name, sa.u.bytes, &len) == -1) return s4j_last_error();
    sa.len = len;
    return s4j_address_from_sockaddr(&sa, address);
}

int32_t s4j_option_set_sockaddr(s4j_handle h, int level, int name, const s4j_address *address) {
    s4j_sockaddr sa;
    int32_t r = s4j_address_to_sockaddr(address, &sa);
    if (r < 0) return r;
    return setsockopt(s4j_fd(h), level, name, sa.u.bytes, (socklen_t)sa.len) == -1 ? s4j_last_error() : 0;
}

int32_t s4j_option_get_pktinfo6(s4j_handle h, int name, s4j_address *source, uint32_t *ifindex) {
    struct in6_pktinfo pi;
    socklen_t len = sizeof pi;
    memset(&pi, 0, sizeof pi);
    if (getsockopt(s4j_fd(h), IPPROTO_IPV6, name, &pi, &len) == -1) return s4j_last_error();
    memset(source, 0, sizeof *source);
    source->family = S4J_AF_INET6;
    source->length = 16;
    memcpy(source->data, &pi.ipi6_addr, 16);
    *ifindex = (uint32_t)pi.ipi6_ifindex;
    return 0;
}

int32_t s4j_option_set_pktinfo6(s4j_handle h, int name, const s4j_address *source, uint32_t ifindex) {
    struct in6_pktinfo pi;
    memset(&pi, 0, sizeof pi);
    if (source->family != S4J_AF_INET6) return s4j_error(S4J_EINVAL, 0);
    memcpy(&pi.ipi6_addr, source->data, 16);
    pi.ipi6_ifindex = ifindex;
    return setsockopt(s4j_fd(h), IPPROTO_IPV6, name, &pi, sizeof pi) == -1 ? s4j_last_error() : 0;
}

int32_t s4j_option_get_mtuinfo(s4j_handle h, int name, int32_t *mtu) {
    struct ip6_mtuinfo info;
    socklen_t len = sizeof info;
    memset(&info, 0, sizeof info);
    if (getsockopt(s4j_fd(h), IPPROTO_IPV6, name, &info, &len) == -1) return s4j_last_error();
    *mtu = (int32_t)info.ip6m_mtu;
    return 0;
}
