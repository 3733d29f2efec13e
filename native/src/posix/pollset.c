/* core/pollset.h on POSIX: poll(2), a pthread mutex, a pipe, CLOCK_MONOTONIC. */
#include "../core/pollset.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "posix.h"
#include "sockets4j/poller.h"

const char s4j_pollfd_mechanism[] = "poll";
const size_t s4j_pollfd_size = sizeof(struct pollfd);

/* Linux says when the peer shut its side (POLLRDHUP); elsewhere a read of 0 bytes is the only sign. */
#ifdef POLLRDHUP
#define S4J_POLLRDHUP POLLRDHUP
#else
#define S4J_POLLRDHUP 0
#endif

void s4j_pollfd_set(void *array, int32_t i, s4j_handle h, uint32_t interest) {
    struct pollfd *fd = (struct pollfd *)array + i;
    fd->fd = s4j_fd(h);
    fd->events = (short)(((interest & S4J_POLL_IN) ? POLLIN | S4J_POLLRDHUP : 0) |
                         ((interest & S4J_POLL_OUT) ? POLLOUT : 0));
    fd->revents = 0;
}

uint32_t s4j_pollfd_ready(const void *array, int32_t i) {
    short r = ((const struct pollfd *)array)[i].revents;
    uint32_t ready = 0;
    if (r & POLLIN) ready |= S4J_POLL_IN;
    if (r & POLLOUT) ready |= S4J_POLL_OUT;
    if (r & POLLERR) ready |= S4J_POLL_ERR;
    if (r & POLLHUP) ready |= S4J_POLL_HUP;
    if (r & S4J_POLLRDHUP) ready |= S4J_POLL_RDHUP;
    /* a number that is no open descriptor: the registration outlived its socket */
    if (r & POLLNVAL) ready |= S4J_POLL_ERR | S4J_POLL_HUP;
    return ready;
}

int64_t s4j_clock_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int32_t s4j_pollfd_wait(void *array, int32_t n, int32_t timeout_ms) {
    int64_t deadline = timeout_ms > 0 ? s4j_clock_ms() + timeout_ms : 0;
    for (;;) {
        int r = poll((struct pollfd *)array, (nfds_t)n, timeout_ms);
        if (r >= 0) return r;
        if (errno != EINTR) return s4j_last_error();
        if (timeout_ms > 0) {
            int64_t left = deadline - s4j_clock_ms();
            if (left <= 0) return 0;
            timeout_ms = (int32_t)left;
        }
    }
}

struct s4j_mutex {
    pthread_mutex_t m;
};

int32_t s4j_mutex_open(s4j_mutex **out) {
    s4j_mutex *m = malloc(sizeof *m);
    if (m == NULL) return s4j_error(S4J_ENOMEM, 0);
    int r = pthread_mutex_init(&m->m, NULL);
    if (r != 0) {
        free(m);
        return s4j_error_from_native(r);
    }
    *out = m;
    return 0;
}

void s4j_mutex_lock(s4j_mutex *m) { pthread_mutex_lock(&m->m); }

void s4j_mutex_unlock(s4j_mutex *m) { pthread_mutex_unlock(&m->m); }

void s4j_mutex_close(s4j_mutex *m) {
    pthread_mutex_destroy(&m->m);
    free(m);
}

#ifndef S4J_HAVE_PIPE2
static int32_t set_flags(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return s4j_last_error();
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) return s4j_last_error();
    return 0;
}
#endif

int32_t s4j_wake_open(s4j_handle ends[2]) {
    int fds[2];
#ifdef S4J_HAVE_PIPE2
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0) return s4j_last_error();
#else
    /* macOS has no pipe2: a fork and exec on another thread in between would inherit the pipe, as it would the
       JDK's own pipes there */
    if (pipe(fds) < 0) return s4j_last_error();
    int32_t r = set_flags(fds[0]);
    if (r == 0) r = set_flags(fds[1]);
    if (r < 0) {
        close(fds[0]);
        close(fds[1]);
        return r;
    }
#endif
    ends[0] = fds[0];
    ends[1] = fds[1];
    return 0;
}

int32_t s4j_wake_signal(s4j_handle write_end) {
    char b = 1;
    ssize_t r;
    S4J_RETRY(r, write(s4j_fd(write_end), &b, 1));
    /* a full pipe is already readable */
    return r >= 0 || errno == EAGAIN ? 0 : s4j_last_error();
}

void s4j_wake_drain(s4j_handle read_end) {
    char buf[64];
    ssize_t r;
    do {
        S4J_RETRY(r, read(s4j_fd(read_end), buf, sizeof buf));
    } while (r == (ssize_t)sizeof buf);
}

void s4j_wake_close(s4j_handle ends[2]) {
    close(s4j_fd(ends[0]));
    close(s4j_fd(ends[1]));
}
