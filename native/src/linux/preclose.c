/*
 * Close under concurrency on Linux.
 *
 * shutdown(SHUT_RDWR) wakes every thread blocked on the socket: recv returns
 * end of stream, accept and connect fail. The descriptor number is then
 * pointed at a dead socket (one end of a socketpair whose peer is gone) so
 * that a thread still on its way into a call meets the dead socket, never a
 * descriptor the process opened meanwhile. The final close() releases it.
 */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../posix/posix.h"

/* Written once while the library loads, read-only afterwards. */
static int dead_fd = -1;

int32_t s4j_preclose_init(void) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == -1) return s4j_last_error();
    close(pair[1]);
    shutdown(pair[0], SHUT_RDWR);
    dead_fd = pair[0];
    return 0;
}

void s4j_preclose_cleanup(void) {
    if (dead_fd != -1) close(dead_fd);
    dead_fd = -1;
}

void s4j_socket_preclose(s4j_handle h) {
    int fd = s4j_fd(h);
    shutdown(fd, SHUT_RDWR);
    int r;
    S4J_RETRY(r, dup3(dead_fd, fd, O_CLOEXEC));
    (void)r; /* nothing to do if it fails: the final close still happens */
}
