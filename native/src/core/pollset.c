/*
 * The table kind of poller: the registrations live here, and every wait polls
 * a snapshot of them with the OS's poll call (core/pollset.h). What epoll and
 * kqueue do in the kernel is done here once for every OS: one-shot disarming,
 * EEXIST and ENOENT, and dropping what was removed or changed while a wait
 * was under way.
 *
 * Slots never move while registered, and each registration gets a serial
 * number, so a waiter that polled slot i can tell afterwards whether slot i
 * still holds the registration it polled. Any change made during a wait
 * signals the wake channel, so the waiter polls a fresh snapshot; only a
 * wakeup() or a timeout ends a wait with nothing to report.
 */
#include <stdlib.h>
#include <string.h>

#include "handlemap.h"
#include "poller_backend.h"
#include "pollset.h"
#include "sockets4j/errors.h"

struct slot {
    s4j_handle handle;
    uint64_t token;
    uint64_t serial; /* 0: free */
    uint32_t interest;
    int armed;       /* a one-shot registration that has not reported since armed */
};

/* What the waiter polled at each index of its array (index 0 is the wake channel). */
struct polled {
    int32_t slot;
    uint64_t serial;
};

struct pollset {
    s4j_poller base;
    s4j_mutex *lock;
    s4j_handle wake[2];
    /* under lock */
    struct slot *slots;
    int32_t slot_count; /* slots in use or freed; the array holds slot_capacity */
    int32_t slot_capacity;
    int32_t *free_slots; /* a stack of freed slots below slot_count, slot_capacity long */
    int32_t free_count;
    s4j_handle_map by_handle; /* handle -> slot */
    uint64_t next_serial;
    int waiting;     /* a wait is between its snapshot and its results */
    int signalled;   /* the wake channel holds unread bytes */
    int woken;       /* wakeup() was called since the last wait returned */
    /* the waiter's own: one waiter at a time, grown under lock */
    void *fds;
    struct polled *polled;
    int32_t polled_capacity;
    int32_t start; /* rotates, so that a small capacity does not always favour the first slots */
};

static struct pollset *of(s4j_poller *p) { return (struct pollset *)p; }

static int32_t open_pollset(s4j_poller **out) {
    struct pollset *s = calloc(1, sizeof *s);
    if (s == NULL) return s4j_error(S4J_ENOMEM, 0);
    s->base.ops = &s4j_pollset_ops;
    s->next_serial = 1;
    int32_t r = s4j_mutex_open(&s->lock);
    if (r < 0) {
        free(s);
        return r;
    }
    r = s4j_wake_open(s->wake);
    if (r < 0) {
        s4j_mutex_close(s->lock);
        free(s);
        return r;
    }
    *out = &s->base;
    return 0;
}

static void close_pollset(s4j_poller *p) {
    struct pollset *s = of(p);
    s4j_wake_close(s->wake);
    s4j_mutex_close(s->lock);
    free(s->slots);
    free(s->free_slots);
    s4j_handle_map_free(&s->by_handle);
    free(s->fds);
    free(s->polled);
    free(s);
}

/* Under lock: a wait under way polls again with what changed. */
static void changed(struct pollset *s) {
    if (s->waiting && !s->signalled && s4j_wake_signal(s->wake[1]) == 0) s->signalled = 1;
}

/* Under lock: a slot to fill, or an error. */
static int32_t take_slot(struct pollset *s) {
    if (s->free_count > 0) return s->free_slots[--s->free_count];
    if (s->slot_count == s->slot_capacity) {
        /* the waiter's arrays hold one more (the wake channel), so the table stays below INT32_MAX - 1 */
        if (s->slot_capacity > (INT32_MAX - 2) / 2) return s4j_error(S4J_ENOMEM, 0);
        int32_t capacity = s->slot_capacity == 0 ? 16 : s->slot_capacity * 2;
        struct slot *slots = realloc(s->slots, (size_t)capacity * sizeof *slots);
        if (slots == NULL) return s4j_error(S4J_ENOMEM, 0);
        s->slots = slots;
        int32_t *free_slots = realloc(s->free_slots, (size_t)capacity * sizeof *free_slots);
        if (free_slots == NULL) return s4j_error(S4J_ENOMEM, 0);
        s->free_slots = free_slots;
        s->slot_capacity = capacity;
    }
    s->slots[s->slot_count].serial = 0;
    return s->slot_count++;
}

static int32_t add(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    struct pollset *s = of(p);
    s4j_mutex_lock(s->lock);
    int32_t r = s4j_handle_map_get(&s->by_handle, h) >= 0 ? s4j_error(S4J_EEXIST, 0) : take_slot(s);
    if (r >= 0) {
        int32_t i = r;
        r = s4j_handle_map_put(&s->by_handle, h, i);
        if (r < 0) {
            s->free_slots[s->free_count++] = i;
        } else {
            struct slot *e = &s->slots[i];
            e->handle = h;
            e->token = token;
            e->interest = interest;
            e->armed = 1;
            e->serial = s->next_serial++;
            changed(s);
        }
    }
    s4j_mutex_unlock(s->lock);
    return r;
}

static int32_t modify(s4j_poller *p, s4j_handle h, uint32_t interest, uint64_t token) {
    struct pollset *s = of(p);
    s4j_mutex_lock(s->lock);
    int32_t i = s4j_handle_map_get(&s->by_handle, h);
    if (i >= 0) {
        s->slots[i].interest = interest;
        s->slots[i].token = token;
        s->slots[i].armed = 1;
        changed(s);
    }
    s4j_mutex_unlock(s->lock);
    return i >= 0 ? 0 : s4j_error(S4J_ENOENT, 0);
}

static int32_t remove_handle(s4j_poller *p, s4j_handle h) {
    struct pollset *s = of(p);
    s4j_mutex_lock(s->lock);
    int32_t i = s4j_handle_map_remove(&s->by_handle, h);
    if (i >= 0) {
        s->slots[i].serial = 0;
        s->free_slots[s->free_count++] = i;
        changed(s);
    }
    s4j_mutex_unlock(s->lock);
    return i >= 0 ? 0 : s4j_error(S4J_ENOENT, 0);
}

/* Under lock: fills the waiter's array from the table; returns its length or an error. */
static int32_t snapshot(struct pollset *s) {
    int32_t need = s->slot_count + 1;
    if (need > s->polled_capacity) {
        void *fds = realloc(s->fds, (size_t)need * s4j_pollfd_size);
        if (fds == NULL) return s4j_error(S4J_ENOMEM, 0);
        s->fds = fds;
        struct polled *polled = realloc(s->polled, (size_t)need * sizeof *polled);
        if (polled == NULL) return s4j_error(S4J_ENOMEM, 0);
        s->polled = polled;
        s->polled_capacity = need;
    }
    s4j_pollfd_set(s->fds, 0, s->wake[0], S4J_POLL_IN);
    int32_t n = 1;
    for (int32_t i = 0; i < s->slot_count; i++) {
        const struct slot *e = &s->slots[i];
        if (e->serial == 0 || !e->armed) continue;
        s4j_pollfd_set(s->fds, n, e->handle, e->interest & (S4J_POLL_IN | S4J_POLL_OUT));
        s->polled[n].slot = i;
        s->polled[n].serial = e->serial;
        n++;
    }
    return n;
}

/* Under lock: the events of what is still registered as it was polled; disarms what is one-shot. */
static int32_t results(struct pollset *s, int32_t n, s4j_poll_event *events, int32_t capacity) {
    if (s4j_pollfd_ready(s->fds, 0) != 0) {
        s4j_wake_drain(s->wake[0]);
        s->signalled = 0;
    }
    int32_t count = 0;
    int32_t polled = n - 1;
    int32_t first = polled > 0 ? s->start % polled : 0;
    s->start = first + 1;
    for (int32_t k = 0; k < polled && count < capacity; k++) {
        int32_t index = 1 + (first + k) % polled;
        uint32_t ready = s4j_pollfd_ready(s->fds, index);
        if (ready == 0) continue;
        struct slot *e = &s->slots[s->polled[index].slot];
        if (e->serial != s->polled[index].serial || !e->armed) continue;
        ready &= (e->interest & (S4J_POLL_IN | S4J_POLL_OUT)) | S4J_POLL_ERR | S4J_POLL_HUP | S4J_POLL_RDHUP;
        if ((e->interest & S4J_POLL_IN) == 0) ready &= ~(uint32_t)S4J_POLL_RDHUP;
        if (ready == 0) continue;
        if ((e->interest & S4J_POLL_ONESHOT) != 0) e->armed = 0;
        events[count].token = e->token;
        events[count].ready = ready;
        events[count].reserved = 0;
        count++;
    }
    return count;
}

static int32_t wait_pollset(s4j_poller *p, s4j_poll_event *events, int32_t capacity, int32_t timeout_ms) {
    struct pollset *s = of(p);
    int64_t deadline = timeout_ms > 0 ? s4j_clock_ms() + timeout_ms : 0;
    int32_t remaining = timeout_ms;
    for (;;) {
        s4j_mutex_lock(s->lock);
        int32_t n = snapshot(s);
        if (n >= 0) s->waiting = 1;
        s4j_mutex_unlock(s->lock);
        if (n < 0) return n;
        int32_t r = s4j_pollfd_wait(s->fds, n, remaining);
        s4j_mutex_lock(s->lock);
        s->waiting = 0;
        int32_t count = r < 0 ? r : results(s, n, events, capacity);
        int woken = s->woken;
        s->woken = 0;
        s4j_mutex_unlock(s->lock);
        if (count != 0 || woken || r == 0) return count;
        /* only changes to the table, or what they dropped, were ready: poll again with what is left */
        if (timeout_ms > 0) {
            int64_t left = deadline - s4j_clock_ms();
            if (left <= 0) return 0;
            remaining = (int32_t)left;
        }
    }
}

static int32_t wakeup_pollset(s4j_poller *p) {
    struct pollset *s = of(p);
    int32_t r = 0;
    s4j_mutex_lock(s->lock);
    s->woken = 1;
    if (!s->signalled) {
        r = s4j_wake_signal(s->wake[1]);
        if (r == 0) s->signalled = 1;
    }
    s4j_mutex_unlock(s->lock);
    return r;
}

const struct s4j_poller_ops s4j_pollset_ops = {
    .mechanism = s4j_pollfd_mechanism,
    .edge = 0,
    .open = open_pollset,
    .add = add,
    .modify = modify,
    .remove = remove_handle,
    .wait = wait_pollset,
    .wakeup = wakeup_pollset,
    .close = close_pollset,
};
