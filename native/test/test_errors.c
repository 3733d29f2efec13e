/* The core's error mapping: native errno -> portable code, packing, names and texts. */
#include <string.h>

#include "check.h"
#include "portable.h"
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
        {T_ERR(EADDRINUSE), S4J_EADDRINUSE}, {T_ERR(ECONNREFUSED), S4J_ECONNREFUSED},
        {T_ERR(ETIMEDOUT), S4J_ETIMEDOUT}, {T_ERR(EHOSTUNREACH), S4J_EHOSTUNREACH},
        {T_ERR(ENETUNREACH), S4J_ENETUNREACH}, {T_ERR(ECONNRESET), S4J_ECONNRESET},
        {T_ERR(EWOULDBLOCK), S4J_EAGAIN}, {T_ERR(EBADF), S4J_EBADF}, {T_ERR(EINPROGRESS), S4J_EINPROGRESS},
        {T_ERR(EAFNOSUPPORT), S4J_EAFNOSUPPORT}, {T_ERR(ENOTCONN), S4J_ENOTCONN}, {T_ERR(EISCONN), S4J_EISCONN},
        {T_ERR(EACCES), S4J_EACCES}, {T_ERR(EMFILE), S4J_EMFILE}, {T_ERR(EOPNOTSUPP), S4J_EOPNOTSUPP},
        {T_ERR(EINVAL), S4J_EINVAL}, {T_ERR(EINTR), S4J_EINTR}, {T_ERR(EMSGSIZE), S4J_EMSGSIZE},
#ifdef _WIN32
        /* Winsock's own spellings of the same events */
        {WSAENOTSOCK, S4J_EBADF}, {WSA_OPERATION_ABORTED, S4J_EINTR}, {WSAEDISCON, S4J_EPIPE},
        {ERROR_FILE_NOT_FOUND, S4J_ENOENT},
#else
        {EPIPE, S4J_EPIPE}, {EAGAIN, S4J_EAGAIN}, {ENOTSUP, S4J_EOPNOTSUPP}, {ENOENT, S4J_ENOENT},
#endif
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        CHECK_EQ(s4j_errno_from_native(rows[i].native), rows[i].portable);
    }
    CHECK_EQ(s4j_errno_from_native(0), S4J_EUNKNOWN);
    CHECK_EQ(s4j_errno_from_native(-1), S4J_EUNKNOWN);
    CHECK_EQ(s4j_errno_from_native(99999), S4J_EUNKNOWN);
}

static void results_carry_both_codes(void) {
    int32_t r = s4j_error_from_native(T_ERR(ECONNREFUSED));
    CHECK(r < 0);
    CHECK_EQ(s4j_error_portable(r), S4J_ECONNREFUSED);
    CHECK_EQ(s4j_error_native(r), T_ERR(ECONNREFUSED));
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

static void the_os_has_words_of_its_own(void) {
    char buf[256];
    s4j_errno_describe(T_ERR(ECONNREFUSED), buf, sizeof buf);
    CHECK(strlen(buf) > 5);
    s4j_errno_describe(987654, buf, sizeof buf);
    CHECK(strlen(buf) > 0);
    char tiny[4];
    s4j_errno_describe(T_ERR(ECONNREFUSED), tiny, sizeof tiny);
    CHECK(strlen(tiny) < sizeof tiny);
}

int main(void) {
    the_os_has_words_of_its_own();
    every_code_has_name_and_text();
    native_codes_map_by_name();
    results_carry_both_codes();
    return check_verdict("test_errors");
}
