/* The core calls against the real kernel on loopback. */
#include <string.h>

#include "check.h"
#include "portable.h"
#include "sockets4j/errors.h"
#include "sockets4j/library.h"
#include "sockets4j/message.h"
#include "sockets4j/socket.h"
#include "sockets4j/message.h"

static s4j_address loopback(uint16_t port) {
    s4j_address a;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET;
    a.port = port;
    a.length = 4;
    inet_pton(AF_INET, "127.0.0.1", a.data);
    return a;
}

/* A listener on 127.0.0.1 at a kernel-chosen port, written to *bound. */
static int64_t listener(s4j_address *bound) {
    int64_t h = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    s4j_address any = loopback(0);
    CHECK(h >= 0);
    CHECK_EQ(s4j_socket_bind(h, &any), 0);
    CHECK_EQ(s4j_socket_listen(h, 8), 0);
    CHECK_EQ(s4j_socket_local_address(h, bound), 0);
    return h;
}

static void echo_over_loopback(void) {
    s4j_address bound, peer, name;
    int64_t server = listener(&bound);
    CHECK(bound.port != 0);
    int64_t client = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    CHECK_EQ(s4j_socket_connect(client, &bound), 0);
    int64_t accepted = s4j_socket_accept(server, &peer);
    CHECK(accepted >= 0);
    CHECK_EQ(s4j_socket_local_address(client, &name), 0);
    CHECK_EQ(peer.port, name.port);
    CHECK_EQ(s4j_socket_send(client, "hello", 5, 0, NULL), 5);
    char buf[16];
    CHECK_EQ(s4j_socket_recv(accepted, buf, sizeof buf, 0, NULL, NULL), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK_EQ(s4j_socket_shutdown(client, T_SHUT_WR), 0);
    CHECK_EQ(s4j_socket_recv(accepted, buf, sizeof buf, 0, NULL, NULL), 0);
    CHECK_EQ(s4j_socket_type(accepted), SOCK_STREAM);
    s4j_socket_close(accepted);
    s4j_socket_close(client);
    s4j_socket_close(server);
}

static void errors_come_back_portable(void) {
    s4j_address bound;
    int64_t server = listener(&bound);
    int64_t second = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    CHECK_EQ(s4j_error_portable(s4j_socket_bind(second, &bound)), S4J_EADDRINUSE);
    s4j_socket_close(server);
    /* Bound elsewhere first: connect() could otherwise take the freed port and connect to itself. */
    s4j_address any = loopback(0);
    CHECK_EQ(s4j_socket_bind(second, &any), 0);
    /* The port is free again and nobody listens: RST, ECONNREFUSED. */
    int32_t r = s4j_socket_connect(second, &bound);
    CHECK_EQ(s4j_error_portable(r), S4J_ECONNREFUSED);
    CHECK_EQ(s4j_error_native(r), T_ERR(ECONNREFUSED));
    s4j_socket_close(second);
    CHECK_EQ(s4j_error_portable(s4j_socket_listen(second, 1)), S4J_EBADF);
    CHECK_EQ(s4j_error_portable((int32_t)s4j_socket_open(AF_INET, SOCK_STREAM, IPPROTO_UDP)), S4J_EPROTONOSUPPORT);
}

static void non_blocking_would_block(void) {
    s4j_address bound;
    int64_t server = listener(&bound);
    CHECK_EQ(s4j_socket_set_blocking(server, 0), 0);
    CHECK_EQ(s4j_error_portable((int32_t)s4j_socket_accept(server, NULL)), S4J_EAGAIN);
    int64_t client = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    CHECK_EQ(s4j_socket_connect(client, &bound), 0);
    test_sleep_ms(50);
    int64_t accepted = s4j_socket_accept(server, NULL);
    CHECK(accepted >= 0);
    char c;
    CHECK_EQ(s4j_socket_set_blocking(accepted, 0), 0);
    CHECK_EQ(s4j_error_portable(s4j_socket_recv(accepted, &c, 1, 0, NULL, NULL)), S4J_EAGAIN);
    /* accepted sockets start blocking whatever the listener's mode */
    CHECK_EQ(s4j_socket_set_blocking(accepted, 1), 0);
    CHECK_EQ(s4j_socket_send(client, "x", 1, 0, NULL), 1);
    CHECK_EQ(s4j_socket_recv(accepted, &c, 1, 0, NULL, NULL), 1);
    s4j_socket_close(accepted);
    s4j_socket_close(client);
    s4j_socket_close(server);
}

static void datagrams_carry_addresses(void) {
    int64_t a = s4j_socket_open(AF_INET, SOCK_DGRAM, 0), b = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    s4j_address any = loopback(0), a_name, b_name, from;
    CHECK_EQ(s4j_socket_bind(a, &any), 0);
    CHECK_EQ(s4j_socket_bind(b, &any), 0);
    CHECK_EQ(s4j_socket_local_address(a, &a_name), 0);
    CHECK_EQ(s4j_socket_local_address(b, &b_name), 0);
    CHECK_EQ(s4j_socket_send(a, "dgram", 5, 0, &b_name), 5);
    char buf[8];
    int32_t out_flags = -1;
    CHECK_EQ(s4j_socket_recv(b, buf, sizeof buf, 0, &from, &out_flags), 5);
    CHECK_EQ(from.family, S4J_AF_INET);
    CHECK_EQ(from.port, a_name.port);
    CHECK_EQ(out_flags, 0);
    /* A datagram longer than the buffer: what fitted, and the flag, on every platform. */
    CHECK_EQ(s4j_socket_send(a, "truncated", 9, 0, &b_name), 9);
    CHECK_EQ(s4j_socket_recv(b, buf, 4, 0, &from, &out_flags), 4);
    CHECK_EQ(out_flags, S4J_MSG_OUT_TRUNC);
    CHECK(memcmp(buf, "trun", 4) == 0);
    s4j_socket_close(a);
    s4j_socket_close(b);
}

struct blocked_accept {
    int64_t handle;
    int64_t result;
};

static void accept_until_closed(void *arg) {
    struct blocked_accept *b = arg;
    b->result = s4j_socket_accept(b->handle, NULL);
}

static void preclose_wakes_a_blocked_accept(void) {
    s4j_address bound;
    struct blocked_accept b = {.handle = listener(&bound), .result = 0};
    test_thread thread;
    struct test_thread_body body = {accept_until_closed, &b};
    CHECK_EQ(test_thread_start(&thread, &body), 0);
    test_sleep_ms(200);
    s4j_socket_preclose(b.handle);
    test_thread_join(thread);
    CHECK(b.result < 0);
    /* The number stays taken by the dead socket until the final close. */
    CHECK_EQ(s4j_socket_type(b.handle), SOCK_STREAM);
    CHECK(s4j_socket_accept(b.handle, NULL) < 0);
    CHECK_EQ(s4j_socket_close(b.handle), 0);
}

static void pairs_are_connected(int family) {
    int types[] = {SOCK_STREAM, SOCK_DGRAM};
    for (size_t i = 0; i < 2; i++) {
        int64_t pair[2] = {-1, -1};
        CHECK_EQ(s4j_socket_pair(family, types[i], 0, pair), 0);
        CHECK(pair[0] >= 0 && pair[1] >= 0);
        char buf[4];
        CHECK_EQ(s4j_socket_send(pair[0], "ab", 2, 0, NULL), 2);
        CHECK_EQ(s4j_socket_recv(pair[1], buf, sizeof buf, 0, NULL, NULL), 2);
        CHECK_EQ(s4j_socket_send(pair[1], "c", 1, 0, NULL), 1);
        CHECK_EQ(s4j_socket_recv(pair[0], buf, sizeof buf, 0, NULL, NULL), 1);
        CHECK_EQ(buf[0], 'c');
        s4j_socket_close(pair[0]);
        s4j_socket_close(pair[1]);
    }
}

/* A negative length in a scatter/gather entry is refused by the core, never passed on as a huge size. */
static void negative_iov_lengths_are_refused(void) {
    int64_t pair[2] = {-1, -1};
    CHECK_EQ(s4j_socket_pair(AF_INET, SOCK_DGRAM, 0, pair), 0);
    char out[8] = "abcdefg", in[8];
    CHECK_EQ(s4j_socket_send(pair[0], out, 3, 0, NULL), 3); /* queued, so a recvmsg let through would not block */
    s4j_iovec bad_out[2] = {{out, 4}, {out + 4, -1}};
    CHECK_EQ(s4j_error_portable(s4j_socket_sendmsg(pair[0], bad_out, 2, NULL, NULL, 0, 0)), S4J_EINVAL);
    s4j_iovec bad_in[2] = {{in, 4}, {in + 4, INT32_MIN}};
    int32_t room = 0, flags = 0;
    CHECK_EQ(s4j_error_portable(s4j_socket_recvmsg(pair[1], bad_in, 2, NULL, NULL, &room, &flags, 0)), S4J_EINVAL);
    s4j_iovec good_in[1] = {{in, sizeof in}};
    CHECK_EQ(s4j_socket_recvmsg(pair[1], good_in, 1, NULL, NULL, &room, &flags, 0), 3); /* still queued */
    s4j_socket_close(pair[0]);
    s4j_socket_close(pair[1]);
}

/*
 * writev/readv on a stream (Winsock's WSASendMsg/WSARecvMsg refuse streams, so these are their own calls):
 * three buffers out, three of other sizes in, the end of the stream as 0, a negative length refused.
 */
static void vectors_gather_and_scatter_a_stream(void) {
    int64_t pair[2] = {-1, -1};
    CHECK_EQ(s4j_socket_pair(AF_INET, SOCK_STREAM, 0, pair), 0);
    char a[] = "abc", b[] = "", c[] = "defgh";
    s4j_iovec out[3] = {{a, 3}, {b, 0}, {c, 5}};
    CHECK_EQ(s4j_socket_sendv(pair[0], out, 3, 0), 8);
    char x[2], y[4], z[8];
    s4j_iovec in[3] = {{x, 2}, {y, 4}, {z, 8}};
    int32_t got = 0;
    while (got < 8) { /* a stream may hand the bytes over in parts */
        int32_t n = s4j_socket_recvv(pair[1], in, 3, 0);
        CHECK(n > 0);
        if (n <= 0) break;
        got += n;
        for (int i = 0; i < 3 && n > 0; i++) { /* consume n bytes of the vector */
            int32_t take = n < in[i].length ? n : in[i].length;
            in[i].base = (char *)in[i].base + take;
            in[i].length -= take;
            n -= take;
        }
    }
    CHECK(memcmp(x, "ab", 2) == 0 && memcmp(y, "cdef", 4) == 0 && memcmp(z, "gh", 2) == 0);
    s4j_iovec bad[2] = {{x, 1}, {y, -1}};
    CHECK_EQ(s4j_error_portable(s4j_socket_sendv(pair[0], bad, 2, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_socket_recvv(pair[1], bad, 2, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_socket_shutdown(pair[0], T_SHUT_WR), 0);
    s4j_iovec rest[1] = {{z, 8}};
    CHECK_EQ(s4j_socket_recvv(pair[1], rest, 1, 0), 0);
    s4j_socket_close(pair[0]);
    s4j_socket_close(pair[1]);
}

int main(void) {
    if (s4j_library_init() < 0) {
        fprintf(stderr, "s4j_library_init failed\n");
        return 1;
    }
    echo_over_loopback();
    errors_come_back_portable();
    non_blocking_would_block();
    datagrams_carry_addresses();
    preclose_wakes_a_blocked_accept();
    pairs_are_connected(AF_INET);
    pairs_are_connected(AF_INET6);
    negative_iov_lengths_are_refused();
    vectors_gather_and_scatter_a_stream();
    s4j_library_cleanup();
    return check_verdict("test_socket");
}
