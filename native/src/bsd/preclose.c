/*
 * Close under concurrency on macOS and the BSDs.
 *
 * As on Linux, the descriptor number is pointed at a dead socket (one end of a
 * socketpair whose peer is gone) so that no thread reaches a reused number.
 * Waking the threads blocked in the socket differs: BSD's shutdown() wakes
 * readers of a connected socket, but not a thread in accept() nor one in
 * recvfrom() on an unconnected datagram socket (it answers ENOTCONN and does
 * nothing). Those are woken by giving them what they wait for: a connection
 * from a throwaway socket, an empty datagram sent to the socket's own address.
 * The caller then sees the close and drops what woke it.
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../posix/posix.h"

/* Written once while the library loads, read-only afterwards. */
static int dead_fd = -1;

int32_t s4j_preclose_init(void) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == -1) return s4j_last_error();
    close(pair[1]);
    shutdown(pair[0], SHUT_RDWR);
    if (fcntl(pair[0], F_SETFD, FD_CLOEXEC) == -1) {
        int32_t r = s4j_last_error();
        close(pair[0]);
        return r;
    }
    dead_fd = pair[0];
    return 0;
}

void s4j_preclose_cleanup(void) {
    if (dead_fd != -1) close(dead_fd);
    dead_fd = -1;
}

/* A wildcard local address cannot be connected to: aim at the family's loopback instead. */
static void aim_at_loopback(struct sockaddr_storage *ss) {
    if (ss->ss_family == AF_INET) {
        struct sockaddr_in *sin = (struct sockaddr_in *)ss;
        if (sin->sin_addr.s_addr == htonl(INADDR_ANY)) sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    } else if (ss->ss_family == AF_INET6) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
        if (IN6_IS_ADDR_UNSPECIFIED(&sin6->sin6_addr)) sin6->sin6_addr = in6addr_loopback;
    }
}

static void poke(int fd) {
    int listening = 0, type = 0;
    socklen_t len = sizeof listening;
    getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
    len = sizeof type;
    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
    struct sockaddr_storage self;
    socklen_t self_len = sizeof self;
    memset(&self, 0, sizeof self);
    if (getsockname(fd, (struct sockaddr *)&self, &self_len) == -1) return;
    aim_at_loopback(&self);
    if (listening) {
        int c = socket(self.ss_family, SOCK_STREAM, 0);
        if (c == -1) return;
        fcntl(c, F_SETFL, O_NONBLOCK);
        connect(c, (struct sockaddr *)&self, self_len);
        close(c);
    } else if (type == SOCK_DGRAM) {
        struct sockaddr_storage peer;
        socklen_t peer_len = sizeof peer;
        /* A connected datagram socket only takes its peer's datagrams, but shutdown() wakes it. */
        if (getpeername(fd, (struct sockaddr *)&peer, &peer_len) == -1) {
            sendto(fd, "", 0, 0, (struct sockaddr *)&self, self_len);
        }
    }
}

void s4j_socket_preclose(s4j_handle h) {
    int fd = s4j_fd(h);
    poke(fd);
    shutdown(fd, SHUT_RDWR);
    int r;
    S4J_RETRY(r, dup2(dead_fd, fd));
    if (r != -1) fcntl(fd, F_SETFD, FD_CLOEXEC);
}
