/* The native poller of Linux: epoll, woken through an eventfd. */
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "../core/poller_backend.h"
#include "../core/pollset.h"
#include "../posix/posix.h"

/* wait() lets epoll_wait() fill the caller's array, then widens each entry in place: see convert(). */
_Static_assert(sizeof(struct epoll_event) <= sizeof(s4j_poll_event), "an epoll_event fits in an s4j_poll_event");

struct epoll_poller {
    s4j_poller base;
    int epfd;
    int wakefd;
};

static struct epoll_poller *of(s4j_poller *p) { return (struct epoll_poller *)p; }

static const struct s4j_poller_ops epoll_ops;

static int32_t open_epoll(s4j_poller **out) {
    struct epoll_poller *e = malloc(sizeof *e);
    if (e == NULL) return s4j_error(S4J_ENOMEM, 0);
    e->base.ops = &epoll_ops;
    e->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (e->epfd < 0) {
        int32_t r = s4j_last_error();
        free(e);
        return r;
    }
    e->wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = S4J_POLL_TOKEN_RESERVED};
    if (e->wakefd < 0 || epoll_ctl(e->epfd, EPOLL_CTL_ADD, e->wakefd, &ev) < 0) {
        int32_t r = s4j_last_error();
        if (e->wakefd >= 0) close(e->wakefd);
        close(e->epfd);
        free(e);
        return r;
    }
    *out = &e->base;
    return 0;
}

static void close_epoll(s4j_poller *p) {
    close(of(p)->wakefd);
    close(of(p)->epfd);
    free(p);
}

static uint32_t epoll_events(uint32_t interest) {
    /* EPOLLRDHUP only with reading: a level registration for writing alone would otherwise report a half-closed
       peer on every wait */
    return ((interest & S4J_POLL_IN) ? EPOLLIN | EPOLLRDHUP : 0) | ((interest & S4J_POLL_OUT) ? EPOLLOUT : 0) |
           ((interest & S4J_POLL_EDGE) ? EPOLLET : 0) | ((interest & S4J_POLL_ONESHOT) ? EPOLLONESHOT : 0);
}

static int32_t ctl(s4j_poller *p, int op, s4j_handle h, uint32_t interest, uint64_t token) {
    struct epoll_event ev = {.events = epoll_events(interest), .data.u64 = token};
    return epoll_ctl(of(p)->epfd, op, s4j_fd(h), &ev) < 0 ? s4j_last_error() : 0;
}

static int32_t add(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    return ctl(p, EPOLL_CTL_ADD, h, interest, token);
}

static int32_t modify(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    return ctl(p, EPOLL_CTL_MOD, h, interest, token);
}

static int32_t remove_handle(s4j_poller *p, s4j_handle h) { return ctl(p, EPOLL_CTL_DEL, h, 0, 0); }

static uint32_t ready_bits(uint32_t events) {
    return ((events & EPOLLIN) ? S4J_POLL_IN : 0) | ((events & EPOLLOUT) ? S4J_POLL_OUT : 0) |
           ((events & EPOLLERR) ? S4J_POLL_ERR : 0) | ((events & EPOLLHUP) ? S4J_POLL_HUP : 0) |
           ((events & EPOLLRDHUP) ? S4J_POLL_RDHUP : 0);
}

/*
 * Turns the n epoll_events epoll_wait() wrote at the start of the array into
 * s4j_poll_events, dropping the wake-up's, so that a wait needs no buffer of
 * its own. From the last to the first: entry i is read before it is written,
 * and writing it covers only bytes of entries >= i, which are done.
 */
static int32_t convert(s4j_poll_event *events, int n, int wakefd) {
    int woken = 0;
    for (int i = n - 1; i >= 0; i--) {
        struct epoll_event ev;
        memcpy(&ev, (const char *)events + (size_t)i * sizeof ev, sizeof ev);
        events[i].token = ev.data.u64;
        events[i].ready = ready_bits(ev.events);
        events[i].reserved = 0;
        if (ev.data.u64 == S4J_POLL_TOKEN_RESERVED) woken = 1;
    }
    if (!woken) return n;
    uint64_t count;
    ssize_t r;
    S4J_RETRY(r, read(wakefd, &count, sizeof count));
    int32_t kept = 0;
    for (int i = 0; i < n; i++) {
        if (events[i].token != S4J_POLL_TOKEN_RESERVED) events[kept++] = events[i];
    }
    return kept;
}

static int32_t wait_epoll(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms) {
    int64_t deadline = timeout_ms > 0 ? s4j_clock_ms() + timeout_ms : 0;
    for (;;) {
        int n = epoll_wait(of(p)->epfd, (struct epoll_event *)(void *)events, capacity, timeout_ms);
        if (n >= 0) return convert(events, n, of(p)->wakefd);
        if (errno != EINTR) return s4j_last_error();
        if (timeout_ms > 0) {
            int64_t left = deadline - s4j_clock_ms();
            if (left <= 0) return 0;
            timeout_ms = (int32_t)left;
        }
    }
}

static int32_t wakeup_epoll(s4j_poller *p) {
    uint64_t one = 1;
    ssize_t r;
    S4J_RETRY(r, write(of(p)->wakefd, &one, sizeof one));
    /* EAGAIN: the counter is at its limit, so the eventfd is readable already */
    return r >= 0 || errno == EAGAIN ? 0 : s4j_last_error();
}

static const struct s4j_poller_ops epoll_ops = {
    .mechanism = "epoll",
    .edge = 1,
    .open = open_epoll,
    .add = add,
    .modify = modify,
    .remove = remove_handle,
    .wait = wait_epoll,
    .wakeup = wakeup_epoll,
    .close = close_epoll,
};

const struct s4j_poller_ops *s4j_native_poller_ops(void) { return &epoll_ops; }
