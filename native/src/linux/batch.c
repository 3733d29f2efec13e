/*
 * Batches on Linux: sendmmsg/recvmmsg, at most S4J_MMSG_CHUNK datagrams a call
 * so that the headers live on the stack; core/batch.c fills each header and
 * reads it back. A kernel without the calls (ENOSYS, before 2.6.33/3.0) gets
 * core's loop of single calls instead.
 */
#include "sockets4j/batch.h"

#include <sys/socket.h>

#include "../core/batch.h"
#include "../posix/posix.h"

/* 64 headers, buffers and sockaddrs: about 14 KiB of stack. */
#define S4J_MMSG_CHUNK 64

int32_t s4j_socket_send_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    int32_t r = s4j_batch_check(records, data, slot, count, 1);
    if (r < 0) return r;
    struct mmsghdr mm[S4J_MMSG_CHUNK];
    struct iovec v[S4J_MMSG_CHUNK];
    s4j_sockaddr sa[S4J_MMSG_CHUNK];
    int32_t done = 0;
    while (done < count) {
        int32_t n = count - done < S4J_MMSG_CHUNK ? count - done : S4J_MMSG_CHUNK;
        int32_t bad = 0;
        for (int32_t i = 0; i < n; i++) {
            bad = s4j_batch_prepare(&mm[i].msg_hdr, &v[i], &sa[i], &records[done + i],
                                    data + (size_t)(done + i) * (size_t)slot, slot, 0);
            if (bad < 0) {
                n = i; /* those before it go; it fails again first thing on the next call */
                break;
            }
        }
        if (n == 0) return done > 0 ? done : bad;
        int sent;
        S4J_RETRY(sent, sendmmsg(s4j_fd(h), mm, (unsigned)n, flags | S4J_SEND_FLAGS));
        if (sent == -1) {
            if (errno == ENOSYS && done == 0) return s4j_batch_send_each(h, records, data, slot, count, flags);
            return done > 0 ? done : s4j_last_error();
        }
        done += sent;
        if (sent < n || bad < 0) break;
    }
    return done;
}

int32_t s4j_socket_recv_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    int32_t r = s4j_batch_check(records, data, slot, count, 0);
    if (r < 0) return r;
    struct mmsghdr mm[S4J_MMSG_CHUNK];
    struct iovec v[S4J_MMSG_CHUNK];
    s4j_sockaddr sa[S4J_MMSG_CHUNK];
    int32_t done = 0;
    while (done < count) {
        int32_t n = count - done < S4J_MMSG_CHUNK ? count - done : S4J_MMSG_CHUNK;
        for (int32_t i = 0; i < n; i++) {
            s4j_batch_prepare(&mm[i].msg_hdr, &v[i], &sa[i], &records[done + i],
                              data + (size_t)(done + i) * (size_t)slot, slot, 1);
        }
        /* Only the first datagram of the whole batch may be waited for. */
        int got;
        S4J_RETRY(got, recvmmsg(s4j_fd(h), mm, (unsigned)n, done == 0 ? flags | MSG_WAITFORONE : flags | MSG_DONTWAIT,
                                NULL));
        if (got == -1) {
            if (errno == ENOSYS && done == 0) return s4j_batch_recv_each(h, records, data, slot, count, flags);
            return done > 0 ? done : s4j_last_error();
        }
        for (int i = 0; i < got; i++) {
            s4j_batch_received(&records[done + i], &mm[i].msg_hdr, &sa[i], mm[i].msg_len, slot,
                               s4j_posix_out_flags(mm[i].msg_hdr.msg_flags));
        }
        done += got;
        if (got < n) break;
    }
    return done;
}
