/* poller.h against the real kernel, for both kinds: the native one and the table over poll(). */
#include <string.h>

#include "check.h"
#include "portable.h"
#include "../src/core/socketpair.h"
#include "sockets4j/errors.h"
#include "sockets4j/library.h"
#include "sockets4j/poller.h"
#include "sockets4j/socket.h"

#define TOKEN_A 0x1122334455667788ull
#define TOKEN_B 42ull

struct pair {
    int64_t a, b;
};

static struct pair stream_pair(void) {
    int64_t h[2] = {-1, -1};
    CHECK_EQ(s4j_socket_pair(AF_INET, SOCK_STREAM, 0, h), 0);
    struct pair p = {h[0], h[1]};
    return p;
}

static void close_pair(struct pair p) {
    s4j_socket_close(p.a);
    s4j_socket_close(p.b);
}

static s4j_poller *open_kind(int32_t kind) {
    s4j_poller *p = NULL;
    CHECK_EQ(s4j_poller_open(kind, &p), 0);
    return p;
}

/* One wait: how many events, the first written to *first. */
static int32_t wait_one(s4j_poller *p, int32_t timeout_ms, s4j_poll_event *first) {
    s4j_poll_event events[8];
    memset(events, 0, sizeof events);
    int32_t n = s4j_poller_wait(p, events, 8, timeout_ms);
    if (n > 0) *first = events[0];
    return n;
}

static void readable_and_writable(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    s4j_poll_event e;
    CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN, TOKEN_A), 0);
    CHECK_EQ(wait_one(p, 0, &e), 0);
    CHECK_EQ(s4j_socket_send(s.a, "x", 1, 0, NULL), 1);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK(e.token == TOKEN_A);
    CHECK_EQ(e.ready, S4J_POLL_IN);
    /* level: still readable, still reported */
    CHECK_EQ(wait_one(p, 0, &e), 1);
    CHECK_EQ(s4j_poller_modify(p, s.b, S4J_POLL_OUT, TOKEN_B), 0);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK(e.token == TOKEN_B);
    CHECK_EQ(e.ready, S4J_POLL_OUT);
    CHECK_EQ(s4j_poller_modify(p, s.b, 0, TOKEN_B), 0);
    CHECK_EQ(wait_one(p, 0, &e), 0);
    CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    s4j_poller_close(p);
    close_pair(s);
}

static void hang_up(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    s4j_poll_event e;
    /* kqueue tells a hang-up on the write filter only: with interest in reading it says RDHUP (kqueue.c) */
    int kq = strcmp(s4j_poller_mechanism(p), "kqueue") == 0;
    CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN, TOKEN_A), 0);
    s4j_socket_close(s.a);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK((e.ready & S4J_POLL_IN) != 0); /* end of stream is readable */
    CHECK_EQ(s4j_socket_shutdown(s.b, T_SHUT_WR), 0);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK((e.ready & (kq ? S4J_POLL_RDHUP : S4J_POLL_HUP)) != 0);
    /* hang-ups come whatever the interest; on kqueue with an interest in writing */
    CHECK_EQ(s4j_poller_modify(p, s.b, kq ? S4J_POLL_OUT : 0, TOKEN_B), 0);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK((e.ready & S4J_POLL_HUP) != 0);
    CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    s4j_poller_close(p);
    s4j_socket_close(s.b);
}

/* A non-blocking connect to a port nobody listens on: reported with an error or a hang-up. */
static void refused_connect(int32_t kind) {
    s4j_address nobody;
    int64_t listener = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    s4j_address any;
    s4j_address_loopback(S4J_AF_INET, &any);
    CHECK_EQ(s4j_socket_bind(listener, &any), 0);
    CHECK_EQ(s4j_socket_local_address(listener, &nobody), 0);
    s4j_socket_close(listener);
    int64_t h = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    CHECK_EQ(s4j_socket_set_blocking(h, 0), 0);
    int32_t r = s4j_socket_connect(h, &nobody);
    if (r < 0 && s4j_error_portable(r) == S4J_EINPROGRESS) {
        s4j_poller *p = open_kind(kind);
        s4j_poll_event e;
        CHECK_EQ(s4j_poller_add(p, h, S4J_POLL_OUT, 3), 0);
        CHECK_EQ(wait_one(p, 5000, &e), 1);
        CHECK((e.ready & (S4J_POLL_ERR | S4J_POLL_HUP)) != 0);
        CHECK_EQ(s4j_poller_remove(p, h), 0);
        s4j_poller_close(p);
    } else {
        CHECK_EQ(s4j_error_portable(r), S4J_ECONNREFUSED); /* refused at once: nothing to wait for */
    }
    s4j_socket_close(h);
}

static void edge_and_level(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    s4j_poll_event e;
    if (!s4j_poller_edge_supported(kind)) {
        CHECK_EQ(s4j_error_portable(s4j_poller_add(p, s.b, S4J_POLL_IN | S4J_POLL_EDGE, 1)), S4J_EOPNOTSUPP);
    } else {
        CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN | S4J_POLL_EDGE, 1), 0);
        CHECK_EQ(s4j_socket_send(s.a, "x", 1, 0, NULL), 1);
        CHECK_EQ(wait_one(p, 1000, &e), 1);
        CHECK_EQ(wait_one(p, 0, &e), 0); /* no new data: no new edge */
        CHECK_EQ(s4j_socket_send(s.a, "y", 1, 0, NULL), 1);
        CHECK_EQ(wait_one(p, 1000, &e), 1);
        CHECK_EQ(e.ready & S4J_POLL_IN, S4J_POLL_IN);
        CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    }
    s4j_poller_close(p);
    close_pair(s);
}

static void one_shot(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    s4j_poll_event e;
    CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN | S4J_POLL_OUT | S4J_POLL_ONESHOT, 7), 0);
    CHECK_EQ(s4j_socket_send(s.a, "x", 1, 0, NULL), 1);
    test_sleep_ms(20);
    s4j_poll_event events[8];
    int32_t n = s4j_poller_wait(p, events, 8, 1000);
    CHECK(n >= 1); /* kqueue may report the two directions apart */
    CHECK_EQ(wait_one(p, 0, &e), 0); /* disarmed, both directions */
    CHECK_EQ(s4j_poller_modify(p, s.b, S4J_POLL_IN | S4J_POLL_ONESHOT, 8), 0);
    CHECK_EQ(wait_one(p, 1000, &e), 1);
    CHECK(e.token == 8);
    CHECK_EQ(e.ready, S4J_POLL_IN);
    CHECK_EQ(wait_one(p, 0, &e), 0);
    CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    s4j_poller_close(p);
    close_pair(s);
}

struct waiter {
    s4j_poller *p;
    int32_t timeout_ms;
    int32_t result;
    s4j_poll_event event;
};

static void wait_in_thread(void *arg) {
    struct waiter *w = arg;
    w->result = wait_one(w->p, w->timeout_ms, &w->event);
}

static void wakeup(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    s4j_poll_event e;
    /* before the wait: the next wait returns at once; wakeups coalesce */
    CHECK_EQ(s4j_poller_wakeup(p), 0);
    CHECK_EQ(s4j_poller_wakeup(p), 0);
    CHECK_EQ(wait_one(p, -1, &e), 0);
    CHECK_EQ(wait_one(p, 0, &e), 0);
    /* from another thread during a wait without limit */
    struct waiter w = {p, -1, -99, {0, 0, 0}};
    struct test_thread_body body = {wait_in_thread, &w};
    test_thread t;
    CHECK_EQ(test_thread_start(&t, &body), 0);
    test_sleep_ms(50);
    CHECK_EQ(s4j_poller_wakeup(p), 0);
    test_thread_join(t);
    CHECK_EQ(w.result, 0);
    s4j_poller_close(p);
}

static void changes_during_a_wait(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    struct pair other = stream_pair();
    CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN, TOKEN_A), 0);
    /* removed during a wait: its data comes in, and the wait reports nothing */
    struct waiter w = {p, -1, -99, {0, 0, 0}};
    struct test_thread_body body = {wait_in_thread, &w};
    test_thread t;
    CHECK_EQ(test_thread_start(&t, &body), 0);
    test_sleep_ms(50);
    CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    CHECK_EQ(s4j_socket_send(s.a, "x", 1, 0, NULL), 1);
    test_sleep_ms(50);
    CHECK_EQ(s4j_poller_wakeup(p), 0);
    test_thread_join(t);
    CHECK_EQ(w.result, 0);
    /* added during a wait: the wait sees it */
    w.result = -99;
    CHECK_EQ(test_thread_start(&t, &body), 0);
    test_sleep_ms(50);
    CHECK_EQ(s4j_socket_send(other.a, "x", 1, 0, NULL), 1);
    CHECK_EQ(s4j_poller_add(p, other.b, S4J_POLL_IN, TOKEN_B), 0);
    test_thread_join(t);
    CHECK_EQ(w.result, 1);
    CHECK(w.event.token == TOKEN_B);
    /* a one-shot registration armed again during a wait: the wait sees it (what a parker relies on) */
    CHECK_EQ(s4j_poller_modify(p, other.b, S4J_POLL_IN | S4J_POLL_ONESHOT, TOKEN_A), 0);
    CHECK_EQ(wait_one(p, 1000, &w.event), 1);
    CHECK_EQ(wait_one(p, 0, &w.event), 0);
    w.result = -99;
    CHECK_EQ(test_thread_start(&t, &body), 0);
    test_sleep_ms(50);
    CHECK_EQ(s4j_poller_modify(p, other.b, S4J_POLL_IN | S4J_POLL_ONESHOT, TOKEN_B), 0);
    test_thread_join(t);
    CHECK_EQ(w.result, 1);
    CHECK(w.event.token == TOKEN_B);
    CHECK_EQ(s4j_poller_remove(p, other.b), 0);
    s4j_poller_close(p);
    close_pair(s);
    close_pair(other);
}

static void timeout_and_bad_input(int32_t kind) {
    s4j_poller *p = open_kind(kind);
    struct pair s = stream_pair();
    s4j_poll_event e;
    CHECK_EQ(wait_one(p, 30, &e), 0);
    CHECK_EQ(s4j_error_portable(s4j_poller_remove(p, s.b)), S4J_ENOENT);
    CHECK_EQ(s4j_error_portable(s4j_poller_modify(p, s.b, S4J_POLL_IN, 1)), S4J_ENOENT);
    CHECK_EQ(s4j_poller_add(p, s.b, S4J_POLL_IN, 1), 0);
    CHECK_EQ(s4j_error_portable(s4j_poller_add(p, s.b, S4J_POLL_IN, 1)), S4J_EEXIST);
    CHECK_EQ(s4j_error_portable(s4j_poller_modify(p, s.b, 0x4000, 1)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_poller_modify(p, s.b, S4J_POLL_IN, S4J_POLL_TOKEN_RESERVED)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_poller_wait(p, &e, 0, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_poller_wait(p, &e, 1, -2)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_poller_wait(p, NULL, 1, 0)), S4J_EFAULT);
    CHECK_EQ(s4j_poller_remove(p, s.b), 0);
    s4j_poller_close(p);
    close_pair(s);
}

/* More registrations than one wait's capacity: every one is reported over a few waits. */
static void many(int32_t kind) {
    enum { N = 100 };
    s4j_poller *p = open_kind(kind);
    struct pair s[N];
    int seen[N] = {0};
    for (int i = 0; i < N; i++) {
        s[i] = stream_pair();
        CHECK_EQ(s4j_poller_add(p, s[i].b, S4J_POLL_IN | S4J_POLL_ONESHOT, (uint64_t)i), 0);
        CHECK_EQ(s4j_socket_send(s[i].a, "x", 1, 0, NULL), 1);
    }
    int total = 0;
    for (int round = 0; round < 100 && total < N; round++) {
        s4j_poll_event events[16];
        int32_t n = s4j_poller_wait(p, events, 16, 1000);
        CHECK(n >= 0 && n <= 16);
        for (int32_t i = 0; i < n; i++) {
            CHECK(events[i].token < N);
            if (events[i].token < N && !seen[events[i].token]++) total++;
        }
    }
    CHECK_EQ(total, N);
    for (int i = 0; i < N; i++) {
        CHECK_EQ(seen[i], 1);
        CHECK_EQ(s4j_poller_remove(p, s[i].b), 0);
        close_pair(s[i]);
    }
    s4j_poller_close(p);
}

static void kind(int32_t k, const char *name) {
    if (!s4j_poller_supported(k)) {
        printf("%s kind: not on this platform\n", name);
        return;
    }
    s4j_poller *p = open_kind(k);
    printf("%s kind: %s, edge %s\n", name, p ? s4j_poller_mechanism(p) : "?", s4j_poller_edge_supported(k) ? "yes" : "no");
    s4j_poller_close(p);
    readable_and_writable(k);
    hang_up(k);
    refused_connect(k);
    edge_and_level(k);
    one_shot(k);
    wakeup(k);
    changes_during_a_wait(k);
    timeout_and_bad_input(k);
    many(k);
}

int main(void) {
    if (s4j_library_init() < 0) {
        fprintf(stderr, "s4j_library_init failed\n");
        return 1;
    }
    s4j_poller *p = NULL;
    CHECK_EQ(s4j_error_portable(s4j_poller_open(7, &p)), S4J_EINVAL);
    kind(S4J_POLLER_NATIVE, "native");
    kind(S4J_POLLER_POLL, "poll");
    s4j_library_cleanup();
    return check_verdict("test_poller");
}
