/*
 * The C reference of PollerLoop.java: an epoll event loop over socket pairs,
 * doing per event what the Java benchmark does with org.sockets4j.Poller.
 *
 *   poller_event_ns   one readiness event handled: epoll_wait's share, recv() of
 *                     the 1 byte that made the socket readable, send() of a
 *                     1-byte answer on the same socket
 *
 * Shape (the same in PollerLoop.java): N connected AF_UNIX stream pairs
 * (socketpair, non-blocking), both ends registered level-triggered for reading,
 * one byte in flight per pair. The loop plays both sides of every pair: the
 * byte it receives on one end it answers on that end, which makes the other end
 * readable for a later round. So every epoll_wait finds about N ready sockets
 * and every event costs one recv and one send, on one thread: no wake-up of
 * another thread enters the measurement (across this VM's CPUs a wake-up alone
 * costs tens of microseconds, see bench/README.md).
 *
 * Each round handles batches of EVENTS_PER_BATCH events until the round time is
 * up; the printed score is the mean of the measured rounds' ns per event.
 * Output lines: "<name> <ns per event>"; lines starting with '#' are comments.
 *
 * Usage: s4j_bench_pollloop [-w warmup_rounds] [-i rounds] [-t seconds_per_round] [-n pairs]
 */
#define _GNU_SOURCE /* SOCK_NONBLOCK, SOCK_CLOEXEC, MSG_NOSIGNAL on glibc */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROUNDS 1000
#define MAX_PAIRS 10000
#define EVENT_CAPACITY 128 /* the Java benchmark's Poller.Events capacity */
#define EVENTS_PER_BATCH 1000 /* events between two looks at the clock; PollerLoop's ops per invocation */

static void fail(const char *what) {
    fprintf(stderr, "pollloop: %s: %s\n", what, strerror(errno));
    exit(1);
}

static double now_ns(void) {
    struct timespec t;
    if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) fail("clock_gettime");
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

struct loop {
    int epoll;
    int pairs;
    int *fds; /* ends 2i and 2i + 1 are pair i */
    struct epoll_event events[EVENT_CAPACITY];
};

static void open_loop(struct loop *l, int pairs) {
    l->pairs = pairs;
    l->fds = malloc(sizeof *l->fds * (size_t)pairs * 2);
    if (l->fds == NULL) fail("malloc");
    l->epoll = epoll_create1(EPOLL_CLOEXEC);
    if (l->epoll == -1) fail("epoll_create1");
    for (int i = 0; i < pairs; i++) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, &l->fds[2 * i]) == -1) fail("socketpair");
    }
    for (int k = 0; k < 2 * pairs; k++) {
        struct epoll_event e = {.events = EPOLLIN, .data.u32 = (unsigned)k};
        if (epoll_ctl(l->epoll, EPOLL_CTL_ADD, l->fds[k], &e) == -1) fail("epoll_ctl");
    }
    for (int i = 0; i < pairs; i++) { /* one byte in flight per pair */
        if (send(l->fds[2 * i], "x", 1, MSG_NOSIGNAL) != 1) fail("send (seed)");
    }
}

static void close_loop(struct loop *l) {
    for (int k = 0; k < 2 * l->pairs; k++) {
        close(l->fds[k]);
    }
    close(l->epoll);
    free(l->fds);
}

/*
 * Handles exactly `wanted` events. Events an epoll_wait reported beyond that are
 * left for the next call; being level-triggered, they are reported again.
 */
static void handle(struct loop *l, long wanted) {
    char byte;
    while (wanted > 0) {
        int n = epoll_wait(l->epoll, l->events, EVENT_CAPACITY, -1);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("epoll_wait");
        }
        for (int i = 0; i < n && wanted > 0; i++, wanted--) {
            unsigned k = l->events[i].data.u32;
            if (recv(l->fds[k], &byte, 1, 0) != 1) fail("recv");
            if (send(l->fds[k], &byte, 1, MSG_NOSIGNAL) != 1) fail("send");
        }
    }
}

static double round_of(struct loop *l, double round_ns) {
    long events = 0;
    double start = now_ns();
    double elapsed;
    do {
        handle(l, EVENTS_PER_BATCH);
        events += EVENTS_PER_BATCH;
        elapsed = now_ns() - start;
    } while (elapsed < round_ns);
    return elapsed / (double)events;
}

static void usage(void) {
    fprintf(stderr, "usage: s4j_bench_pollloop [-w warmup_rounds] [-i rounds] [-t seconds_per_round] [-n pairs]\n");
    exit(2);
}

static long whole_number(const char *text, long lowest, long highest) {
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < lowest || value > highest) usage();
    return value;
}

int main(int argc, char **argv) {
    int warmup_rounds = 3;
    int rounds = 5;
    double round_ns = 1e9;
    int pairs = 100;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) usage();
        if (strcmp(argv[i], "-w") == 0) {
            warmup_rounds = (int)whole_number(argv[++i], 0, MAX_ROUNDS);
        } else if (strcmp(argv[i], "-i") == 0) {
            rounds = (int)whole_number(argv[++i], 1, MAX_ROUNDS);
        } else if (strcmp(argv[i], "-n") == 0) {
            pairs = (int)whole_number(argv[++i], 1, MAX_PAIRS);
        } else if (strcmp(argv[i], "-t") == 0) {
            char *end;
            double seconds = strtod(argv[++i], &end);
            if (end == argv[i] || *end != '\0' || !(seconds > 0.0 && seconds <= 3600.0)) usage();
            round_ns = seconds * 1e9;
        } else {
            usage();
        }
    }

    struct loop l;
    open_loop(&l, pairs);
    printf("# sockets4j C reference: epoll loop over %d AF_UNIX socket pairs, 1 byte in flight per pair;"
           " %d warm-up + %d measured rounds of %.2f s\n", pairs, warmup_rounds, rounds, round_ns / 1e9);
    for (int i = 0; i < warmup_rounds; i++) {
        round_of(&l, round_ns);
    }
    double sum = 0.0;
    double min = 0.0;
    double max = 0.0;
    for (int i = 0; i < rounds; i++) {
        double score = round_of(&l, round_ns);
        sum += score;
        if (i == 0 || score < min) min = score;
        if (i == 0 || score > max) max = score;
    }
    printf("# poller_event_ns: %d rounds, min %.1f, max %.1f ns/event\n", rounds, min, max);
    printf("poller_event_ns %.1f\n", sum / rounds);
    close_loop(&l);
    return 0;
}
