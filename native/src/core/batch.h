/*
 * The OS-free half of batch.h: checking a batch, one OS message header per
 * record, a record filled back from a received header, and the loop of single
 * calls that backends without sendmmsg/recvmmsg use. The backend makes the
 * calls; field names come from its platform_net.h.
 */
#ifndef SOCKETS4J_CORE_BATCH_H
#define SOCKETS4J_CORE_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "platform_net.h"
#include "sockets4j/batch.h"

/*
 * 0 when count is 1..S4J_BATCH_MAX, slot at least 1, records and data not NULL
 * and (send) every length 0..slot; else EINVAL, before anything is read as a size.
 */
int32_t s4j_batch_check(const s4j_datagram *records, const unsigned char *data, int32_t slot, int32_t count,
                        int send);

/*
 * A zeroed header for record rec whose slot is bytes: one buffer (buf) over the
 * record's length bytes for a send, over the whole slot for a receive; the
 * name in sa: the record's address for an addressed send, none for an
 * unaddressed one, all of sa for a receive. 0, or what converting the address
 * says (nothing is sent then).
 */
int32_t s4j_batch_prepare(s4j_os_msghdr *m, s4j_os_buffer *buf, s4j_sockaddr *sa, const s4j_datagram *rec,
                          unsigned char *bytes, int32_t slot, int receive);

/*
 * After datagram rec's receive of n bytes (the OS's count, which MSG_TRUNC may make
 * larger than the slot) with portable out flags: its length (what the slot holds),
 * its flags (S4J_MSG_OUT_TRUNC added when n was more than the slot) and its source
 * (addressed = 0 and S4J_AF_UNSPEC when there was none or it could not be read).
 */
void s4j_batch_received(s4j_datagram *rec, const s4j_os_msghdr *m, s4j_sockaddr *sa, size_t n, int32_t slot,
                        int32_t out_flags);

/* ---- the loop of single calls, and the backend's primitives it runs ---- */

/* One sendmsg of a prepared header: the bytes sent, or a negative error. Defined by the backend. */
int32_t s4j_os_send_one(s4j_handle h, s4j_os_msghdr *m, int flags);

/*
 * One recvmsg into a prepared header: the bytes received, or a negative error, and the
 * portable S4J_MSG_OUT_* in *out_flags. With wait 0 it must not block, whatever the
 * socket's mode: EAGAIN when nothing is queued. Defined by the backend.
 */
int32_t s4j_os_recv_one(s4j_handle h, s4j_os_msghdr *m, int flags, int wait, int32_t *out_flags);

/* batch.h's s4j_socket_send_many, one s4j_os_send_one per datagram. */
int32_t s4j_batch_send_each(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot, int32_t count,
                            int flags);

/* batch.h's s4j_socket_recv_many, one s4j_os_recv_one per datagram; only the first may wait. */
int32_t s4j_batch_recv_each(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot, int32_t count,
                            int flags);

#endif
