/*
 * What core/options.c, core/cmsg.c and core/msghdr.c need of POSIX systems beyond the socket
 * address structs: the IP-level option structs, msghdr and iovec, the cmsghdr macros, which
 * control messages this stack sends and receives, and the native number a
 * refusal of the library's own carries. No code: names only.
 */
#ifndef SOCKETS4J_PLATFORM_NET_H
#define SOCKETS4J_PLATFORM_NET_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>

#include "platform_sockaddr.h"

/* The library's own refusals (EINVAL of a bad argument, ...) carry no native number on POSIX. */
#define S4J_NATIVE_ERROR(name) 0

/* ---- options ---- */

/* macOS counts SO_LINGER in clock ticks; SO_LINGER_SEC is the seconds one. */
#ifdef SO_LINGER_SEC
#define S4J_SO_LINGER SO_LINGER_SEC
#else
#define S4J_SO_LINGER SO_LINGER
#endif

/* SO_RCVTIMEO/SO_SNDTIMEO take a struct timeval (S4J_TIMEOUT_IN_MILLIS undefined). */

typedef struct in6_pktinfo s4j_in6_pktinfo;

/* IPV6_PATHMTU answers (getsockopt) and reports (cmsg) a struct ip6_mtuinfo. */
#define S4J_HAVE_IP6_MTUINFO 1

/* ---- scatter/gather ---- */

/* One buffer of the OS's scatter/gather list, and its fields. */
typedef struct iovec s4j_os_buffer;
#define S4J_OS_BUFFER_BASE iov_base
#define S4J_OS_BUFFER_LENGTH iov_len

/* The OS's message header of sendmsg/recvmsg, and its fields. */
typedef struct msghdr s4j_os_msghdr;
#define S4J_MSG_BUFFERS msg_iov
#define S4J_MSG_BUFFER_COUNT msg_iovlen
#define S4J_MSG_NAME msg_name
#define S4J_MSG_NAMELEN msg_namelen
#define S4J_MSG_CONTROL msg_control
#define S4J_MSG_CONTROLLEN msg_controllen

/* ---- control messages ---- */

typedef struct cmsghdr s4j_cmsghdr;
#define S4J_CMSG_LEN(n) CMSG_LEN(n)
#define S4J_CMSG_SPACE(n) CMSG_SPACE(n)
#define S4J_CMSG_DATA(c) ((unsigned char *)CMSG_DATA(c))

#ifdef IP_PKTINFO
typedef struct in_pktinfo s4j_in_pktinfo;
/* The field a sent IP_PKTINFO's source goes in, and the one a received one's local address comes from. */
#define S4J_IN_PKTINFO_SOURCE ipi_spec_dst
#define S4J_IN_PKTINFO_LOCAL ipi_spec_dst
#endif

/* sendmsg carries a TTL, TOS, hop limit or traffic class as ancillary data. */
#define S4J_CMSG_SENDS_HOPS_AND_CLASSES 1

/* The BSDs report a received destination, TTL and TOS under these types as well. */
#ifdef IP_RECVDSTADDR
#define S4J_CMSG_RECVDSTADDR IP_RECVDSTADDR
#endif
#ifdef IP_RECVTTL
#define S4J_CMSG_RECVTTL IP_RECVTTL
#endif
#ifdef IP_RECVTOS
#define S4J_CMSG_RECVTOS IP_RECVTOS
#endif

#endif
