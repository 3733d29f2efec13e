/*
 * core/pollset.h on Windows: WSAPoll, an SRW lock, a loopback socket pair as
 * the wake channel, GetTickCount64. Windows has no readiness API of its own
 * beyond WSAPoll (wepoll and libuv drive the AFD driver directly, which is
 * undocumented and not what Wine emulates), so its native kind is this same
 * table over WSAPoll.
 */
#include <stdlib.h>

#include "../core/poller_backend.h"
#include "../core/pollset.h"
#include "backend.h"

const char s4j_pollfd_mechanism[] = "WSAPoll";
const size_t s4j_pollfd_size = sizeof(WSAPOLLFD);

const struct s4j_poller_ops *s4j_native_poller_ops(void) { return &s4j_pollset_ops; }

void s4j_pollfd_set(void *array, int32_t i, s4j_handle h, uint32_t interest) {
    WSAPOLLFD *fd = (WSAPOLLFD *)array + i;
    fd->fd = s4j_socket(h);
    /* WSAPoll takes only the normal-data bits in events (POLLPRI fails the call) */
    fd->events = (SHORT)(((interest & S4J_POLL_IN) ? POLLRDNORM : 0) | ((interest & S4J_POLL_OUT) ? POLLWRNORM : 0));
    fd->revents = 0;
}

uint32_t s4j_pollfd_ready(const void *array, int32_t i) {
    SHORT r = ((const WSAPOLLFD *)array)[i].revents;
    uint32_t ready = 0;
    if (r & (POLLRDNORM | POLLRDBAND)) ready |= S4J_POLL_IN;
    if (r & POLLWRNORM) ready |= S4J_POLL_OUT;
    if (r & POLLERR) ready |= S4J_POLL_ERR;
    /* WSAPoll (Wine's too) may report the peer's close as POLLHUP alone, where POSIX poll says POLLIN: the
       socket is readable then, a recv returns the end of the stream at once */
    if (r & POLLHUP) ready |= S4J_POLL_HUP | S4J_POLL_IN;
    if (r & POLLNVAL) ready |= S4J_POLL_ERR | S4J_POLL_HUP;
    return ready;
}

int32_t s4j_pollfd_wait(void *array, int32_t n, int32_t timeout_ms) {
    /* WSAPoll is not interrupted by signals: no EINTR to retry */
    int r = WSAPoll((WSAPOLLFD *)array, (ULONG)n, timeout_ms);
    return r == SOCKET_ERROR ? s4j_last_error() : r;
}

int64_t s4j_clock_ms(void) { return (int64_t)GetTickCount64(); }

struct s4j_mutex {
    SRWLOCK lock;
};

int32_t s4j_mutex_open(s4j_mutex **out) {
    s4j_mutex *m = malloc(sizeof *m);
    if (m == NULL) return s4j_error(S4J_ENOMEM, 0);
    InitializeSRWLock(&m->lock);
    *out = m;
    return 0;
}

void s4j_mutex_lock(s4j_mutex *m) { AcquireSRWLockExclusive(&m->lock); }

void s4j_mutex_unlock(s4j_mutex *m) { ReleaseSRWLockExclusive(&m->lock); }

void s4j_mutex_close(s4j_mutex *m) { free(m); }

int32_t s4j_wake_open(s4j_handle ends[2]) {
    /* a stream pair over loopback, each end checked to be the other (core/socketpair.c), not inheritable */
    int64_t pair[2];
    int32_t r = s4j_socket_pair(AF_INET, SOCK_STREAM, 0, pair);
    if (r < 0) return r;
    if ((r = s4j_socket_set_blocking(pair[0], 0)) < 0 || (r = s4j_socket_set_blocking(pair[1], 0)) < 0) {
        s4j_socket_close(pair[0]);
        s4j_socket_close(pair[1]);
        return r;
    }
    ends[0] = pair[0];
    ends[1] = pair[1];
    return 0;
}

int32_t s4j_wake_signal(s4j_handle write_end) {
    char b = 1;
    int32_t r = s4j_socket_send(write_end, &b, 1, 0, NULL);
    /* a full buffer is already readable */
    return r >= 0 || s4j_error_portable(r) == S4J_EAGAIN ? 0 : r;
}

void s4j_wake_drain(s4j_handle read_end) {
    char buf[64];
    while (s4j_socket_recv(read_end, buf, sizeof buf, 0, NULL, NULL) == (int32_t)sizeof buf) {
    }
}

void s4j_wake_close(s4j_handle ends[2]) {
    s4j_socket_close(ends[0]);
    s4j_socket_close(ends[1]);
}
