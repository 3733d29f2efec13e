/*
 * The fcntl/ioctl table on Winsock. FIONREAD is Winsock's too. SIOCATMARK
 * exists but answers another question (TRUE: no out-of-band data pending),
 * there is no signal-driven I/O, and the interface list belongs to
 * GetAdaptersAddresses: those report s4j_unsupported() rather than a near miss.
 */
#include "sockets4j/control.h"

#include "backend.h"

int32_t s4j_socket_bytes_available(s4j_handle h) {
    u_long n = 0;
    return ioctlsocket(s4j_socket(h), FIONREAD, &n) == SOCKET_ERROR ? s4j_last_error() : (int32_t)n;
}


int32_t s4j_socket_at_mark(s4j_handle h) {
    (void)h;
    return s4j_unsupported();
}

int32_t s4j_socket_set_async(s4j_handle h, int on) {
    (void)h, (void)on;
    return s4j_unsupported();
}

int32_t s4j_socket_is_async(s4j_handle h) {
    (void)h;
    return s4j_unsupported();
}

int32_t s4j_socket_set_owner(s4j_handle h, int64_t owner) {
    (void)h, (void)owner;
    return s4j_unsupported();
}

int32_t s4j_socket_owner(s4j_handle h, int64_t *owner) {
    (void)h, (void)owner;
    return s4j_unsupported();
}

int32_t s4j_socket_interfaces(s4j_handle h, s4j_interface *out, int32_t max) {
    (void)h, (void)out, (void)max;
    return s4j_unsupported();
}
