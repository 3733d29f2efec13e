/* The OS's message header, filled through the names of the backend's platform_net.h. */
#include "msghdr.h"

#include <string.h>

#include "cmsg.h"
#include "sockets4j/errors.h"

int32_t s4j_msghdr_prepare(s4j_os_msghdr *m, s4j_os_buffer *bufs, const s4j_iovec *iov, int32_t iovcnt,
                           const s4j_address *to, int receive, s4j_sockaddr *sa) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
    for (int32_t i = 0; i < iovcnt; i++) {
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
        bufs[i].S4J_OS_BUFFER_BASE = iov[i].base;
        bufs[i].S4J_OS_BUFFER_LENGTH = (size_t)iov[i].length;
    }
    memset(m, 0, sizeof *m);
    m->S4J_MSG_BUFFERS = bufs;
    m->S4J_MSG_BUFFER_COUNT = iovcnt;
    if (receive) {
        memset(sa, 0, sizeof *sa);
        m->S4J_MSG_NAME = (void *)sa->u.bytes;
        m->S4J_MSG_NAMELEN = sizeof sa->u.bytes;
    } else if (to != NULL) {
        int32_t r = s4j_address_to_sockaddr(to, sa);
        if (r < 0) return r;
        m->S4J_MSG_NAME = (void *)sa->u.bytes;
        m->S4J_MSG_NAMELEN = sa->len;
    }
    return 0;
}

int32_t s4j_msghdr_send_control(s4j_os_msghdr *m, const void *control, int32_t control_len, void *block,
                                size_t room) {
    if (control_len <= 0) return 0;
    size_t used = 0;
    int32_t r = s4j_records_to_control(control, control_len, block, room, &used);
    if (r < 0) return r;
    if (used > 0) {
        m->S4J_MSG_CONTROL = block;
        m->S4J_MSG_CONTROLLEN = used;
    }
    return 0;
}

void s4j_msghdr_receive_control(s4j_os_msghdr *m, int32_t room, void *block, size_t size) {
    if (room <= 0) return;
    size_t want = (size_t)room * 2;
    m->S4J_MSG_CONTROL = block;
    m->S4J_MSG_CONTROLLEN = want < size ? want : size;
}

int32_t s4j_msghdr_received(const s4j_os_msghdr *m, s4j_sockaddr *sa, s4j_address *from, void *control,
                            int32_t room, int32_t *control_len, int32_t *out_flags) {
    int32_t used = 0;
    if (room > 0 && m->S4J_MSG_CONTROLLEN > 0) {
        *out_flags |= s4j_control_to_records(m->S4J_MSG_CONTROL, m->S4J_MSG_CONTROLLEN, control, room, &used);
    }
    if (control_len != NULL) *control_len = used;
    if (from == NULL) return 0;
    sa->len = (uint32_t)m->S4J_MSG_NAMELEN;
    return s4j_address_from_sockaddr(sa, from);
}
