/* The fixed address layout <-> the OS sockaddr, in both directions. */
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "portable.h"
#include "sockets4j/address.h"
#include "sockets4j/errors.h"

static s4j_address inet(const char *text, uint16_t port) {
    s4j_address a;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET;
    a.port = port;
    a.length = 4;
    inet_pton(AF_INET, text, a.data);
    return a;
}

static void inet_round_trip(void) {
    s4j_address a = inet("192.0.2.7", 10086), back;
    s4j_sockaddr sa;
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    CHECK_EQ(sa.len, sizeof(struct sockaddr_in));
    struct sockaddr_in sin;
    memcpy(&sin, sa.u.bytes, sizeof sin);
    CHECK_EQ(sin.sin_family, AF_INET);
    CHECK_EQ(ntohs(sin.sin_port), 10086);
    CHECK_EQ(ntohl(sin.sin_addr.s_addr), 0xc0000207u);
    CHECK_EQ(s4j_address_from_sockaddr(&sa, &back), 0);
    CHECK(memcmp(&a, &back, sizeof a) == 0);
}

static void inet6_keeps_scope_and_flow(void) {
    s4j_address a, back;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET6;
    a.port = 443;
    a.flowinfo = 0x12345;
    a.scope_id = 7;
    a.length = 16;
    inet_pton(AF_INET6, "fe80::1", a.data);
    s4j_sockaddr sa;
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    struct sockaddr_in6 sin6;
    memcpy(&sin6, sa.u.bytes, sizeof sin6);
    CHECK_EQ(sin6.sin6_family, AF_INET6);
    CHECK_EQ(ntohs(sin6.sin6_port), 443);
    CHECK_EQ(sin6.sin6_scope_id, 7);
    CHECK_EQ(ntohl(sin6.sin6_flowinfo), 0x12345);
    CHECK_EQ(s4j_address_from_sockaddr(&sa, &back), 0);
    CHECK(memcmp(&a, &back, sizeof a) == 0);
}

static void unix_paths(void) {
    s4j_address a, back;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_UNIX;
    const char *path = "/tmp/sockets4j.sock";
    a.length = (uint16_t)strlen(path);
    memcpy(a.data, path, a.length);
    s4j_sockaddr sa;
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    struct sockaddr_un sun;
    memcpy(&sun, sa.u.bytes, sizeof sun);
    CHECK(strcmp(sun.sun_path, path) == 0);
    CHECK_EQ(s4j_address_from_sockaddr(&sa, &back), 0);
    CHECK(memcmp(&a, &back, sizeof a) == 0);

    /* unnamed: only the family */
    s4j_sockaddr unnamed;
    memset(&unnamed, 0, sizeof unnamed);
    struct sockaddr family_only;
    family_only.sa_family = AF_UNIX;
    memcpy(unnamed.u.bytes + offsetof(struct sockaddr, sa_family), &family_only.sa_family, sizeof family_only.sa_family);
    unnamed.len = (uint32_t)(offsetof(struct sockaddr, sa_family) + sizeof family_only.sa_family);
    CHECK_EQ(s4j_address_from_sockaddr(&unnamed, &back), 0);
    CHECK_EQ(back.family, S4J_AF_UNIX);
    CHECK_EQ(back.length, 0);
}

/* Linux's abstract names: a leading NUL, every byte kept, no NUL added; elsewhere a NUL is refused. */
static void abstract_names(void) {
    s4j_address a, back;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_UNIX;
    a.length = 6;
    memcpy(a.data, "\0ab\0cd", 6);
    s4j_sockaddr sa;
#ifdef S4J_HAVE_ABSTRACT_UNIX
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    CHECK_EQ(sa.len, offsetof(struct sockaddr_un, sun_path) + 6);
    CHECK_EQ(s4j_address_from_sockaddr(&sa, &back), 0);
    CHECK_EQ(back.length, 6);
    CHECK(memcmp(back.data, "\0ab\0cd", 6) == 0);
    a.length = (uint16_t)sizeof(((struct sockaddr_un *)0)->sun_path); /* fills sun_path: no NUL needed */
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    a.length++;
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_ENAMETOOLONG);
#else
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_EINVAL);
    (void)back;
#endif
}

static void bad_layouts_are_refused(void) {
    s4j_sockaddr sa;
    s4j_address a = inet("127.0.0.1", 1);
    a.length = 16;
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_EINVAL);
    a.family = 99;
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_EAFNOSUPPORT);

    memset(&a, 0, sizeof a);
    a.family = S4J_AF_UNIX;
    a.length = (uint16_t)(s4j_unix_path_max() + 1);
    memset(a.data, 'x', a.length);
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_ENAMETOOLONG);
    a.length = 5;
    memcpy(a.data, "ab\0cd", 5);
    CHECK_EQ(s4j_error_portable(s4j_address_to_sockaddr(&a, &sa)), S4J_EINVAL);
    CHECK(s4j_unix_path_max() >= 100 && s4j_unix_path_max() <= S4J_ADDRESS_DATA_MAX);
}

/* The decoder reads no byte past the length it is given: a short INET or INET6 sockaddr is refused. */
static void short_sockaddrs_are_refused(void) {
    s4j_address a = inet("192.0.2.7", 10086), back;
    s4j_sockaddr sa;
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    for (uint32_t len = offsetof(struct sockaddr, sa_family) + sizeof(((struct sockaddr *)0)->sa_family);
         len < sizeof(struct sockaddr_in); len++) {
        sa.len = len;
        CHECK_EQ(s4j_error_portable(s4j_address_from_sockaddr(&sa, &back)), S4J_EINVAL);
    }
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET6;
    a.length = 16;
    a.scope_id = 3;
    CHECK_EQ(s4j_address_to_sockaddr(&a, &sa), 0);
    for (uint32_t len = offsetof(struct sockaddr, sa_family) + sizeof(((struct sockaddr *)0)->sa_family);
         len < sizeof(struct sockaddr_in6); len++) {
        sa.len = len;
        CHECK_EQ(s4j_error_portable(s4j_address_from_sockaddr(&sa, &back)), S4J_EINVAL);
    }
    sa.len = sizeof(struct sockaddr_in6);
    CHECK_EQ(s4j_address_from_sockaddr(&sa, &back), 0);
    CHECK_EQ(back.scope_id, 3);
    /* a length beyond the storage is not believed either */
    sa.len = UINT32_MAX;
    CHECK_EQ(s4j_error_portable(s4j_address_from_sockaddr(&sa, &back)), S4J_EINVAL);
}

int main(void) {
    inet_round_trip();
    inet6_keeps_scope_and_flow();
    unix_paths();
    abstract_names();
    bad_layouts_are_refused();
    short_sockaddrs_are_refused();
    return check_verdict("test_address");
}
