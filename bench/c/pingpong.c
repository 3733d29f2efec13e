/*
 * The C reference of the JMH benchmarks in bench/: the same system calls
 * sockets4j makes, with no JVM anywhere, so that bench/run can say how far a
 * Java call sits from the bare kernel call.
 *
 *   tcp_roundtrip_ns            send() 64 bytes, recv() the 64-byte echo, on a
 *                               connected AF_INET stream socket (TcpRoundTrip)
 *   udp_roundtrip_ns            sendto() + recvfrom() of a 64-byte datagram (UdpRoundTrip)
 *   udp_connected_roundtrip_ns  send() + recv() on a connected datagram socket (UdpRoundTrip)
 *   socket_open_close_ns        socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC) + close() (OpenClose)
 *   unix_bulk_4mib_ns           recv() into a 4 MiB buffer until 4 MiB arrived, from a Unix-domain
 *                               stream whose peer thread sends without pause (BulkReceive)
 *   sockopt_get_int_ns          getsockopt(SO_RCVBUF) into an int, on an unconnected AF_INET stream
 *                               socket (Options); sockopt_set_int_ns: setsockopt of 65536
 *   sockopt_get_type_ns         getsockopt(SO_TYPE) (Options)
 *   sockopt_get_flag_ns         getsockopt(TCP_NODELAY); sockopt_set_flag_ns: setsockopt of 1 (Options)
 *   sockopt_get_linger_ns       getsockopt(SO_LINGER) into a struct linger; sockopt_set_linger_ns:
 *                               setsockopt of {1, 5} (Options)
 *
 * The echo peers run on a second thread, as the JDK echo threads of the Java
 * benchmarks do; the TCP peer and the client set TCP_NODELAY, like theirs (see
 * TcpRoundTrip.java on Nagle).
 * Sends pass MSG_NOSIGNAL, sockets are opened with SOCK_CLOEXEC: as in sockets4j.
 *
 * Each test runs warm-up rounds, then measured rounds of a fixed time; a round's
 * score is its time divided by its operations, and the printed score the mean of
 * the measured rounds (what JMH reports for AverageTime). Output: one line
 * "<name> <ns per op>" per test; lines starting with '#' are comments.
 *
 * Usage: s4j_bench_pingpong [-w warmup_rounds] [-i rounds] [-t seconds_per_round] [test...]
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE_SIZE 64
#define BULK_TOTAL (4 << 20)
#define BULK_SEND_CHUNK (256 * 1024)
#define MAX_ROUNDS 1000

#ifdef MSG_NOSIGNAL
#define SEND_FLAGS MSG_NOSIGNAL
#else
#define SEND_FLAGS 0
#endif

#ifdef SOCK_CLOEXEC
#define OPEN_FLAGS SOCK_CLOEXEC
#else
#define OPEN_FLAGS 0
#endif

static void fail(const char *what) {
    fprintf(stderr, "pingpong: %s: %s\n", what, strerror(errno));
    exit(1);
}

static double now_ns(void) {
    struct timespec t;
    if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) fail("clock_gettime");
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int open_socket(int type) {
    int fd = socket(AF_INET, type | OPEN_FLAGS, 0);
    if (fd == -1) fail("socket");
    return fd;
}

/* A socket of the given type bound to 127.0.0.1 on a port the kernel picks; *address gets the result. */
static int bound_loopback(int type, struct sockaddr_in *address) {
    int fd = open_socket(type);
    memset(address, 0, sizeof *address);
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address->sin_port = 0;
    if (bind(fd, (const struct sockaddr *)address, sizeof *address) == -1) fail("bind");
    socklen_t length = sizeof *address;
    if (getsockname(fd, (struct sockaddr *)address, &length) == -1) fail("getsockname");
    return fd;
}

/* Sends all of buf[0, length) on a stream socket. */
static void send_all(int fd, const char *buf, size_t length) {
    for (size_t sent = 0; sent < length;) {
        ssize_t n = send(fd, buf + sent, length - sent, SEND_FLAGS);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("send");
        }
        sent += (size_t)n;
    }
}

/* Fills buf[0, length) from a stream socket; 0 when the peer closed first, 1 when filled. */
static int recv_all(int fd, char *buf, size_t length) {
    for (size_t received = 0; received < length;) {
        ssize_t n = recv(fd, buf + received, length - received, 0);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("recv");
        }
        if (n == 0) return 0;
        received += (size_t)n;
    }
    return 1;
}

/* ---- echo peers ---------------------------------------------------------------------------------------- */

static void no_delay(int fd) {
    int one = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == -1) fail("setsockopt(TCP_NODELAY)");
}

static void *tcp_echo(void *arg) {
    int listener = *(const int *)arg;
    int fd;
    do {
        fd = accept(listener, NULL, NULL);
    } while (fd == -1 && errno == EINTR);
    if (fd == -1) fail("accept");
    no_delay(fd);
    char buf[MESSAGE_SIZE];
    while (recv_all(fd, buf, sizeof buf)) {
        send_all(fd, buf, sizeof buf);
    }
    close(fd);
    return NULL;
}

/* Sends every datagram back to its source; an empty datagram stops it. */
static void *udp_echo(void *arg) {
    int fd = *(const int *)arg;
    char buf[MESSAGE_SIZE];
    for (;;) {
        struct sockaddr_in source;
        socklen_t length = sizeof source;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&source, &length);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("recvfrom (echo)");
        }
        if (n == 0) return NULL;
        if (sendto(fd, buf, (size_t)n, SEND_FLAGS, (const struct sockaddr *)&source, length) == -1) {
            fail("sendto (echo)");
        }
    }
}

/* ---- the operations measured ----------------------------------------------------------------------------- */

struct client {
    int fd;
    struct sockaddr_in peer;
    char buf[MESSAGE_SIZE];
    char *bulk; /* BULK_TOTAL bytes, for unix_bulk */
};

static void tcp_roundtrip(struct client *c) {
    send_all(c->fd, c->buf, sizeof c->buf);
    if (!recv_all(c->fd, c->buf, sizeof c->buf)) {
        errno = ECONNRESET;
        fail("tcp echo closed");
    }
}

static void check_datagram(ssize_t n, const char *what) {
    if (n == -1) fail(what);
    if (n != MESSAGE_SIZE) {
        fprintf(stderr, "pingpong: %s: %zd bytes, expected %d\n", what, n, MESSAGE_SIZE);
        exit(1);
    }
}

static void udp_roundtrip(struct client *c) {
    check_datagram(sendto(c->fd, c->buf, sizeof c->buf, SEND_FLAGS, (const struct sockaddr *)&c->peer, sizeof c->peer),
                   "sendto");
    struct sockaddr_storage source;
    socklen_t length = sizeof source;
    check_datagram(recvfrom(c->fd, c->buf, sizeof c->buf, 0, (struct sockaddr *)&source, &length), "recvfrom");
}

static void udp_connected_roundtrip(struct client *c) {
    check_datagram(send(c->fd, c->buf, sizeof c->buf, SEND_FLAGS), "send");
    check_datagram(recv(c->fd, c->buf, sizeof c->buf, 0), "recv");
}

static void unix_bulk(struct client *c) {
    for (size_t got = 0; got < BULK_TOTAL;) {
        ssize_t n = recv(c->fd, c->bulk + got, BULK_TOTAL - got, 0);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("recv (bulk)");
        }
        if (n == 0) {
            errno = ECONNRESET;
            fail("bulk feeder closed");
        }
        got += (size_t)n;
    }
}

static void socket_open_close(struct client *c) {
    (void)c;
    if (close(open_socket(SOCK_STREAM)) == -1) fail("close");
}

/* The option tests: one getsockopt or setsockopt of the value the socket already has. */
static void get_int_option(int fd, int level, int name) {
    int value;
    socklen_t length = sizeof value;
    if (getsockopt(fd, level, name, &value, &length) == -1) fail("getsockopt");
}

static void set_int_option(int fd, int level, int name, int value) {
    if (setsockopt(fd, level, name, &value, sizeof value) == -1) fail("setsockopt");
}

static void sockopt_get_int(struct client *c) {
    get_int_option(c->fd, SOL_SOCKET, SO_RCVBUF);
}

static void sockopt_set_int(struct client *c) {
    set_int_option(c->fd, SOL_SOCKET, SO_RCVBUF, 65536);
}

static void sockopt_get_type(struct client *c) {
    get_int_option(c->fd, SOL_SOCKET, SO_TYPE);
}

static void sockopt_get_flag(struct client *c) {
    get_int_option(c->fd, IPPROTO_TCP, TCP_NODELAY);
}

static void sockopt_set_flag(struct client *c) {
    set_int_option(c->fd, IPPROTO_TCP, TCP_NODELAY, 1);
}

static void sockopt_get_linger(struct client *c) {
    struct linger value;
    socklen_t length = sizeof value;
    if (getsockopt(c->fd, SOL_SOCKET, SO_LINGER, &value, &length) == -1) fail("getsockopt(SO_LINGER)");
}

static void sockopt_set_linger(struct client *c) {
    struct linger value = {.l_onoff = 1, .l_linger = 5};
    if (setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &value, sizeof value) == -1) fail("setsockopt(SO_LINGER)");
}

/* ---- timing ---------------------------------------------------------------------------------------------- */

struct settings {
    int warmup_rounds;
    int rounds;
    double round_ns;
};

/* Runs op for one round of about settings->round_ns; returns ns per operation. */
static double round_of(void (*op)(struct client *), struct client *c, double round_ns) {
    enum { BATCH = 16 }; /* operations between two looks at the clock */
    long ops = 0;
    double start = now_ns();
    double elapsed;
    do {
        for (int i = 0; i < BATCH; i++) {
            op(c);
        }
        ops += BATCH;
        elapsed = now_ns() - start;
    } while (elapsed < round_ns);
    return elapsed / (double)ops;
}

static void measure(const char *name, void (*op)(struct client *), struct client *c, const struct settings *s) {
    double scores[MAX_ROUNDS];
    for (int i = 0; i < s->warmup_rounds; i++) {
        round_of(op, c, s->round_ns);
    }
    double sum = 0.0;
    double min = 0.0;
    double max = 0.0;
    for (int i = 0; i < s->rounds; i++) {
        scores[i] = round_of(op, c, s->round_ns);
        sum += scores[i];
        if (i == 0 || scores[i] < min) min = scores[i];
        if (i == 0 || scores[i] > max) max = scores[i];
    }
    printf("# %s: %d rounds, min %.1f, max %.1f ns/op\n", name, s->rounds, min, max);
    printf("%s %.1f\n", name, sum / s->rounds);
    fflush(stdout);
}

/* ---- the tests --------------------------------------------------------------------------------------------- */

static void run_tcp(const struct settings *s) {
    struct sockaddr_in address;
    int listener = bound_loopback(SOCK_STREAM, &address);
    if (listen(listener, 1) == -1) fail("listen");
    pthread_t echo;
    if ((errno = pthread_create(&echo, NULL, tcp_echo, &listener)) != 0) fail("pthread_create");

    struct client c = {.fd = open_socket(SOCK_STREAM), .peer = address};
    memset(c.buf, 'x', sizeof c.buf);
    no_delay(c.fd);
    if (connect(c.fd, (const struct sockaddr *)&address, sizeof address) == -1) fail("connect");
    measure("tcp_roundtrip_ns", tcp_roundtrip, &c, s);

    close(c.fd); /* the echo sees end of stream and returns */
    if ((errno = pthread_join(echo, NULL)) != 0) fail("pthread_join");
    close(listener);
}

static void run_udp(const struct settings *s, int connected) {
    struct sockaddr_in address;
    int server = bound_loopback(SOCK_DGRAM, &address);
    pthread_t echo;
    if ((errno = pthread_create(&echo, NULL, udp_echo, &server)) != 0) fail("pthread_create");

    struct client c = {.fd = open_socket(SOCK_DGRAM), .peer = address};
    memset(c.buf, 'x', sizeof c.buf);
    if (connected) {
        if (connect(c.fd, (const struct sockaddr *)&address, sizeof address) == -1) fail("connect");
        measure("udp_connected_roundtrip_ns", udp_connected_roundtrip, &c, s);
    } else {
        measure("udp_roundtrip_ns", udp_roundtrip, &c, s);
    }

    /* an empty datagram stops the echo */
    if (sendto(c.fd, c.buf, 0, SEND_FLAGS, (const struct sockaddr *)&address, sizeof address) == -1) fail("sendto");
    if ((errno = pthread_join(echo, NULL)) != 0) fail("pthread_join");
    close(c.fd);
    close(server);
}

static void run_udp_unconnected(const struct settings *s) {
    run_udp(s, 0);
}

static void run_udp_connected(const struct settings *s) {
    run_udp(s, 1);
}

static void run_open_close(const struct settings *s) {
    struct client c = {.fd = -1};
    measure("socket_open_close_ns", socket_open_close, &c, s);
}

/* Sends without pause until the other end is closed. */
static void *bulk_feeder(void *arg) {
    int fd = *(const int *)arg;
    static char chunk[BULK_SEND_CHUNK];
    while (send(fd, chunk, sizeof chunk, SEND_FLAGS) > 0 || errno == EINTR) {
    }
    return NULL;
}

static void run_unix_bulk(const struct settings *s) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | OPEN_FLAGS, 0, pair) == -1) fail("socketpair");
    pthread_t feeder;
    if ((errno = pthread_create(&feeder, NULL, bulk_feeder, &pair[1])) != 0) fail("pthread_create");
    struct client c = {.fd = pair[0], .bulk = malloc(BULK_TOTAL)};
    if (c.bulk == NULL) fail("malloc");
    measure("unix_bulk_4mib_ns", unix_bulk, &c, s);
    close(pair[0]); /* the feeder's send fails with EPIPE and it returns */
    if ((errno = pthread_join(feeder, NULL)) != 0) fail("pthread_join");
    close(pair[1]);
    free(c.bulk);
}

static void run_sockopt(const struct settings *s) {
    struct client c = {.fd = open_socket(SOCK_STREAM)};
    measure("sockopt_get_int_ns", sockopt_get_int, &c, s);
    measure("sockopt_set_int_ns", sockopt_set_int, &c, s);
    measure("sockopt_get_type_ns", sockopt_get_type, &c, s);
    measure("sockopt_get_flag_ns", sockopt_get_flag, &c, s);
    measure("sockopt_set_flag_ns", sockopt_set_flag, &c, s);
    measure("sockopt_get_linger_ns", sockopt_get_linger, &c, s);
    measure("sockopt_set_linger_ns", sockopt_set_linger, &c, s);
    close(c.fd);
}

static const struct test {
    const char *name;
    void (*run)(const struct settings *);
} tests[] = {
    {"tcp_roundtrip", run_tcp},
    {"udp_roundtrip", run_udp_unconnected},
    {"udp_connected_roundtrip", run_udp_connected},
    {"socket_open_close", run_open_close},
    {"unix_bulk", run_unix_bulk},
    {"sockopt", run_sockopt},
};

#define TEST_COUNT (sizeof tests / sizeof tests[0])

static void usage(void) {
    fprintf(stderr, "usage: s4j_bench_pingpong [-w warmup_rounds] [-i rounds] [-t seconds_per_round] [test...]\n"
                    "tests:");
    for (size_t i = 0; i < TEST_COUNT; i++) {
        fprintf(stderr, " %s", tests[i].name);
    }
    fprintf(stderr, "\n");
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
    struct settings s = {.warmup_rounds = 3, .rounds = 5, .round_ns = 1e9};
    int first_test = argc;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-') {
            first_test = i;
            break;
        }
        if (i + 1 >= argc) usage();
        if (strcmp(argv[i], "-w") == 0) {
            s.warmup_rounds = (int)whole_number(argv[++i], 0, MAX_ROUNDS);
        } else if (strcmp(argv[i], "-i") == 0) {
            s.rounds = (int)whole_number(argv[++i], 1, MAX_ROUNDS);
        } else if (strcmp(argv[i], "-t") == 0) {
            char *end;
            double seconds = strtod(argv[++i], &end);
            if (end == argv[i] || *end != '\0' || !(seconds > 0.0 && seconds <= 3600.0)) usage();
            s.round_ns = seconds * 1e9;
        } else {
            usage();
        }
    }

    for (int i = first_test; i < argc; i++) {
        int known = 0;
        for (size_t t = 0; t < TEST_COUNT; t++) {
            known |= strcmp(argv[i], tests[t].name) == 0;
        }
        if (!known) usage();
    }

    printf("# sockets4j C reference: %d-byte messages over 127.0.0.1; %d warm-up + %d measured rounds of %.2f s\n",
           MESSAGE_SIZE, s.warmup_rounds, s.rounds, s.round_ns / 1e9);
    for (size_t t = 0; t < TEST_COUNT; t++) {
        int wanted = first_test == argc;
        for (int i = first_test; i < argc && !wanted; i++) {
            wanted = strcmp(argv[i], tests[t].name) == 0;
        }
        if (wanted) tests[t].run(&s);
    }
    return 0;
}
