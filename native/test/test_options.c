/* The option calls of the core, by C type, on real sockets. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "portable.h"
#include "sockets4j/errors.h"
#include "sockets4j/library.h"
#include "sockets4j/options.h"
#include "sockets4j/socket.h"

static void ints_and_flags(void) {
    int64_t s = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    int32_t v = -1;
    CHECK_EQ(s4j_option_set_int(s, IPPROTO_IP, IP_TTL, 42), 0);
    CHECK_EQ(s4j_option_get_int(s, IPPROTO_IP, IP_TTL, &v), 0);
    CHECK_EQ(v, 42);
    CHECK_EQ(s4j_option_set_int(s, SOL_SOCKET, SO_BROADCAST, 1), 0);
    CHECK_EQ(s4j_option_get_int(s, SOL_SOCKET, SO_BROADCAST, &v), 0);
    CHECK(v != 0);
    CHECK_EQ(s4j_option_get_int(s, SOL_SOCKET, SO_TYPE, &v), 0);
    CHECK_EQ(v, SOCK_DGRAM);
    CHECK_EQ(s4j_error_portable(s4j_option_get_int(s, SOL_SOCKET, 9999, &v)), S4J_ENOPROTOOPT);
    s4j_socket_close(s);
}

static void linger_and_timeouts(void) {
    int64_t s = s4j_socket_open(AF_INET, SOCK_STREAM, 0);
    int32_t on = 0, seconds = 0;
    CHECK_EQ(s4j_option_set_linger(s, 1, 7), 0);
    CHECK_EQ(s4j_option_get_linger(s, &on, &seconds), 0);
    CHECK_EQ(on, 1);
    CHECK_EQ(seconds, 7);
    int64_t millis = 0;
    CHECK_EQ(s4j_option_set_timeout(s, SO_RCVTIMEO, 1500), 0);
    CHECK_EQ(s4j_option_get_timeout(s, SO_RCVTIMEO, &millis), 0);
    CHECK_EQ(millis, 1500);
    CHECK_EQ(s4j_option_set_timeout(s, SO_SNDTIMEO, 0), 0);
    CHECK_EQ(s4j_option_get_timeout(s, SO_SNDTIMEO, &millis), 0);
    CHECK_EQ(millis, 0);
    s4j_socket_close(s);
}

static void bytes_and_multicast_interface(void) {
    int64_t s = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    int32_t ttl = 9;
    CHECK_EQ(s4j_option_set_bytes(s, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl), 0);
    int32_t back = 0, len = sizeof back;
    CHECK_EQ(s4j_option_get_bytes(s, IPPROTO_IP, IP_TTL, &back, &len), 0);
    CHECK_EQ(len, 4);
    CHECK_EQ(back, 9);
    s4j_address lo, got;
    memset(&lo, 0, sizeof lo);
    lo.family = S4J_AF_INET;
    lo.length = 4;
    inet_pton(AF_INET, "127.0.0.1", lo.data);
    int32_t r = s4j_option_set_multicast_if4(s, &lo, 0);
    const char *emulator = getenv("S4J_TEST_EMULATOR");
    if (r < 0 && s4j_error_portable(r) == S4J_ENOPROTOOPT && emulator != NULL) {
        printf("skipped: IP_MULTICAST_IF, which %s does not translate (ENOPROTOOPT)\n", emulator);
    } else {
        CHECK_EQ(r, 0);
        CHECK_EQ(s4j_option_get_multicast_if4(s, &got), 0);
        CHECK(memcmp(got.data, lo.data, 4) == 0);
    }
    CHECK_EQ(s4j_error_portable(s4j_option_set_membership(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, 99, &lo, NULL, NULL, 0)),
             S4J_EINVAL);
    /* IPv6 requests refuse an IPv4 address before any call */
    CHECK_EQ(s4j_error_portable(
                 s4j_option_set_membership(s, IPPROTO_IPV6, IPV6_JOIN_GROUP, S4J_IPV6_MREQ, &lo, NULL, NULL, 0)),
             S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_option_set_pktinfo6(s, IPV6_PKTINFO, &lo, 0)), S4J_EINVAL);
    s4j_socket_close(s);
}

int main(void) {
    if (s4j_library_init() < 0) return 1;
    ints_and_flags();
    linger_and_timeouts();
    bytes_and_multicast_interface();
    s4j_library_cleanup();
    return check_verdict("test_options");
}
