/*
 * What core/options.c, core/cmsg.c and core/msghdr.c need of Winsock beyond the socket
 * address structs: the IP-level option structs, WSAMSG and WSABUF, the WSACMSGHDR macros, which
 * control messages Winsock sends and receives, and the native number a
 * refusal of the library's own carries. No code: names only.
 */
#ifndef SOCKETS4J_PLATFORM_NET_H
#define SOCKETS4J_PLATFORM_NET_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <ws2ipdef.h>

#include "platform_sockaddr.h"

/* The library's own refusals carry the WSA number Winsock itself would give (WSAEINVAL, ...). */
#define S4J_NATIVE_ERROR(name) WSA##name

/* ---- options ---- */

#define S4J_SO_LINGER SO_LINGER /* its fields are u_short: a longer linger is refused, not cut */

/* Winsock's timeouts are DWORD milliseconds, 0 = none, as in Java's own API. */
#define S4J_TIMEOUT_IN_MILLIS 1

typedef IN6_PKTINFO s4j_in6_pktinfo;

/* No struct ip6_mtuinfo (Winsock has IPV6_MTU instead): S4J_HAVE_IP6_MTUINFO undefined. */

/* ---- scatter/gather ---- */

/* One buffer of the OS's scatter/gather list, and its fields. */
typedef WSABUF s4j_os_buffer;
#define S4J_OS_BUFFER_BASE buf
#define S4J_OS_BUFFER_LENGTH len

/* The OS's message header of sendmsg/recvmsg, and its fields. */
typedef WSAMSG s4j_os_msghdr;
#define S4J_MSG_BUFFERS lpBuffers
#define S4J_MSG_BUFFER_COUNT dwBufferCount
#define S4J_MSG_NAME name
#define S4J_MSG_NAMELEN namelen
#define S4J_MSG_CONTROL Control.buf
#define S4J_MSG_CONTROLLEN Control.len

/* ---- control messages ---- */

typedef WSACMSGHDR s4j_cmsghdr;
#define S4J_CMSG_LEN(n) WSA_CMSG_LEN(n)
#define S4J_CMSG_SPACE(n) WSA_CMSG_SPACE(n)
#define S4J_CMSG_DATA(c) ((unsigned char *)WSA_CMSG_DATA(c))

/* IN_PKTINFO is {addr, ifindex}: a sent one's source goes in ipi_addr; a received one has no local address. */
typedef IN_PKTINFO s4j_in_pktinfo;
#define S4J_IN_PKTINFO_SOURCE ipi_addr

/*
 * WSASendMsg documents packet info only: a TTL, TOS, hop limit or traffic class sent
 * as ancillary data would be dropped without a word, so it is refused instead
 * (S4J_CMSG_SENDS_HOPS_AND_CLASSES undefined). Nor are the BSD receive types read.
 */

#endif
