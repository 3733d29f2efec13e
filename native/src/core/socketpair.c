/* socketpair() over loopback, with nothing but the core's portable calls. */
#include "socketpair.h"

#include <string.h>

#include "sockets4j/errors.h"

static int same_endpoint(const s4j_address *a, const s4j_address *b) {
    return a->family == b->family && a->port == b->port && a->length == b->length &&
           memcmp(a->data, b->data, a->length) == 0;
}

/* Closes what was opened and passes the first error on. */
static int32_t give_up(int64_t a, int64_t b, int64_t c, int32_t error) {
    if (a >= 0) s4j_socket_close(a);
    if (b >= 0) s4j_socket_close(b);
    if (c >= 0) s4j_socket_close(c);
    return error;
}

static int32_t stream_pair(int family, int type, int protocol, const s4j_address *loopback, int64_t out[2]) {
    int64_t listener = s4j_socket_open(family, type, protocol);
    if (listener < 0) return (int32_t)listener;
    s4j_address at;
    int32_t r = s4j_socket_bind(listener, loopback);
    if (r == 0) r = s4j_socket_listen(listener, 1);
    if (r == 0) r = s4j_socket_local_address(listener, &at);
    if (r < 0) return give_up(listener, -1, -1, r);
    int64_t client = s4j_socket_open(family, type, protocol);
    if (client < 0) return give_up(listener, -1, -1, (int32_t)client);
    r = s4j_socket_connect(client, &at);
    if (r < 0) return give_up(listener, client, -1, r);
    s4j_address peer, client_name;
    int64_t server = s4j_socket_accept(listener, &peer);
    if (server < 0) return give_up(listener, client, -1, (int32_t)server);
    r = s4j_socket_local_address(client, &client_name);
    if (r < 0) return give_up(listener, client, server, r);
    /* A Unix client is unnamed, but then only someone able to reach the fresh path could have come. */
    if (peer.family != S4J_AF_UNIX && !same_endpoint(&peer, &client_name)) {
        return give_up(listener, client, server, s4j_error(S4J_ECONNABORTED, 0));
    }
    s4j_socket_close(listener);
    out[0] = client;
    out[1] = server;
    return 0;
}

static int32_t datagram_pair(int family, int type, int protocol, const s4j_address *loopback, int64_t out[2]) {
    int64_t a = s4j_socket_open(family, type, protocol);
    if (a < 0) return (int32_t)a;
    int64_t b = s4j_socket_open(family, type, protocol);
    if (b < 0) return give_up(a, -1, -1, (int32_t)b);
    s4j_address a_name, b_name;
    int32_t r = s4j_socket_bind(a, loopback);
    if (r == 0) r = s4j_socket_bind(b, loopback);
    if (r == 0) r = s4j_socket_local_address(a, &a_name);
    if (r == 0) r = s4j_socket_local_address(b, &b_name);
    if (r == 0) r = s4j_socket_connect(a, &b_name);
    if (r == 0) r = s4j_socket_connect(b, &a_name);
    if (r < 0) return give_up(a, b, -1, r);
    out[0] = a;
    out[1] = b;
    return 0;
}

void s4j_address_loopback(uint8_t family, s4j_address *out) {
    memset(out, 0, sizeof *out);
    out->family = family;
    if (family == S4J_AF_INET) {
        static const uint8_t v4[4] = {127, 0, 0, 1};
        out->length = 4;
        memcpy(out->data, v4, 4);
    } else {
        out->length = 16;
        out->data[15] = 1;
    }
}

int32_t s4j_socket_pair_over_loopback(int family, int type, int protocol, const s4j_address *loopback,
                                      int stream, int64_t out[2]) {
    return stream ? stream_pair(family, type, protocol, loopback, out)
                  : datagram_pair(family, type, protocol, loopback, out);
}
