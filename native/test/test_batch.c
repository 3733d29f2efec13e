/*
 * core/batch.c: the checks made before anything is read as a size, one header
 * per record, records filled back from received headers (length capped at the
 * slot, TRUNC added, the source decoded), and the whole send_many/recv_many of
 * the backend against the kernel on loopback: partial batches, truncation,
 * zero-length datagrams, per-datagram addresses and would-block.
 */
#include <string.h>

#include "../src/core/batch.h"
#include "check.h"
#include "portable.h"
#include "sockets4j/batch.h"
#include "sockets4j/errors.h"
#include "sockets4j/library.h"
#include "sockets4j/socket.h"

#define SLOT 16
#define COUNT 8

static s4j_address loopback(uint16_t port) {
    s4j_address a;
    memset(&a, 0, sizeof a);
    a.family = S4J_AF_INET;
    a.port = port;
    a.length = 4;
    inet_pton(AF_INET, "127.0.0.1", a.data);
    return a;
}

static void bad_batches_are_refused(void) {
    s4j_datagram recs[2];
    unsigned char data[2 * SLOT] = {0};
    memset(recs, 0, sizeof recs);
    CHECK_EQ(s4j_batch_check(recs, data, SLOT, 2, 1), 0);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(NULL, data, SLOT, 2, 1)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, NULL, SLOT, 2, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, 0, 2, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, -1, 2, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, SLOT, 0, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, SLOT, -1, 0)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, SLOT, S4J_BATCH_MAX + 1, 0)), S4J_EINVAL);
    recs[1].length = SLOT + 1; /* a send length beyond the slot, never read as a size */
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, SLOT, 2, 1)), S4J_EINVAL);
    CHECK_EQ(s4j_batch_check(recs, data, SLOT, 2, 0), 0); /* a receive overwrites lengths */
    recs[1].length = -1;
    CHECK_EQ(s4j_error_portable(s4j_batch_check(recs, data, SLOT, 2, 1)), S4J_EINVAL);
}

static void headers_come_from_records(void) {
    s4j_os_msghdr m;
    s4j_os_buffer buf;
    s4j_sockaddr sa;
    s4j_datagram rec;
    unsigned char bytes[SLOT];
    memset(&rec, 0, sizeof rec);
    rec.length = 5;
    CHECK_EQ(s4j_batch_prepare(&m, &buf, &sa, &rec, bytes, SLOT, 0), 0);
    CHECK(m.S4J_MSG_BUFFERS == &buf && m.S4J_MSG_BUFFER_COUNT == 1);
    CHECK(buf.S4J_OS_BUFFER_BASE == (void *)bytes && buf.S4J_OS_BUFFER_LENGTH == 5);
    CHECK(m.S4J_MSG_NAME == NULL && m.S4J_MSG_CONTROL == NULL); /* unaddressed: the connected peer */
    rec.addressed = 1;
    rec.address = loopback(9);
    CHECK_EQ(s4j_batch_prepare(&m, &buf, &sa, &rec, bytes, SLOT, 0), 0);
    CHECK(m.S4J_MSG_NAME == (void *)sa.u.bytes);
    CHECK_EQ((uint32_t)m.S4J_MSG_NAMELEN, sa.len);
    rec.address.family = 99; /* no family this library speaks */
    CHECK(s4j_batch_prepare(&m, &buf, &sa, &rec, bytes, SLOT, 0) < 0);
    /* a receive offers the whole slot and all of sa, whatever the record held */
    CHECK_EQ(s4j_batch_prepare(&m, &buf, &sa, &rec, bytes, SLOT, 1), 0);
    CHECK(buf.S4J_OS_BUFFER_LENGTH == SLOT);
    CHECK(m.S4J_MSG_NAME == (void *)sa.u.bytes);
    CHECK_EQ((size_t)m.S4J_MSG_NAMELEN, sizeof sa.u.bytes);
}

static void records_come_back_from_headers(void) {
    s4j_os_msghdr m;
    s4j_os_buffer buf;
    s4j_sockaddr sa;
    s4j_datagram rec;
    unsigned char bytes[SLOT];
    memset(&rec, 0x5a, sizeof rec);
    s4j_batch_prepare(&m, &buf, &sa, &rec, bytes, SLOT, 1);
    /* the OS said nothing of the source: none, not the record's old bytes */
    m.S4J_MSG_NAMELEN = 0;
    s4j_batch_received(&rec, &m, &sa, 3, SLOT, 0);
    CHECK_EQ(rec.length, 3);
    CHECK_EQ(rec.flags, 0);
    CHECK_EQ(rec.addressed, 0);
    CHECK_EQ(rec.address.family, S4J_AF_UNSPEC);
    CHECK_EQ(rec.reserved, 0);
    /* MSG_TRUNC's real length: the slot's worth stored, and the flag */
    s4j_address from = loopback(7);
    s4j_address_to_sockaddr(&from, &sa);
    m.S4J_MSG_NAMELEN = sa.len;
    s4j_batch_received(&rec, &m, &sa, SLOT + 100, SLOT, S4J_MSG_OUT_CTRUNC);
    CHECK_EQ(rec.length, SLOT);
    CHECK_EQ(rec.flags, S4J_MSG_OUT_TRUNC | S4J_MSG_OUT_CTRUNC);
    CHECK_EQ(rec.addressed, 1);
    CHECK_EQ(rec.address.family, S4J_AF_INET);
    CHECK_EQ(rec.address.port, 7);
}

static void batches_over_loopback(void) {
    int64_t a = s4j_socket_open(AF_INET, SOCK_DGRAM, 0), b = s4j_socket_open(AF_INET, SOCK_DGRAM, 0);
    s4j_address any = loopback(0), a_name, b_name;
    CHECK_EQ(s4j_socket_bind(a, &any), 0);
    CHECK_EQ(s4j_socket_bind(b, &any), 0);
    CHECK_EQ(s4j_socket_local_address(a, &a_name), 0);
    CHECK_EQ(s4j_socket_local_address(b, &b_name), 0);
    CHECK_EQ(s4j_socket_set_blocking(b, 0), 0);
    s4j_datagram out[COUNT], in[COUNT];
    unsigned char out_data[COUNT * SLOT], in_data[COUNT * SLOT];
    memset(out, 0, sizeof out);
    memset(in, 0x5a, sizeof in);
    CHECK_EQ(s4j_error_portable(s4j_socket_recv_many(b, in, in_data, SLOT, COUNT, 0)), S4J_EAGAIN);
    /* five datagrams: 0 to 3 bytes, then one longer than the receiver's slot */
    for (int i = 0; i < 5; i++) {
        out[i].addressed = 1;
        out[i].address = b_name;
        out[i].length = i < 4 ? i : SLOT;
        memset(out_data + i * SLOT, 'a' + i, SLOT);
    }
    CHECK_EQ(s4j_socket_send_many(a, out, out_data, SLOT, 5, 0), 5);
    /* a bad length anywhere refuses the whole batch before anything goes */
    out[1].length = SLOT + 1;
    CHECK_EQ(s4j_error_portable(s4j_socket_send_many(a, out, out_data, SLOT, 5, 0)), S4J_EINVAL);
    out[1].length = 1;
    test_sleep_ms(50);
    /* fewer queued than room: what is there, without waiting */
    CHECK_EQ(s4j_socket_recv_many(b, in, in_data, SLOT - 4, COUNT, 0), 5);
    for (int i = 0; i < 5; i++) {
        CHECK_EQ(in[i].addressed, 1);
        CHECK_EQ(in[i].address.port, a_name.port);
        CHECK_EQ(in[i].length, i < 4 ? i : SLOT - 4);
        CHECK_EQ(in[i].flags, i < 4 ? 0 : S4J_MSG_OUT_TRUNC);
        if (i > 0) CHECK_EQ(in_data[i * (SLOT - 4)], 'a' + i);
    }
    CHECK_EQ(in[5].length, 0x5a5a5a5a); /* untouched past the count */
    CHECK_EQ(s4j_error_portable(s4j_socket_recv_many(b, in, in_data, SLOT, COUNT, 0)), S4J_EAGAIN);
    /* a bad address part-way: those before it go, the next call starts with its error */
    out[2].address.family = 99;
    CHECK_EQ(s4j_socket_send_many(a, out, out_data, SLOT, 4, 0), 2);
    CHECK(s4j_socket_send_many(a, out + 2, out_data + 2 * SLOT, SLOT, 2, 0) < 0);
    test_sleep_ms(50);
    CHECK_EQ(s4j_socket_recv_many(b, in, in_data, SLOT, COUNT, 0), 2);
    s4j_socket_close(a);
    s4j_socket_close(b);
}

int main(void) {
    if (s4j_library_init() < 0) {
        fprintf(stderr, "s4j_library_init failed\n");
        return 1;
    }
    bad_batches_are_refused();
    headers_come_from_records();
    records_come_back_from_headers();
    batches_over_loopback();
    s4j_library_cleanup();
    return check_verdict("test_batch");
}
