/*
 * What core/poller.c, the one entry of poller.h, asks of the backends: each kind
 * of poller is a table of operations behind the public struct. Arguments are
 * checked once in core/poller.c, so an implementation sees only a valid
 * interest, a token other than S4J_POLL_TOKEN_RESERVED, capacity >= 1, a
 * non-NULL array and timeout_ms >= -1.
 */
#ifndef SOCKETS4J_CORE_POLLER_BACKEND_H
#define SOCKETS4J_CORE_POLLER_BACKEND_H

#include "sockets4j/poller.h"

struct s4j_poller_ops {
    const char *mechanism;
    int edge; /* 1 if S4J_POLL_EDGE is taken */
    int32_t (*open)(s4j_poller **out);
    int32_t (*add)(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token);
    int32_t (*modify)(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token);
    int32_t (*remove)(s4j_poller *p, s4j_handle h);
    int32_t (*wait)(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms);
    int32_t (*wakeup)(s4j_poller *p);
    void (*close)(s4j_poller *p);
};

/* The head of every implementation's struct, so that a poller knows its operations. */
struct s4j_poller {
    const struct s4j_poller_ops *ops;
};

/*
 * The platform's native kind: linux/epoll.c, bsd/kqueue.c; on Windows the
 * table over WSAPoll (windows/pollset.c returns s4j_pollset_ops). NULL where
 * the platform has none.
 */
const struct s4j_poller_ops *s4j_native_poller_ops(void);

/* The table kind (core/pollset.c) over the backend's poll() primitives (core/pollset.h). */
extern const struct s4j_poller_ops s4j_pollset_ops;

#endif
