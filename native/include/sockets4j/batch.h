/*
 * Batched datagrams: sendmmsg/recvmmsg where the OS has them, a loop of
 * sendmsg/recvmsg elsewhere.
 *
 * A batch is two arrays in memory the caller owns: count records (s4j_datagram
 * below, one per datagram) and count slots of slot bytes each, datagram i's
 * bytes at data + i * slot. The caller passes the slot size and the bases, so
 * no pointer is ever read from the records themselves. Java reads the record's
 * size and field offsets from the constants table (S4J_DATAGRAM_*), so the
 * layout is written down here only.
 *
 *   offset size field
 *   0      4    length     send: the bytes to send from the slot (0..slot);
 *                          receive: the bytes stored in the slot (at most slot)
 *   4      4    flags      receive: S4J_MSG_OUT_* of message.h for this datagram
 *                          (S4J_MSG_OUT_TRUNC: it was longer than the slot)
 *   8      4    addressed  send: nonzero = send to address, zero = to the connected
 *                          peer; receive: nonzero = address holds the source
 *   12     4    reserved   zero
 *   16     128  address    address.h's layout
 *   total  144
 */
#ifndef SOCKETS4J_BATCH_H
#define SOCKETS4J_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "sockets4j/address.h"
#include "sockets4j/message.h" /* S4J_MSG_OUT_* */
#include "sockets4j/socket.h"

typedef struct s4j_datagram {
    int32_t length;
    int32_t flags;
    int32_t addressed;
    int32_t reserved;
    s4j_address address;
} s4j_datagram;

#define S4J_DATAGRAM_SIZE 144

_Static_assert(sizeof(s4j_datagram) == S4J_DATAGRAM_SIZE, "s4j_datagram layout");
_Static_assert(offsetof(s4j_datagram, length) == 0, "s4j_datagram.length");
_Static_assert(offsetof(s4j_datagram, flags) == 4, "s4j_datagram.flags");
_Static_assert(offsetof(s4j_datagram, addressed) == 8, "s4j_datagram.addressed");
_Static_assert(offsetof(s4j_datagram, address) == 16, "s4j_datagram.address");
_Static_assert(S4J_DATAGRAM_SIZE % 8 == 0, "s4j_datagram keeps the next record 8-aligned");

/* The most datagrams one call takes (Linux's UIO_MAXIOV, which bounds sendmmsg/recvmmsg too). */
#define S4J_BATCH_MAX 1024

/*
 * Sends records[0, count): each record's length bytes from its slot, to its
 * address when addressed. Returns how many went (1..count), or a negative error
 * when the first did not; an error after at least one is left for the next call
 * (as sendmmsg does). EINVAL for a count outside 1..S4J_BATCH_MAX, a slot below
 * 1, or a length outside 0..slot (nothing is sent then).
 */
int32_t s4j_socket_send_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags);

/*
 * Receives up to count datagrams into records[0, count) and their slots. Waits
 * (on a blocking socket without MSG_DONTWAIT) for the first datagram only, then
 * takes what is already queued (MSG_WAITFORONE). Returns how many arrived
 * (1..count) or a negative error when none did; an error after at least one is
 * left for the next call. Each record's length is the bytes stored (at most
 * slot), flags its S4J_MSG_OUT_*, addressed/address its source.
 */
int32_t s4j_socket_recv_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags);

#endif
