/*
 * The primitives core/pollset.c builds its table poller on: the OS's poll call
 * over an array, a mutex, a wake channel and a monotonic clock. Supplied by
 * posix/pollset.c (poll(2), pthreads, a pipe) and windows/pollset.c (WSAPoll,
 * an SRW lock, a loopback socket pair).
 */
#ifndef SOCKETS4J_CORE_POLLSET_H
#define SOCKETS4J_CORE_POLLSET_H

#include <stddef.h>
#include <stdint.h>

#include "sockets4j/socket.h"

/* "poll" or "WSAPoll". */
extern const char s4j_pollfd_mechanism[];

/* The size of one element of the OS's array (struct pollfd, WSAPOLLFD). */
extern const size_t s4j_pollfd_size;

/* Sets element i to wait for h with interest's S4J_POLL_IN and S4J_POLL_OUT (0: errors and hang-ups only). */
void s4j_pollfd_set(void *array, int32_t i, s4j_handle h, uint32_t interest);

/* Element i's ready bits as S4J_POLL_* after s4j_pollfd_wait; 0 if none. */
uint32_t s4j_pollfd_ready(const void *array, int32_t i);

/* Waits on n elements: how many are ready, 0 on timeout; EINTR retried with what remains of timeout_ms. */
int32_t s4j_pollfd_wait(void *array, int32_t n, int32_t timeout_ms);

/* Milliseconds of a monotonic clock. */
int64_t s4j_clock_ms(void);

typedef struct s4j_mutex s4j_mutex;
int32_t s4j_mutex_open(s4j_mutex **out);
void s4j_mutex_lock(s4j_mutex *m);
void s4j_mutex_unlock(s4j_mutex *m);
void s4j_mutex_close(s4j_mutex *m);

/*
 * A channel that makes a wait return: ends[0] is polled for S4J_POLL_IN,
 * ends[1] is written. Both non-blocking and not inherited by children.
 */
int32_t s4j_wake_open(s4j_handle ends[2]);
/* Makes ends[0] readable. */
int32_t s4j_wake_signal(s4j_handle write_end);
/* Reads everything ends[0] holds. */
void s4j_wake_drain(s4j_handle read_end);
void s4j_wake_close(s4j_handle ends[2]);

#endif
