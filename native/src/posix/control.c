/* The fcntl/ioctl table on POSIX systems. */
#include "sockets4j/control.h"

#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "platform_sockaddr.h"
#include "posix.h"

int32_t s4j_socket_bytes_available(s4j_handle h) {
    int n = 0;
    return ioctl(s4j_fd(h), FIONREAD, &n) == -1 ? s4j_last_error() : n;
}

int32_t s4j_socket_at_mark(s4j_handle h) {
    int r = sockatmark(s4j_fd(h));
    return r == -1 ? s4j_last_error() : r;
}

int32_t s4j_socket_set_async(s4j_handle h, int on) {
    int fd = s4j_fd(h);
    int flags = fcntl(fd, F_GETFL);
    if (flags == -1) return s4j_last_error();
    int wanted = on ? flags | O_ASYNC : flags & ~O_ASYNC;
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) == -1) return s4j_last_error();
    return 0;
}

int32_t s4j_socket_is_async(s4j_handle h) {
    int flags = fcntl(s4j_fd(h), F_GETFL);
    return flags == -1 ? s4j_last_error() : (flags & O_ASYNC) != 0;
}

int32_t s4j_socket_set_owner(s4j_handle h, int64_t owner) {
    return fcntl(s4j_fd(h), F_SETOWN, (pid_t)owner) == -1 ? s4j_last_error() : 0;
}

int32_t s4j_socket_owner(s4j_handle h, int64_t *owner) {
    errno = 0;
    int o = fcntl(s4j_fd(h), F_GETOWN); /* a process group reads as negative: -1 may be valid */
    if (o == -1 && errno != 0) return s4j_last_error();
    *owner = o;
    return 0;
}

/* The length of one ifreq: fixed on Linux; on the BSDs the address may run past it (sa_len). */
static size_t ifreq_size(const struct ifreq *r) {
#ifdef S4J_HAVE_SIN_LEN
    size_t sa = r->ifr_addr.sa_len;
    size_t min = sizeof r->ifr_addr;
    return sizeof r->ifr_name + (sa > min ? sa : min);
#else
    (void)r;
    return sizeof(struct ifreq);
#endif
}

int32_t s4j_socket_interfaces(s4j_handle h, s4j_interface *out, int32_t max) {
    if (max <= 0) return 0;
    size_t room = (size_t)max * 2 * sizeof(struct ifreq) + sizeof(struct ifreq);
    char *buf = malloc(room);
    if (buf == NULL) return s4j_error(S4J_ENOMEM, ENOMEM);
    struct ifconf conf;
    memset(&conf, 0, sizeof conf);
    conf.ifc_len = (int)room;
    conf.ifc_buf = buf;
    if (ioctl(s4j_fd(h), SIOCGIFCONF, &conf) == -1) {
        int32_t r = s4j_last_error();
        free(buf);
        return r;
    }
    int32_t count = 0;
    for (size_t off = 0; off + sizeof(struct ifreq) <= (size_t)conf.ifc_len && count < max;) {
        struct ifreq r;
        memcpy(&r, buf + off, sizeof r);
        off += ifreq_size(&r);
        if (r.ifr_addr.sa_family != AF_INET) continue;
        s4j_sockaddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(sa.u.bytes, &r.ifr_addr, sizeof(struct sockaddr_in));
        sa.len = sizeof(struct sockaddr_in);
        memset(&out[count], 0, sizeof out[count]);
        memcpy(out[count].name, r.ifr_name, sizeof r.ifr_name < S4J_INTERFACE_NAME_MAX ? sizeof r.ifr_name : S4J_INTERFACE_NAME_MAX - 1);
        out[count].name[S4J_INTERFACE_NAME_MAX - 1] = '\0';
        if (s4j_address_from_sockaddr(&sa, &out[count].address) == 0) count++;
    }
    free(buf);
    return count;
}
