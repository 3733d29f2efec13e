/*
 * The platform constants table of Windows: rows in core/platform_constants.inc.
 * Winsock spells shutdown's "how" SD_*; the table names stay POSIX's.
 */
#include "backend.h"

#include <afunix.h>
#include <mstcpip.h>
#include <ws2ipdef.h>

#include "../core/platform_constants.h"

#define SHUT_RD SD_RECEIVE
#define SHUT_WR SD_SEND
#define SHUT_RDWR SD_BOTH

/* Microsoft's IPPROTO_TCP option numbers (Windows 10+), which Debian's mingw-w64 headers lack. */
#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE 3 /* the keepalive idle time, in seconds */
#endif
#ifndef TCP_MAXSEG
#define TCP_MAXSEG 4
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT 16
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL 17
#endif

/*
 * Winsock switches reception of IPv6 packet info and hop limit on with IPV6_PKTINFO and
 * IPV6_HOPLIMIT themselves (RFC 2292): offered under the RFC 3542 names that do that
 * elsewhere, and not as the sticky options those names mean elsewhere.
 */
enum { S4J_WINSOCK_IPV6_PKTINFO = IPV6_PKTINFO, S4J_WINSOCK_IPV6_HOPLIMIT = IPV6_HOPLIMIT };
#undef IPV6_PKTINFO
#undef IPV6_HOPLIMIT
#define IPV6_RECVPKTINFO S4J_WINSOCK_IPV6_PKTINFO
#define IPV6_RECVHOPLIMIT S4J_WINSOCK_IPV6_HOPLIMIT

#define S4J_CONSTANT(name) {#name, (int32_t)(name)},

const struct s4j_named_constant s4j_platform_constants[] = {
#include "../core/platform_constants.inc"
};

const size_t s4j_platform_constant_count = sizeof s4j_platform_constants / sizeof s4j_platform_constants[0];
