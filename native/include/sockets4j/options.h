/*
 * getsockopt/setsockopt, one function per C type that crosses. The backend
 * makes the OS call, an option as bytes (s4j_option_get_bytes/set_bytes); the
 * core fills the OS's struct field by field around it (Windows' DWORD
 * milliseconds and u_short linger, macOS's SO_LINGER_SEC, 1-byte BOOL results),
 * so Java sees one value type per option on every OS. Levels and names are the
 * platform's numbers, which Java learns from constants.h by name.
 */
#ifndef SOCKETS4J_OPTIONS_H
#define SOCKETS4J_OPTIONS_H

#include <stdint.h>

#include "sockets4j/address.h"
#include "sockets4j/socket.h"

/* An int option, flags too (int on POSIX, DWORD on Windows; a 1-byte answer is widened). */
int32_t s4j_option_get_int(s4j_handle h, int level, int name, int32_t *value);
int32_t s4j_option_set_int(s4j_handle h, int level, int name, int32_t value);

/* SO_LINGER in seconds, whatever unit the OS's SO_LINGER counts in. */
int32_t s4j_option_get_linger(s4j_handle h, int32_t *on, int32_t *seconds);
int32_t s4j_option_set_linger(s4j_handle h, int32_t on, int32_t seconds);

/* SO_RCVTIMEO / SO_SNDTIMEO in milliseconds, 0 = none. */
int32_t s4j_option_get_timeout(s4j_handle h, int name, int64_t *millis);
int32_t s4j_option_set_timeout(s4j_handle h, int name, int64_t millis);

/*
 * Any option as bytes (IP_OPTIONS, and the raw escape hatch): the backend's OS call, which every
 * typed one below goes through. *len: in, room; out, bytes written.
 */
int32_t s4j_option_get_bytes(s4j_handle h, int level, int name, void *buf, int32_t *len);
int32_t s4j_option_set_bytes(s4j_handle h, int level, int name, const void *buf, int32_t len);

/* IP_MULTICAST_IF: the interface by its IPv4 address (in the layout), or by index where the OS takes one. */
int32_t s4j_option_get_multicast_if4(s4j_handle h, s4j_address *address);
int32_t s4j_option_set_multicast_if4(s4j_handle h, const s4j_address *address, uint32_t ifindex);

/* A socket address option (IPV6_NEXTHOP). */
int32_t s4j_option_get_sockaddr(s4j_handle h, int level, int name, s4j_address *address);
int32_t s4j_option_set_sockaddr(s4j_handle h, int level, int name, const s4j_address *address);

/* IPV6_PKTINFO as a sticky option: struct in6_pktinfo. */
int32_t s4j_option_get_pktinfo6(s4j_handle h, int name, s4j_address *source, uint32_t *ifindex);
int32_t s4j_option_set_pktinfo6(s4j_handle h, int name, const s4j_address *source, uint32_t ifindex);

/* IPV6_PATHMTU: the MTU of struct ip6_mtuinfo. */
int32_t s4j_option_get_mtuinfo(s4j_handle h, int name, int32_t *mtu);

/* The membership requests of IP multicast. */
enum s4j_membership_kind {
    S4J_MREQ = 1,            /* struct ip_mreq; with an index, as S4J_IPV4_JOIN_BY_INDEX says */
    S4J_MREQ_SOURCE = 2,     /* struct ip_mreq_source */
    S4J_IPV6_MREQ = 3,       /* struct ipv6_mreq */
    S4J_GROUP_REQ = 4,       /* struct group_req (RFC 3678) */
    S4J_GROUP_SOURCE_REQ = 5 /* struct group_source_req */
};

/*
 * How an IPv4 join or leave (S4J_MREQ) names its interface by index, a fact
 * of the platform that the build declares as S4J_IPV4_JOIN_BY_INDEX (one of
 * these; CMakeLists.txt, per platform). A kernel that reads only the 8-byte
 * ip_mreq would drop an ip_mreqn's index and join on the default interface.
 */
#define S4J_JOIN_BY_INDEX_NONE 0      /* no way: a join by index is refused as unsupported */
#define S4J_JOIN_BY_INDEX_MREQN 1     /* struct ip_mreqn's imr_ifindex (Linux) */
#define S4J_JOIN_BY_INDEX_GROUP_REQ 2 /* MCAST_JOIN_GROUP/MCAST_LEAVE_GROUP's group_req (macOS) */
#define S4J_JOIN_BY_INDEX_MREQ 3      /* ip_mreq's imr_interface as 0.0.0.index (Windows) */

/*
 * setsockopt of a membership request: group, and source where the kind has
 * one, in the layout; the interface by IPv4 address (S4J_MREQ, S4J_MREQ_SOURCE;
 * family S4J_AF_UNSPEC = any) and/or by index (the others; 0 = any).
 */
int32_t s4j_option_set_membership(s4j_handle h, int level, int name, int kind, const s4j_address *group,
                                  const s4j_address *source, const s4j_address *interface_address,
                                  uint32_t ifindex);

#endif
