/* poller.h's entry points: argument checks once, then the kind's operations (poller_backend.h). */
#include "sockets4j/poller.h"

#include <stddef.h>

#include "poller_backend.h"
#include "sockets4j/errors.h"

#define INTEREST_BITS (S4J_POLL_IN | S4J_POLL_OUT | S4J_POLL_EDGE | S4J_POLL_ONESHOT)

static const struct s4j_poller_ops *ops_of(int32_t kind) {
    switch (kind) {
    case S4J_POLLER_NATIVE: return s4j_native_poller_ops();
    case S4J_POLLER_POLL: return &s4j_pollset_ops;
    default: return NULL;
    }
}

int32_t s4j_poller_supported(int32_t kind) { return ops_of(kind) != NULL; }

int32_t s4j_poller_edge_supported(int32_t kind) {
    const struct s4j_poller_ops *ops = ops_of(kind);
    return ops != NULL && ops->edge;
}

int32_t s4j_poller_open(int32_t kind, s4j_poller **out) {
    if (out == NULL) return s4j_error(S4J_EFAULT, 0);
    const struct s4j_poller_ops *ops = ops_of(kind);
    if (ops == NULL) return s4j_error(kind == S4J_POLLER_NATIVE ? S4J_EOPNOTSUPP : S4J_EINVAL, 0);
    return ops->open(out);
}

const char *s4j_poller_mechanism(const s4j_poller *p) { return p->ops->mechanism; }

static int32_t check(const s4j_poller *p, uint32_t interest, uint64_t token) {
    if ((interest & ~(uint32_t)INTEREST_BITS) != 0 || token == S4J_POLL_TOKEN_RESERVED) return s4j_error(S4J_EINVAL, 0);
    if ((interest & S4J_POLL_EDGE) != 0 && !p->ops->edge) return s4j_error(S4J_EOPNOTSUPP, 0);
    return 0;
}

int32_t s4j_poller_add(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    int32_t r = check(p, interest, token);
    return r < 0 ? r : p->ops->add(p, h, interest, token);
}

int32_t s4j_poller_modify(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    int32_t r = check(p, interest, token);
    return r < 0 ? r : p->ops->modify(p, h, interest, token);
}

int32_t s4j_poller_remove(s4j_poller *p, s4j_handle h) { return p->ops->remove(p, h); }

int32_t s4j_poller_wait(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms) {
    if (events == NULL) return s4j_error(S4J_EFAULT, 0);
    if (capacity < 1 || timeout_ms < -1) return s4j_error(S4J_EINVAL, 0);
    return p->ops->wait(p, events, capacity, timeout_ms);
}

int32_t s4j_poller_wakeup(s4j_poller *p) { return p->ops->wakeup(p); }

void s4j_poller_close(s4j_poller *p) {
    if (p != NULL) p->ops->close(p);
}
