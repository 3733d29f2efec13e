/*
 * The C reference of bench/'s BatchDatagrams: 64-byte UDP datagrams over
 * 127.0.0.1 sent and received in batches of 32 with sendmmsg/recvmmsg, and one
 * call per datagram, with no JVM anywhere. Scores are ns per datagram.
 *
 *   udp_send_mmsg32_ns  sendmmsg() of 32 datagrams on a socket connected to a sink
 *                       that is never read (the kernel drops what its buffer cannot hold)
 *   udp_send_each_ns    send() of one datagram, the same sockets
 *   udp_recv_mmsg32_ns  recvmmsg() of 32 queued datagrams with their sources
 *   udp_recv_each_ns    recvfrom() of one queued datagram with its source
 *
 * A receive round queues 32 datagrams (sendmmsg, not timed), then times the
 * receives that take them, as the JMH benchmarks queue them in an untimed
 * per-invocation set-up. Flags and sockets as in sockets4j: MSG_NOSIGNAL on
 * sends, SOCK_CLOEXEC on opens; blocking sockets; recvmmsg with
 * MSG_WAITFORONE, as sockets4j's recvMany passes it.
 *
 * Output and rounds as pingpong.c: "<name> <ns per datagram>" per test, the
 * mean of the measured rounds; '#' lines are comments.
 *
 * Usage: s4j_bench_batch [-w warmup_rounds] [-i rounds] [-t seconds_per_round]
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE_SIZE 64
#define BATCH 32
#define MAX_ROUNDS 1000

static void fail(const char *what) {
    fprintf(stderr, "batch: %s: %s\n", what, strerror(errno));
    exit(1);
}

static double now_ns(void) {
    struct timespec t;
    if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) fail("clock_gettime");
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int bound_loopback(struct sockaddr_in *address) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd == -1) fail("socket");
    memset(address, 0, sizeof *address);
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (const struct sockaddr *)address, sizeof *address) == -1) fail("bind");
    socklen_t length = sizeof *address;
    if (getsockname(fd, (struct sockaddr *)address, &length) == -1) fail("getsockname");
    return fd;
}

struct bench {
    int sender;   /* connected to the receiver */
    int receiver;
    char out[BATCH][MESSAGE_SIZE];
    char in[BATCH][MESSAGE_SIZE];
    struct iovec out_iov[BATCH], in_iov[BATCH];
    struct mmsghdr out_msgs[BATCH], in_msgs[BATCH];
    struct sockaddr_storage sources[BATCH];
};

static void prepare(struct bench *b) {
    for (int i = 0; i < BATCH; i++) {
        memset(b->out[i], 'x', MESSAGE_SIZE);
        b->out_iov[i] = (struct iovec){.iov_base = b->out[i], .iov_len = MESSAGE_SIZE};
        b->in_iov[i] = (struct iovec){.iov_base = b->in[i], .iov_len = MESSAGE_SIZE};
        memset(&b->out_msgs[i], 0, sizeof b->out_msgs[i]);
        b->out_msgs[i].msg_hdr.msg_iov = &b->out_iov[i];
        b->out_msgs[i].msg_hdr.msg_iovlen = 1;
    }
}

static void send_mmsg(struct bench *b) {
    for (int sent = 0; sent < BATCH;) {
        int n = sendmmsg(b->sender, b->out_msgs + sent, (unsigned)(BATCH - sent), MSG_NOSIGNAL);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("sendmmsg");
        }
        sent += n;
    }
}

static void send_each(struct bench *b) {
    for (int i = 0; i < BATCH; i++) {
        if (send(b->sender, b->out[i], MESSAGE_SIZE, MSG_NOSIGNAL) != MESSAGE_SIZE) fail("send");
    }
}

static void recv_mmsg(struct bench *b) {
    for (int got = 0; got < BATCH;) {
        for (int i = got; i < BATCH; i++) { /* the kernel overwrote the name lengths */
            memset(&b->in_msgs[i], 0, sizeof b->in_msgs[i]);
            b->in_msgs[i].msg_hdr.msg_iov = &b->in_iov[i];
            b->in_msgs[i].msg_hdr.msg_iovlen = 1;
            b->in_msgs[i].msg_hdr.msg_name = &b->sources[i];
            b->in_msgs[i].msg_hdr.msg_namelen = sizeof b->sources[i];
        }
        int n = recvmmsg(b->receiver, b->in_msgs + got, (unsigned)(BATCH - got), MSG_WAITFORONE, NULL);
        if (n == -1) {
            if (errno == EINTR) continue;
            fail("recvmmsg");
        }
        got += n;
    }
}

static void recv_each(struct bench *b) {
    for (int i = 0; i < BATCH; i++) {
        socklen_t length = sizeof b->sources[i];
        if (recvfrom(b->receiver, b->in[i], MESSAGE_SIZE, 0, (struct sockaddr *)&b->sources[i], &length)
            != MESSAGE_SIZE) {
            fail("recvfrom");
        }
    }
}

/*
 * One round of about round_ns: ns per datagram. A send round times its sends whole; a
 * receive round queues a batch untimed before each timed receive of it.
 */
static double round_of(void (*op)(struct bench *), struct bench *b, int receive, double round_ns) {
    long datagrams = 0;
    double timed = 0.0;
    double start = now_ns();
    do {
        if (receive) send_mmsg(b);
        double t0 = now_ns();
        op(b);
        timed += now_ns() - t0;
        datagrams += BATCH;
    } while (now_ns() - start < round_ns);
    return timed / (double)datagrams;
}

struct settings {
    int warmup_rounds;
    int rounds;
    double round_ns;
};

static void measure(const char *name, void (*op)(struct bench *), struct bench *b, int receive,
                    const struct settings *s) {
    for (int i = 0; i < s->warmup_rounds; i++) round_of(op, b, receive, s->round_ns);
    double sum = 0.0, min = 0.0, max = 0.0;
    for (int i = 0; i < s->rounds; i++) {
        double score = round_of(op, b, receive, s->round_ns);
        sum += score;
        if (i == 0 || score < min) min = score;
        if (i == 0 || score > max) max = score;
    }
    printf("# %s: %d rounds, min %.1f, max %.1f ns/datagram\n", name, s->rounds, min, max);
    printf("%s %.1f\n", name, sum / s->rounds);
    fflush(stdout);
}

static void usage(void) {
    fprintf(stderr, "usage: s4j_bench_batch [-w warmup_rounds] [-i rounds] [-t seconds_per_round]\n");
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
    for (int i = 1; i < argc; i++) {
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
    printf("# sockets4j C reference, batches: %d-byte datagrams over 127.0.0.1 in batches of %d; "
           "%d warm-up + %d measured rounds of %.2f s\n",
           MESSAGE_SIZE, BATCH, s.warmup_rounds, s.rounds, s.round_ns / 1e9);

    static struct bench b;
    struct sockaddr_in sink_address, receiver_address;
    prepare(&b);

    /* sends: to a sink nobody reads */
    int sink = bound_loopback(&sink_address);
    b.sender = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (b.sender == -1) fail("socket");
    if (connect(b.sender, (const struct sockaddr *)&sink_address, sizeof sink_address) == -1) fail("connect");
    measure("udp_send_mmsg32_ns", send_mmsg, &b, 0, &s);
    measure("udp_send_each_ns", send_each, &b, 0, &s);
    close(b.sender);
    close(sink);

    /* receives: of a batch queued just before */
    b.receiver = bound_loopback(&receiver_address);
    b.sender = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (b.sender == -1) fail("socket");
    if (connect(b.sender, (const struct sockaddr *)&receiver_address, sizeof receiver_address) == -1) fail("connect");
    measure("udp_recv_mmsg32_ns", recv_mmsg, &b, 1, &s);
    measure("udp_recv_each_ns", recv_each, &b, 1, &s);
    close(b.sender);
    close(b.receiver);
    return 0;
}
