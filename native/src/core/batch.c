/* Batches of datagrams, filled and read back through the names of the backend's platform_net.h. */
#include "batch.h"

#include <string.h>

#include "sockets4j/errors.h"
#include "sockets4j/message.h"

int32_t s4j_batch_check(const s4j_datagram *records, const unsigned char *data, int32_t slot, int32_t count,
                        int send) {
    if (records == NULL || data == NULL || slot < 1 || count < 1 || count > S4J_BATCH_MAX) {
        return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
    }
    if (send) {
        for (int32_t i = 0; i < count; i++) {
            if (records[i].length < 0 || records[i].length > slot) {
                return s4j_error(S4J_EINVAL, S4J_NATIVE_ERROR(EINVAL));
            }
        }
    }
    return 0;
}

int32_t s4j_batch_prepare(s4j_os_msghdr *m, s4j_os_buffer *buf, s4j_sockaddr *sa, const s4j_datagram *rec,
                          unsigned char *bytes, int32_t slot, int receive) {
    memset(m, 0, sizeof *m);
    buf->S4J_OS_BUFFER_BASE = (void *)bytes;
    buf->S4J_OS_BUFFER_LENGTH = (size_t)(receive ? slot : rec->length);
    m->S4J_MSG_BUFFERS = buf;
    m->S4J_MSG_BUFFER_COUNT = 1;
    if (receive) {
        memset(sa, 0, sizeof *sa);
        m->S4J_MSG_NAME = (void *)sa->u.bytes;
        m->S4J_MSG_NAMELEN = sizeof sa->u.bytes;
    } else if (rec->addressed) {
        int32_t r = s4j_address_to_sockaddr(&rec->address, sa);
        if (r < 0) return r;
        m->S4J_MSG_NAME = (void *)sa->u.bytes;
        m->S4J_MSG_NAMELEN = sa->len;
    }
    return 0;
}

void s4j_batch_received(s4j_datagram *rec, const s4j_os_msghdr *m, s4j_sockaddr *sa, size_t n, int32_t slot,
                        int32_t out_flags) {
    if (n > (size_t)slot) {
        out_flags |= S4J_MSG_OUT_TRUNC;
        n = (size_t)slot;
    }
    rec->length = (int32_t)n;
    rec->flags = out_flags;
    rec->reserved = 0;
    sa->len = (uint32_t)m->S4J_MSG_NAMELEN;
    if (s4j_address_from_sockaddr(sa, &rec->address) < 0) memset(&rec->address, 0, sizeof rec->address);
    rec->addressed = rec->address.family != S4J_AF_UNSPEC;
}

int32_t s4j_batch_send_each(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot, int32_t count,
                            int flags) {
    int32_t r = s4j_batch_check(records, data, slot, count, 1);
    if (r < 0) return r;
    for (int32_t i = 0; i < count; i++) {
        s4j_os_msghdr m;
        s4j_os_buffer buf;
        s4j_sockaddr sa;
        r = s4j_batch_prepare(&m, &buf, &sa, &records[i], data + (size_t)i * (size_t)slot, slot, 0);
        if (r == 0) r = s4j_os_send_one(h, &m, flags);
        if (r < 0) return i > 0 ? i : r; /* the error comes again on the next call, which starts here */
    }
    return count;
}

int32_t s4j_batch_recv_each(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot, int32_t count,
                            int flags) {
    int32_t r = s4j_batch_check(records, data, slot, count, 0);
    if (r < 0) return r;
    for (int32_t i = 0; i < count; i++) {
        s4j_os_msghdr m;
        s4j_os_buffer buf;
        s4j_sockaddr sa;
        unsigned char *bytes = data + (size_t)i * (size_t)slot;
        s4j_batch_prepare(&m, &buf, &sa, &records[i], bytes, slot, 1);
        int32_t out = 0;
        r = s4j_os_recv_one(h, &m, flags, i == 0, &out);
        if (r < 0) return i > 0 ? i : r;
        s4j_batch_received(&records[i], &m, &sa, (size_t)r, slot, out);
    }
    return count;
}

#ifndef S4J_HAVE_MMSG
/* Where the OS has no sendmmsg/recvmmsg (macOS, the BSDs, Winsock), a batch is the loop of single calls. */
int32_t s4j_socket_send_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    return s4j_batch_send_each(h, records, data, slot, count, flags);
}

int32_t s4j_socket_recv_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    return s4j_batch_recv_each(h, records, data, slot, count, flags);
}
#endif
