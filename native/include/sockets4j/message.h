/*
 * sendmsg/recvmsg with scatter/gather and ancillary data.
 *
 * Ancillary data crosses JNI as a sequence of portable records, so that the
 * OS's cmsghdr sizes, alignment and struct layouts (in_pktinfo's field order,
 * a TTL as int or as u_char, BSD's IP_RECVDSTADDR/IP_RECVIF) stay here:
 *
 *   int32 kind   S4J_CMSG_* below; S4J_CMSG_RAW keeps the OS's level, type and bytes
 *   int32 level  the OS's level number
 *   int32 type   the OS's type number
 *   int32 length bytes of data
 *   data, then zero padding to a multiple of 4
 *
 * Data of the known kinds (native byte order): the structs below, whose sizes
 * and field offsets Java reads from the constants table (S4J_CMSG_*_SIZE, the
 * field offsets named after them), so the layout is written down here only.
 *   S4J_CMSG_IP_PKTINFO     s4j_cmsg_ip_pktinfo (local is spec_dst; zero when unknown)
 *   S4J_CMSG_IP_TTL, S4J_CMSG_IP_TOS, S4J_CMSG_IPV6_HOPLIMIT, S4J_CMSG_IPV6_TCLASS
 *                           s4j_cmsg_int
 *   S4J_CMSG_IPV6_PKTINFO   s4j_cmsg_ipv6_pktinfo
 *   S4J_CMSG_IPV6_PATHMTU   s4j_cmsg_ipv6_pathmtu (the destination in the address layout)
 */
#ifndef SOCKETS4J_MESSAGE_H
#define SOCKETS4J_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "sockets4j/address.h"
#include "sockets4j/socket.h"

enum s4j_cmsg_kind {
    S4J_CMSG_RAW = 0,
    S4J_CMSG_IP_PKTINFO = 1,
    S4J_CMSG_IP_TTL = 2,
    S4J_CMSG_IP_TOS = 3,
    S4J_CMSG_IPV6_PKTINFO = 4,
    S4J_CMSG_IPV6_HOPLIMIT = 5,
    S4J_CMSG_IPV6_TCLASS = 6,
    S4J_CMSG_IPV6_PATHMTU = 7,
};

#define S4J_CMSG_HEADER 16

/* A record's header; its data follows. */
typedef struct s4j_cmsg_header {
    int32_t kind;
    int32_t level;
    int32_t type;
    int32_t length;
} s4j_cmsg_header;

_Static_assert(sizeof(s4j_cmsg_header) == S4J_CMSG_HEADER, "s4j_cmsg_header layout");
_Static_assert(offsetof(s4j_cmsg_header, kind) == 0, "s4j_cmsg_header.kind");
_Static_assert(offsetof(s4j_cmsg_header, level) == 4, "s4j_cmsg_header.level");
_Static_assert(offsetof(s4j_cmsg_header, type) == 8, "s4j_cmsg_header.type");
_Static_assert(offsetof(s4j_cmsg_header, length) == 12, "s4j_cmsg_header.length");

/* IP_PKTINFO, and BSD's IP_RECVDSTADDR (destination alone). */
typedef struct s4j_cmsg_ip_pktinfo {
    uint32_t ifindex;
    uint8_t destination[4]; /* network order */
    uint8_t local[4];       /* the source to send from; received: spec_dst, zero when unknown */
} s4j_cmsg_ip_pktinfo;

_Static_assert(sizeof(s4j_cmsg_ip_pktinfo) == 12, "s4j_cmsg_ip_pktinfo layout");
_Static_assert(offsetof(s4j_cmsg_ip_pktinfo, ifindex) == 0, "s4j_cmsg_ip_pktinfo.ifindex");
_Static_assert(offsetof(s4j_cmsg_ip_pktinfo, destination) == 4, "s4j_cmsg_ip_pktinfo.destination");
_Static_assert(offsetof(s4j_cmsg_ip_pktinfo, local) == 8, "s4j_cmsg_ip_pktinfo.local");

/* A TTL, TOS, hop limit or traffic class, however wide the OS's own is. */
typedef struct s4j_cmsg_int {
    int32_t value;
} s4j_cmsg_int;

_Static_assert(sizeof(s4j_cmsg_int) == 4, "s4j_cmsg_int layout");
_Static_assert(offsetof(s4j_cmsg_int, value) == 0, "s4j_cmsg_int.value");

/* IPV6_PKTINFO. */
typedef struct s4j_cmsg_ipv6_pktinfo {
    uint32_t ifindex;
    uint8_t address[16]; /* received: the destination; sent: the source */
} s4j_cmsg_ipv6_pktinfo;

_Static_assert(sizeof(s4j_cmsg_ipv6_pktinfo) == 20, "s4j_cmsg_ipv6_pktinfo layout");
_Static_assert(offsetof(s4j_cmsg_ipv6_pktinfo, ifindex) == 0, "s4j_cmsg_ipv6_pktinfo.ifindex");
_Static_assert(offsetof(s4j_cmsg_ipv6_pktinfo, address) == 4, "s4j_cmsg_ipv6_pktinfo.address");

/* IPV6_PATHMTU: ip6_mtuinfo. */
typedef struct s4j_cmsg_ipv6_pathmtu {
    uint32_t mtu;
    s4j_address destination;
} s4j_cmsg_ipv6_pathmtu;

_Static_assert(sizeof(s4j_cmsg_ipv6_pathmtu) == 4 + S4J_ADDRESS_SIZE, "s4j_cmsg_ipv6_pathmtu layout");
_Static_assert(offsetof(s4j_cmsg_ipv6_pathmtu, mtu) == 0, "s4j_cmsg_ipv6_pathmtu.mtu");
_Static_assert(offsetof(s4j_cmsg_ipv6_pathmtu, destination) == 4, "s4j_cmsg_ipv6_pathmtu.destination");

/* Output flags of recvmsg, portable. */
#define S4J_MSG_OUT_TRUNC 1  /* the datagram was longer than the buffers */
#define S4J_MSG_OUT_CTRUNC 2 /* ancillary data was cut: the control buffer was too small */
#define S4J_MSG_OUT_EOR 4
#define S4J_MSG_OUT_OOB 8

/* One buffer of a scatter/gather list. */
typedef struct s4j_iovec {
    void *base;
    int32_t length;
} s4j_iovec;

#define S4J_IOV_MAX 64

/* sendmsg(): to may be NULL; control holds records (control_len bytes). Returns the bytes sent. */
int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags);

/*
 * recvmsg(): from may be NULL. control receives records; on entry *control_len
 * is its room, on return the bytes written. *out_flags gets S4J_MSG_OUT_* bits.
 * Returns the bytes received (the datagram's length with MSG_TRUNC on Linux).
 */
int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags);

/*
 * writev()/readv() of a connected socket: scatter/gather without an address or
 * ancillary data, the stream views' path (Winsock's WSASendMsg and WSARecvMsg
 * take datagram and raw sockets only, so these are WSASend and WSARecv there).
 * flags as for send()/recv(). Return the bytes moved; a receive returns 0 at
 * the end of a stream (and for buffers with no room).
 */
int32_t s4j_socket_sendv(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, int flags);
int32_t s4j_socket_recvv(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, int flags);

#endif
