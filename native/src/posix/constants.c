/*
 * The constants table of the POSIX backends. Each row exists only where the
 * platform's headers define the name, so an absent row is an honest "this
 * platform has no such thing".
 */
#include <netinet/in.h>
#include <sys/socket.h>

#include "../core/platform_constants.h"

#define S4J_CONSTANT(name) {#name, (int32_t)(name)}

const struct s4j_named_constant s4j_platform_constants[] = {
#ifdef AF_UNSPEC
    S4J_CONSTANT(AF_UNSPEC),
#endif
#ifdef AF_INET
    S4J_CONSTANT(AF_INET),
#endif
#ifdef AF_INET6
    S4J_CONSTANT(AF_INET6),
#endif
#ifdef AF_UNIX
    S4J_CONSTANT(AF_UNIX),
#endif
#ifdef AF_ROUTE
    S4J_CONSTANT(AF_ROUTE),
#endif
#ifdef AF_KEY
    S4J_CONSTANT(AF_KEY),
#endif
#ifdef AF_PACKET
    S4J_CONSTANT(AF_PACKET),
#endif
#ifdef AF_NETLINK
    S4J_CONSTANT(AF_NETLINK),
#endif
#ifdef SOCK_STREAM
    S4J_CONSTANT(SOCK_STREAM),
#endif
#ifdef SOCK_DGRAM
    S4J_CONSTANT(SOCK_DGRAM),
#endif
#ifdef SOCK_SEQPACKET
    S4J_CONSTANT(SOCK_SEQPACKET),
#endif
#ifdef SOCK_RAW
    S4J_CONSTANT(SOCK_RAW),
#endif
#ifdef IPPROTO_IP
    S4J_CONSTANT(IPPROTO_IP),
#endif
#ifdef IPPROTO_TCP
    S4J_CONSTANT(IPPROTO_TCP),
#endif
#ifdef IPPROTO_UDP
    S4J_CONSTANT(IPPROTO_UDP),
#endif
#ifdef IPPROTO_SCTP
    S4J_CONSTANT(IPPROTO_SCTP),
#endif
#ifdef IPPROTO_ICMP
    S4J_CONSTANT(IPPROTO_ICMP),
#endif
#ifdef IPPROTO_ICMPV6
    S4J_CONSTANT(IPPROTO_ICMPV6),
#endif
#ifdef IPPROTO_RAW
    S4J_CONSTANT(IPPROTO_RAW),
#endif
#ifdef MSG_PEEK
    S4J_CONSTANT(MSG_PEEK),
#endif
#ifdef MSG_DONTWAIT
    S4J_CONSTANT(MSG_DONTWAIT),
#endif
#ifdef MSG_WAITALL
    S4J_CONSTANT(MSG_WAITALL),
#endif
#ifdef MSG_OOB
    S4J_CONSTANT(MSG_OOB),
#endif
#ifdef MSG_DONTROUTE
    S4J_CONSTANT(MSG_DONTROUTE),
#endif
#ifdef MSG_TRUNC
    S4J_CONSTANT(MSG_TRUNC),
#endif
#ifdef MSG_CTRUNC
    S4J_CONSTANT(MSG_CTRUNC),
#endif
#ifdef MSG_EOR
    S4J_CONSTANT(MSG_EOR),
#endif
#ifdef MSG_NOSIGNAL
    S4J_CONSTANT(MSG_NOSIGNAL),
#endif
#ifdef SHUT_RD
    S4J_CONSTANT(SHUT_RD),
#endif
#ifdef SHUT_WR
    S4J_CONSTANT(SHUT_WR),
#endif
#ifdef SHUT_RDWR
    S4J_CONSTANT(SHUT_RDWR),
#endif
};

const size_t s4j_platform_constant_count = sizeof s4j_platform_constants / sizeof s4j_platform_constants[0];
