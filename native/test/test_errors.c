/* The core's error mapping: native errno -> portable code, packing, names and texts. */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "sockets4j/errors.h"

static void every_code_has_name_and_text(void) {
    for (int code = 1; code < S4J_ERRNO_LIMIT; code++) {
        CHECK(s4j_errno_name(code) != NULL && s4j_errno_name(code)[0] == 'E');
        CHECK(s4j_errno_text(code) != NULL && strlen(s4j_errno_text(code)) > 0);
    }
    CHECK(s4j_errno_name(0) == NULL);
    CHECK(s4j_errno_name(S4J_ERRNO_LIMIT) == NULL);
    CHECK(strcmp(s4j_errno_name(S4J_EADDRINUSE), "EADDRINUSE") == 0);
    CHECK(strcmp(s4j_errno_text(S4J_ECONNREFUSED), "Connection refused") == 0);
}

static void native_codes_map_by_name(void) {
    struct {
        int native;
        int portable;
    } rows[] = {
        {EADDRINUSE, S4J_EADDRINUSE}, {ECONNREFUSED, S4J_ECONNREFUSED}, {ETIMEDOUT, S4J_ETIMEDOUT},
        {EHOSTUNREACH, S4J_EHOSTUNREACH}, {ENETUNREACH, S4J_ENETUNREACH}, {ECONNRESET, S4J_ECONNRESET},
        {EPIPE, S4J_EPIPE}, {EAGAIN, S4J_EAGAIN}, {EWOULDBLOCK, S4J_EAGAIN}, {EBADF, S4J_EBADF},
        {EINPROGRESS, S4J_EINPROGRESS}, {EAFNOSUPPORT, S4J_EAFNOSUPPORT}, {ENOTCONN, S4J_ENOTCONN},
        {EISCONN, S4J_EISCONN}, {EACCES, S4J_EACCES}, {EMFILE, S4J_EMFILE}, {EOPNOTSUPP, S4J_EOPNOTSUPP},
        {ENOTSUP, S4J_EOPNOTSUPP}, {EINVAL, S4J_EINVAL}, {ENOENT, S4J_ENOENT}, {EINTR, S4J_EINTR},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        CHECK_EQ(s4j_errno_from_native(rows[i].native), rows[i].portable);
    }
    CHECK_EQ(s4j_errno_from_native(0), S4J_EUNKNOWN);
    CHECK_EQ(s4j_errno_from_native(-1), S4J_EUNKNOWN);
    CHECK_EQ(s4j_errno_from_native(99999), S4J_EUNKNOWN);
}

static void results_carry_both_codes(void) {
    int32_t r = s4j_error_from_native(ECONNREFUSED);
    CHECK(r < 0);
    CHECK_EQ(s4j_error_portable(r), S4J_ECONNREFUSED);
    CHECK_EQ(s4j_error_native(r), ECONNREFUSED);
    /* Windows' WSA codes reach 11999; the largest must survive the packing. */
    r = s4j_error(S4J_ERRNO_LIMIT - 1, 11999);
    CHECK(r < 0);
    CHECK_EQ(s4j_error_portable(r), S4J_ERRNO_LIMIT - 1);
    CHECK_EQ(s4j_error_native(r), 11999);
    r = s4j_error(S4J_EINVAL, 0);
    CHECK(r < 0);
    CHECK_EQ(s4j_error_portable(r), S4J_EINVAL);
    CHECK_EQ(s4j_error_native(r), 0);
}

int main(void) {
    every_code_has_name_and_text();
    native_codes_map_by_name();
    results_carry_both_codes();
    return check_verdict("test_errors");
}
