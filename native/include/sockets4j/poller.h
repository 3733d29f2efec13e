/*
 * Readiness of many handles at once: epoll on Linux, kqueue on macOS and the
 * BSDs, WSAPoll on Windows (S4J_POLLER_NATIVE), or poll()/WSAPoll over a
 * registration table the poller keeps itself (S4J_POLLER_POLL), which any
 * platform has and a caller may force. Windows has no readiness call beyond
 * WSAPoll, so there both kinds are that table.
 *
 * A handle is registered at most once per poller, with an interest (S4J_POLL_IN,
 * S4J_POLL_OUT), a trigger (level by default, S4J_POLL_EDGE, S4J_POLL_ONESHOT)
 * and a 64-bit token that comes back with its events (any value but
 * S4J_POLL_TOKEN_RESERVED, which epoll's own wake-up uses). Registration calls are
 * safe from any thread, also while another thread waits; at most one thread
 * waits at a time. A one-shot registration is disarmed entirely once it has
 * reported, on every backend, until s4j_poller_modify() arms it again.
 *
 * Registrations made or changed during a wait take effect in that wait. kqueue
 * reports hang-ups and errors through the directions only: S4J_POLL_HUP with
 * S4J_POLL_OUT interest (with S4J_POLL_IN alone a hang-up is S4J_POLL_RDHUP),
 * nothing with interest 0.
 *
 * Every call returns >= 0 or a negative s4j_error() (errors.h).
 */
#ifndef SOCKETS4J_POLLER_H
#define SOCKETS4J_POLLER_H

#include <stdint.h>

#include "sockets4j/socket.h"

typedef struct s4j_poller s4j_poller;

/* Kinds of poller. */
#define S4J_POLLER_NATIVE 0 /* epoll, kqueue, WSAPoll */
#define S4J_POLLER_POLL 1   /* poll() or WSAPoll over the poller's own table */

/* Interest bits, also ready bits. */
#define S4J_POLL_IN 0x01  /* readable, or a connection to accept */
#define S4J_POLL_OUT 0x02 /* writable, or a connect has completed */
/* Ready bits only: reported whatever the interest. */
#define S4J_POLL_ERR 0x04   /* an error is pending (SO_ERROR) */
#define S4J_POLL_HUP 0x08   /* hung up: both directions are shut or the connection reset */
#define S4J_POLL_RDHUP 0x10 /* the peer shut its sending side, where the OS says so; with S4J_POLL_IN only */
/* Trigger bits of an interest. */
#define S4J_POLL_EDGE 0x100    /* report a change once (EPOLLET, EV_CLEAR); native kinds of Linux and BSD only */
#define S4J_POLL_ONESHOT 0x200 /* report once, then disarm until modified */

/* The one token a registration may not carry (EINVAL). */
#define S4J_POLL_TOKEN_RESERVED UINT64_MAX

/* One ready handle, as s4j_poller_wait() writes it into the caller's array. */
typedef struct s4j_poll_event {
    uint64_t token;
    uint32_t ready; /* S4J_POLL_* ready bits */
    uint32_t reserved;
} s4j_poll_event;

_Static_assert(sizeof(s4j_poll_event) == 16, "s4j_poll_event is 16 bytes");

/* 1 if this platform has the kind, 0 if not. */
int32_t s4j_poller_supported(int32_t kind);

/* 1 if the kind takes S4J_POLL_EDGE here, 0 if not. */
int32_t s4j_poller_edge_supported(int32_t kind);

/* A new poller of the kind; EOPNOTSUPP for a kind the platform lacks. */
int32_t s4j_poller_open(int32_t kind, s4j_poller **out);

/* The mechanism's name: "epoll", "kqueue", "WSAPoll" or "poll". */
const char *s4j_poller_mechanism(const s4j_poller *p);

/*
 * Registers h; EEXIST if it is registered already, EOPNOTSUPP for a trigger the
 * kind lacks, EINVAL for other bits or the reserved token. Interest 0 still
 * reports S4J_POLL_ERR and S4J_POLL_HUP.
 */
int32_t s4j_poller_add(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token);

/* Changes h's interest, trigger and token, and arms a one-shot registration again; ENOENT if not registered. */
int32_t s4j_poller_modify(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token);

/* Deregisters h; ENOENT if not registered. */
int32_t s4j_poller_remove(s4j_poller *p, s4j_handle h);

/*
 * Waits until a registered handle is ready, timeout_ms passes (0: do not
 * wait; -1: no limit) or s4j_poller_wakeup() is called, and writes up to
 * capacity events. Returns how many; 0 after a timeout or a wakeup. EINTR is
 * retried with what remains of the timeout. A handle may appear twice in one
 * result where the OS reports each direction apart (kqueue).
 */
int32_t s4j_poller_wait(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms);

/* Makes the current wait, or else the next one, return; from any thread. Wakeups coalesce. */
int32_t s4j_poller_wakeup(s4j_poller *p);

/*
 * Frees the poller; no thread may be inside a call on it. Registered handles
 * stay open. A handle must be removed before it is closed: the table kind
 * would otherwise poll a closed (or reused) number.
 */
void s4j_poller_close(s4j_poller *p);

#endif
