/* What the POSIX backend files share and nothing above them sees. */
#ifndef SOCKETS4J_POSIX_H
#define SOCKETS4J_POSIX_H

#include <errno.h>
#include <sys/socket.h>

#include "sockets4j/errors.h"
#include "sockets4j/message.h"
#include "sockets4j/socket.h"

/* The fd behind a handle. Handles on POSIX are fds widened to 64 bits. */
static inline int s4j_fd(s4j_handle h) { return (int)h; }

/* The negative result for the errno left by the call that just failed. */
static inline int32_t s4j_last_error(void) { return s4j_error_from_native(errno); }

/* Flags every send adds: no SIGPIPE where a flag asks for it (else SO_NOSIGPIPE is set on every socket). */
#ifdef MSG_NOSIGNAL
#define S4J_SEND_FLAGS MSG_NOSIGNAL
#else
#define S4J_SEND_FLAGS 0
#endif

/* Repeats a call that returns -1 while it fails with EINTR. */
#define S4J_RETRY(result, call)                                                  \
    do {                                                                         \
        (result) = (call);                                                       \
    } while ((result) == -1 && errno == EINTR)

/* The portable S4J_MSG_OUT_* (message.h) of a received msghdr's msg_flags. */
static inline int32_t s4j_posix_out_flags(int msg_flags) {
    int32_t out = 0;
    if (msg_flags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (msg_flags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
#ifdef MSG_EOR
    if (msg_flags & MSG_EOR) out |= S4J_MSG_OUT_EOR;
#endif
    if (msg_flags & MSG_OOB) out |= S4J_MSG_OUT_OOB;
    return out;
}

/* Set-up of the platform's preclose (see s4j_socket_preclose). */
int32_t s4j_preclose_init(void);
void s4j_preclose_cleanup(void);

#endif
