/* getsockopt/setsockopt on POSIX systems: an option as bytes. core/options.c fills the structs. */
#include "sockets4j/options.h"

#include <sys/socket.h>

#include "posix.h"

int32_t s4j_option_get_bytes(s4j_handle h, int level, int name, void *buf, int32_t *len) {
    socklen_t l = (socklen_t)*len;
    if (getsockopt(s4j_fd(h), level, name, buf, &l) == -1) return s4j_last_error();
    *len = (int32_t)l;
    return 0;
}

int32_t s4j_option_set_bytes(s4j_handle h, int level, int name, const void *buf, int32_t len) {
    return setsockopt(s4j_fd(h), level, name, buf, (socklen_t)len) == -1 ? s4j_last_error() : 0;
}
