/* Batches on macOS and the BSDs, which have no sendmmsg/recvmmsg: core/batch.c's loop of sendmsg/recvmsg. */
#include "sockets4j/batch.h"

#include "../core/batch.h"

int32_t s4j_socket_send_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    return s4j_batch_send_each(h, records, data, slot, count, flags);
}

int32_t s4j_socket_recv_many(s4j_handle h, s4j_datagram *records, unsigned char *data, int32_t slot,
                             int32_t count, int flags) {
    return s4j_batch_recv_each(h, records, data, slot, count, flags);
}
