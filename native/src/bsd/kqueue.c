/*
 * The native poller of macOS and the BSDs: kqueue. A registration is two
 * filters, EVFILT_READ and EVFILT_WRITE, both always added (the direction
 * without interest disabled), so that changing the interest only enables and
 * disables them. kqueue has no "add only if new" and no per-handle view, so the
 * poller keeps the handles it registered and their interest (core/handlemap.h):
 * that answers EEXIST and ENOENT, and tells the waiter which reports are
 * one-shot. A one-shot registration is EV_DISPATCH on both filters: the one
 * that reports disarms itself, and the waiter disables the other.
 *
 * What kqueue cannot report: S4J_POLL_HUP on a registration without interest
 * in writing (EV_EOF on the read filter says only that the peer shut its
 * side: S4J_POLL_RDHUP), and S4J_POLL_ERR and S4J_POLL_HUP with interest 0,
 * when both filters are disabled.
 */
#include <stdlib.h>
#include <sys/event.h>
#include <sys/time.h>
#include <unistd.h>

#include "../core/handlemap.h"
#include "../core/poller_backend.h"
#include "../core/pollset.h"
#include "../posix/posix.h"

_Static_assert(sizeof(void *) == sizeof(uint64_t), "a token travels in a kevent's udata");

/* Reports taken per wait at most: the kevents live on the waiter's stack. */
#define KQ_BATCH 256
/* The EVFILT_USER event that wakes a wait. */
#define KQ_WAKE_IDENT 0

struct kq_poller {
    s4j_poller base;
    int kq;
    s4j_mutex *lock;
    s4j_handle_map interest; /* handle -> S4J_POLL_* interest, under lock */
};

static struct kq_poller *of(s4j_poller *p) { return (struct kq_poller *)p; }

static const struct s4j_poller_ops kqueue_ops;

static int32_t open_kqueue(s4j_poller **out) {
    struct kq_poller *k = calloc(1, sizeof *k);
    if (k == NULL) return s4j_error(S4J_ENOMEM, 0);
    k->base.ops = &kqueue_ops;
    int32_t r = s4j_mutex_open(&k->lock);
    if (r < 0) {
        free(k);
        return r;
    }
    /* kqueue descriptors are not inherited by fork(), and exec closes them */
    k->kq = kqueue();
    struct kevent wake;
    EV_SET(&wake, KQ_WAKE_IDENT, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, NULL);
    if (k->kq < 0 || kevent(k->kq, &wake, 1, NULL, 0, NULL) < 0) {
        r = s4j_last_error();
        if (k->kq >= 0) close(k->kq);
        s4j_mutex_close(k->lock);
        free(k);
        return r;
    }
    *out = &k->base;
    return 0;
}

static void close_kqueue(s4j_poller *p) {
    struct kq_poller *k = of(p);
    close(k->kq);
    s4j_mutex_close(k->lock);
    s4j_handle_map_free(&k->interest);
    free(k);
}

/* The two changes that set h's filters to interest, carrying token. */
static void filters(struct kevent change[2], s4j_handle h, uint32_t interest, uint64_t token) {
    unsigned short trigger = ((interest & S4J_POLL_EDGE) ? EV_CLEAR : 0) |
                             ((interest & S4J_POLL_ONESHOT) ? EV_DISPATCH : 0);
    void *udata = (void *)(uintptr_t)token;
    EV_SET(&change[0], (uintptr_t)h, EVFILT_READ,
           EV_ADD | trigger | ((interest & S4J_POLL_IN) ? EV_ENABLE : EV_DISABLE), 0, 0, udata);
    EV_SET(&change[1], (uintptr_t)h, EVFILT_WRITE,
           EV_ADD | trigger | ((interest & S4J_POLL_OUT) ? EV_ENABLE : EV_DISABLE), 0, 0, udata);
}

static int32_t apply(struct kq_poller *k, struct kevent *changes, int n) {
    return kevent(k->kq, changes, n, NULL, 0, NULL) < 0 ? s4j_last_error() : 0;
}

static void delete_filters(struct kq_poller *k, s4j_handle h) {
    struct kevent change[2];
    EV_SET(&change[0], (uintptr_t)h, EVFILT_READ, EV_DELETE, 0, 0, NULL);
    EV_SET(&change[1], (uintptr_t)h, EVFILT_WRITE, EV_DELETE, 0, 0, NULL);
    /* one at a time: with no room for receipts, kevent stops at the first change that fails */
    kevent(k->kq, &change[0], 1, NULL, 0, NULL);
    kevent(k->kq, &change[1], 1, NULL, 0, NULL);
}

static int32_t add(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    struct kq_poller *k = of(p);
    s4j_mutex_lock(k->lock);
    int32_t r = s4j_handle_map_put(&k->interest, h, (int32_t)interest);
    if (r == 0) {
        struct kevent change[2];
        filters(change, h, interest, token);
        r = apply(k, change, 2);
        if (r < 0) {
            delete_filters(k, h);
            s4j_handle_map_remove(&k->interest, h);
        }
    }
    s4j_mutex_unlock(k->lock);
    return r;
}

static int32_t modify(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    struct kq_poller *k = of(p);
    s4j_mutex_lock(k->lock);
    int32_t old = s4j_handle_map_get(&k->interest, h);
    int32_t r = old < 0 ? s4j_error(S4J_ENOENT, 0) : 0;
    if (r == 0) {
        /* EV_CLEAR and EV_DISPATCH are fixed when a filter is added: a new trigger needs new filters */
        if (((uint32_t)old ^ interest) & (S4J_POLL_EDGE | S4J_POLL_ONESHOT)) delete_filters(k, h);
        struct kevent change[2];
        filters(change, h, interest, token);
        r = apply(k, change, 2);
        if (r == 0) s4j_handle_map_set(&k->interest, h, (int32_t)interest);
    }
    s4j_mutex_unlock(k->lock);
    return r;
}

static int32_t remove_handle(s4j_poller *p, s4j_handle h) {
    struct kq_poller *k = of(p);
    s4j_mutex_lock(k->lock);
    int32_t old = s4j_handle_map_remove(&k->interest, h);
    if (old >= 0) delete_filters(k, h);
    s4j_mutex_unlock(k->lock);
    return old >= 0 ? 0 : s4j_error(S4J_ENOENT, 0);
}

static uint32_t ready_bits(const struct kevent *ev) {
    uint32_t ready = 0;
    if (ev->filter == EVFILT_READ) {
        ready = S4J_POLL_IN;
        if (ev->flags & EV_EOF) ready |= S4J_POLL_RDHUP;
    } else {
        ready = S4J_POLL_OUT;
        if (ev->flags & EV_EOF) ready |= S4J_POLL_HUP;
    }
    /* with EV_EOF, fflags holds the socket's pending error, e.g. a refused connect */
    if ((ev->flags & EV_ERROR) || ((ev->flags & EV_EOF) && ev->fflags != 0)) ready |= S4J_POLL_ERR;
    return ready;
}

static int32_t wait_kqueue(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms) {
    struct kq_poller *k = of(p);
    struct kevent got[KQ_BATCH];
    int want = capacity < KQ_BATCH ? capacity : KQ_BATCH;
    int64_t deadline = timeout_ms > 0 ? s4j_clock_ms() + timeout_ms : 0;
    int n;
    for (;;) {
        struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
        n = kevent(k->kq, NULL, 0, got, want, timeout_ms < 0 ? NULL : &ts);
        if (n >= 0) break;
        if (errno != EINTR) return s4j_last_error();
        if (timeout_ms > 0) {
            int64_t left = deadline - s4j_clock_ms();
            if (left <= 0) return 0;
            timeout_ms = (int32_t)left;
        }
    }
    struct kevent disarm[KQ_BATCH];
    int disarms = 0;
    int32_t count = 0;
    s4j_mutex_lock(k->lock);
    for (int i = 0; i < n; i++) {
        if (got[i].filter == EVFILT_USER) continue;
        s4j_handle h = (s4j_handle)got[i].ident;
        int32_t interest = s4j_handle_map_get(&k->interest, h);
        if (interest < 0) continue; /* removed since kevent() returned */
        if (interest & S4J_POLL_ONESHOT) {
            /* the reporting filter disarmed itself (EV_DISPATCH); the other one must not report either */
            EV_SET(&disarm[disarms], got[i].ident, got[i].filter == EVFILT_READ ? EVFILT_WRITE : EVFILT_READ,
                   EV_DISABLE | EV_RECEIPT, 0, 0, NULL);
            disarms++;
        }
        events[count].token = (uint64_t)(uintptr_t)got[i].udata;
        events[count].ready = ready_bits(&got[i]);
        events[count].reserved = 0;
        count++;
    }
    if (disarms > 0) {
        /* EV_RECEIPT: every change is made and answered in got, instead of stopping at the first that fails
           (a filter the handle's close already dropped) */
        static const struct timespec now = {0, 0};
        kevent(k->kq, disarm, disarms, got, disarms, &now);
    }
    s4j_mutex_unlock(k->lock);
    return count;
}

static int32_t wakeup_kqueue(s4j_poller *p) {
    struct kevent wake;
    EV_SET(&wake, KQ_WAKE_IDENT, EVFILT_USER, 0, NOTE_TRIGGER, 0, NULL);
    return kevent(of(p)->kq, &wake, 1, NULL, 0, NULL) < 0 ? s4j_last_error() : 0;
}

static const struct s4j_poller_ops kqueue_ops = {
    .mechanism = "kqueue",
    .edge = 1,
    .open = open_kqueue,
    .add = add,
    .modify = modify,
    .remove = remove_handle,
    .wait = wait_kqueue,
    .wakeup = wakeup_kqueue,
    .close = close_kqueue,
};

const struct s4j_poller_ops *s4j_native_poller_ops(void) { return &kqueue_ops; }
