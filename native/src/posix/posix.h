/* What the POSIX backend files share and nothing above them sees. */
#ifndef SOCKETS4J_POSIX_H
#define SOCKETS4J_POSIX_H

#include <errno.h>
#include <sys/socket.h>

#include "sockets4j/errors.h"
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

/* Set-up of the platform's preclose (see s4j_socket_preclose). */
int32_t s4j_preclose_init(void);
void s4j_preclose_cleanup(void);

#endif
