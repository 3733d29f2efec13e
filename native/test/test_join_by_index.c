/*
 * How an IPv4 join names its interface by index (S4J_IPV4_JOIN_BY_INDEX,
 * declared per platform by the build): checked at compile time against what
 * each kernel reads, so the macOS legs, which only compile and link, fail to
 * build on a wrong choice; and at run time, a join by an index that names no
 * interface must fail, never fall back silently to the default interface,
 * and (Linux) a join by lo's index must land on lo.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "portable.h"
#include "sockets4j/errors.h"
#include "sockets4j/library.h"
#include "sockets4j/options.h"
#include "sockets4j/socket.h"

#ifndef S4J_IPV4_JOIN_BY_INDEX
#error "the build declares no S4J_IPV4_JOIN_BY_INDEX (CMakeLists.txt sets it per platform)"
#endif

#if defined(__APPLE__)
/* xnu's in_mcast.c (inp_join_group, inp_leave_group) copies only an 8-byte ip_mreq: an ip_mreqn's index is lost. */
_Static_assert(S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_GROUP_REQ,
               "macOS joins by index through MCAST_JOIN_GROUP/MCAST_LEAVE_GROUP, never ip_mreqn");
#elif defined(__linux__)
_Static_assert(S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_MREQN, "Linux reads ip_mreqn's imr_ifindex");
#elif defined(_WIN32)
_Static_assert(S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_MREQ, "Winsock takes 0.0.0.index in ip_mreq");
#endif

/*
 * Indexes no test machine's interfaces have: one that fits the 24 bits of
 * Winsock's 0.0.0.index, and one beyond them, which must not turn into the
 * address it would spell (127.255.255.240).
 */
static const uint32_t missing_indexes[] = {0x00fffff0u, 0x7ffffff0u};

static s4j_address ipv4(const char *text) {
    s4j_address a;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET;
    a.length = 4;
    inet_pton(AF_INET, text, a.data);
    return a;
}

static void the_fact_is_one_of_the_known_ways(void) {
    int fact = S4J_IPV4_JOIN_BY_INDEX;
    CHECK(fact == S4J_JOIN_BY_INDEX_NONE || fact == S4J_JOIN_BY_INDEX_MREQN || fact == S4J_JOIN_BY_INDEX_GROUP_REQ ||
          fact == S4J_JOIN_BY_INDEX_MREQ);
    printf("S4J_IPV4_JOIN_BY_INDEX = %d\n", fact);
}

static void a_join_by_a_missing_index_fails(void) {
    int64_t s = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    CHECK(s >= 0);
    s4j_address group = ipv4("239.255.77.1");
    for (size_t i = 0; i < sizeof missing_indexes / sizeof missing_indexes[0]; i++) {
        uint32_t index = missing_indexes[i];
        int32_t r = s4j_option_set_membership(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, index);
        /* joining anyway would be the silent join on the default interface */
        CHECK(r < 0);
        if (S4J_IPV4_JOIN_BY_INDEX == S4J_JOIN_BY_INDEX_NONE) CHECK_EQ(s4j_error_portable(r), S4J_ENOSYS);
        printf("join by index %#x: %s\n", (unsigned)index, r < 0 ? s4j_errno_name(s4j_error_portable(r)) : "joined");
        r = s4j_option_set_membership(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, index);
        CHECK(r < 0);
    }
    s4j_socket_close(s);
}

#ifdef __linux__
#include <net/if.h>

/*
 * Linux: a join by lo's index lands on lo, which a leave naming lo by its
 * address (127.0.0.1) proves, and a join and leave by index pair up. Under
 * an emulator that passes no index on (qemu-user 7.2 copies a 12-byte
 * ip_mreqn as an ip_mreq and leaves the index to chance) the index joins
 * are not this library's to check: *checkable says whether they were.
 */
static void a_join_by_the_loopback_index_lands_on_loopback(int *checkable) {
    unsigned lo = if_nametoindex("lo");
    if (lo == 0) {
        printf("skipped: no interface named lo\n");
        return;
    }
    int64_t s = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    s4j_address group = ipv4("239.255.77.2");
    s4j_address lo_address = ipv4("127.0.0.1");
    int32_t joined = s4j_option_set_membership(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, lo);
    int32_t left = joined < 0 ? joined
                              : s4j_option_set_membership(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, S4J_MREQ, &group, NULL,
                                                          &lo_address, 0);
    const char *emulator = getenv("S4J_TEST_EMULATOR");
    if ((joined < 0 || left < 0) && emulator != NULL) {
        printf("skipped: joins by index, which %s does not pass on (join by lo's index: %s, leave by 127.0.0.1: %s)\n",
               emulator, joined < 0 ? s4j_errno_name(s4j_error_portable(joined)) : "ok",
               left < 0 ? s4j_errno_name(s4j_error_portable(left)) : "ok");
        *checkable = 0;
        s4j_socket_close(s);
        return;
    }
    CHECK_EQ(joined, 0);
    CHECK_EQ(left, 0);
    CHECK_EQ(s4j_option_set_membership(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, lo), 0);
    /* the same group on the same interface again: the kernel knows the first join was on lo */
    int32_t again = s4j_option_set_membership(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, lo);
    CHECK_EQ(s4j_error_portable(again), S4J_EADDRINUSE);
    CHECK_EQ(s4j_option_set_membership(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, S4J_MREQ, &group, NULL, NULL, lo), 0);
    s4j_socket_close(s);
}
#endif

int main(void) {
    if (s4j_library_init() < 0) return 1;
    the_fact_is_one_of_the_known_ways();
    int checkable = 1;
#ifdef __linux__
    a_join_by_the_loopback_index_lands_on_loopback(&checkable);
#endif
    if (checkable) a_join_by_a_missing_index_fails();
    s4j_library_cleanup();
    return check_verdict("test_join_by_index");
}
