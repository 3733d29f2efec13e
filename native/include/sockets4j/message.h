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
 * Data of the known kinds (native byte order):
 *   S4J_CMSG_IP_PKTINFO     u32 ifindex, u8 destination[4], u8 local[4] (spec_dst; zero when unknown)
 *   S4J_CMSG_IP_TTL         i32          S4J_CMSG_IP_TOS       i32
 *   S4J_CMSG_IPV6_PKTINFO   u32 ifindex, u8 address[16]
 *   S4J_CMSG_IPV6_HOPLIMIT  i32          S4J_CMSG_IPV6_TCLASS  i32
 *   S4J_CMSG_IPV6_PATHMTU   u32 mtu, then the destination in the address layout (128 bytes)
 */
#ifndef SOCKETS4J_MESSAGE_H
#define SOCKETS4J_MESSAGE_H

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

#endif
