/* errno -> portable code. Every name in the table but EUNKNOWN is a POSIX errno. */
#include "sockets4j/errors.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int s4j_errno_from_native(int native_code) {
    switch (native_code) {
#define S4J_ERRNO_CASE(name, code, text) case name: return S4J_##name;
#define EUNKNOWN (-1) /* not an errno: the table's catch-all, reached through default */
        S4J_ERRNO_TABLE(S4J_ERRNO_CASE)
#undef EUNKNOWN
#undef S4J_ERRNO_CASE
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: return S4J_EAGAIN;
#endif
#if defined(ENOTSUP) && ENOTSUP != EOPNOTSUPP
    case ENOTSUP: return S4J_EOPNOTSUPP;
#endif
    default: return S4J_EUNKNOWN;
    }
}

void s4j_errno_describe(int native_code, char *buf, size_t len) {
    /* strerror() is thread-safe for known numbers on glibc and the BSDs; unknown ones get our own words. */
    const char *text = native_code > 0 ? strerror(native_code) : NULL;
    snprintf(buf, len, "%s", text != NULL ? text : "Unknown error");
}
