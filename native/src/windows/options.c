/* getsockopt/setsockopt on Winsock: an option as bytes. core/options.c fills the structs. */
#include "sockets4j/options.h"

#include "backend.h"

int32_t s4j_option_get_bytes(s4j_handle h, int level, int name, void *buf, int32_t *len) {
    int l = (int)*len;
    if (getsockopt(s4j_socket(h), level, name, buf, &l) == SOCKET_ERROR) return s4j_last_error();
    *len = l;
    return 0;
}

int32_t s4j_option_set_bytes(s4j_handle h, int level, int name, const void *buf, int32_t len) {
    return setsockopt(s4j_socket(h), level, name, buf, (int)len) == SOCKET_ERROR ? s4j_last_error() : 0;
}
