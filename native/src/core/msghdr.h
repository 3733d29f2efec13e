/*
 * The OS's message header (msghdr, WSAMSG) around sendmsg/recvmsg, filled once
 * for every backend from message.h's arguments: the backend makes the call.
 * Field names come from the backend's platform_net.h.
 */
#ifndef SOCKETS4J_CORE_MSGHDR_H
#define SOCKETS4J_CORE_MSGHDR_H

#include <stddef.h>
#include <stdint.h>

#include "platform_net.h"
#include "sockets4j/message.h"

/*
 * A zeroed header over iovcnt buffers of iov (written to bufs, room for S4J_IOV_MAX)
 * and, for a send, the destination to (NULL: none) in sa; for a receive (to NULL,
 * receive set), all of sa to hold the source. Returns 0, or EINVAL for a count
 * outside 0..S4J_IOV_MAX or a negative length (never read as a huge size), or
 * what converting to says.
 */
int32_t s4j_msghdr_prepare(s4j_os_msghdr *m, s4j_os_buffer *bufs, const s4j_iovec *iov, int32_t iovcnt,
                           const s4j_address *to, int receive, s4j_sockaddr *sa);

/*
 * For a send: the records of control (control_len bytes; none when <= 0) as the
 * OS's control block in block (room bytes, aligned for a header). 0 or an error
 * of s4j_records_to_control.
 */
int32_t s4j_msghdr_send_control(s4j_os_msghdr *m, const void *control, int32_t control_len, void *block,
                                size_t room);

/*
 * For a receive into room bytes of records: block (size bytes, aligned for a header)
 * as the OS's control block, offered what room would hold in the OS's own, larger
 * form (twice, capped at size); none when room <= 0.
 */
void s4j_msghdr_receive_control(s4j_os_msghdr *m, int32_t room, void *block, size_t size);

/*
 * After a receive: the control block as records in control (room bytes; *control_len
 * set to those written, when not NULL; S4J_MSG_OUT_CTRUNC added to *out_flags when
 * they were cut), then the source in from (when not NULL). 0, or a negative error
 * from the source's conversion.
 */
int32_t s4j_msghdr_received(const s4j_os_msghdr *m, s4j_sockaddr *sa, s4j_address *from, void *control,
                            int32_t room, int32_t *control_len, int32_t *out_flags);

#endif
