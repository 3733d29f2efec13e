/*
 * core/msghdr.c: the OS's message header filled from message.h's arguments
 * without an OS call. Bad counts and lengths are refused before anything is
 * read as a size; a receive offers twice the record room, capped; records come
 * back from a block and the source from the name.
 */
#include <stdint.h>
#include <string.h>

#include "../src/core/msghdr.h"
#include "../src/core/records.h"
#include "check.h"
#include "portable.h"
#include "sockets4j/errors.h"
#include "sockets4j/message.h"

static void bad_lists_are_refused(void) {
    s4j_os_buffer bufs[S4J_IOV_MAX];
    s4j_os_msghdr m;
    s4j_sockaddr sa;
    char data[4];
    s4j_iovec iov[2] = {{data, 4}, {data, -1}};
    CHECK_EQ(s4j_error_portable(s4j_msghdr_prepare(&m, bufs, iov, 2, NULL, 0, &sa)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_msghdr_prepare(&m, bufs, iov, -1, NULL, 0, &sa)), S4J_EINVAL);
    CHECK_EQ(s4j_error_portable(s4j_msghdr_prepare(&m, bufs, iov, S4J_IOV_MAX + 1, NULL, 0, &sa)), S4J_EINVAL);
    CHECK_EQ(s4j_msghdr_prepare(&m, bufs, iov, 1, NULL, 0, &sa), 0);
    CHECK(m.S4J_MSG_BUFFERS == bufs);
    CHECK(bufs[0].S4J_OS_BUFFER_BASE == (void *)data && bufs[0].S4J_OS_BUFFER_LENGTH == 4);
    CHECK(m.S4J_MSG_NAME == NULL && m.S4J_MSG_CONTROL == NULL);
    /* a destination of no family this library speaks */
    s4j_address to;
    memset(&to, 0, sizeof to);
    to.family = 99;
    CHECK(s4j_msghdr_prepare(&m, bufs, iov, 1, &to, 0, &sa) < 0);
}

static void a_send_carries_its_destination_and_records(void) {
    s4j_os_buffer bufs[S4J_IOV_MAX];
    s4j_os_msghdr m;
    s4j_sockaddr sa;
    s4j_address to;
    memset(&to, 0, sizeof to);
    to.family = S4J_AF_INET;
    to.port = 9;
    to.length = 4;
    to.data[0] = 127, to.data[3] = 1;
    CHECK_EQ(s4j_msghdr_prepare(&m, bufs, NULL, 0, &to, 0, &sa), 0);
    CHECK(m.S4J_MSG_NAME == (void *)sa.u.bytes);
    CHECK_EQ((uint32_t)m.S4J_MSG_NAMELEN, sa.len);
    union {
        s4j_cmsghdr align;
        unsigned char bytes[256];
    } block;
    unsigned char recs[64];
    int32_t len = 0;
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_RAW, 1234, 5, "xyz", 3), 1);
    CHECK_EQ(s4j_msghdr_send_control(&m, recs, 0, block.bytes, sizeof block.bytes), 0);
    CHECK(m.S4J_MSG_CONTROL == NULL); /* no records, no block */
    CHECK_EQ(s4j_msghdr_send_control(&m, recs, len, block.bytes, sizeof block.bytes), 0);
    CHECK(m.S4J_MSG_CONTROL == (void *)block.bytes);
    CHECK_EQ((size_t)m.S4J_MSG_CONTROLLEN, (size_t)S4J_CMSG_SPACE(3));

    /* what was sent reads back as the records and the name as the source */
    unsigned char back[64];
    int32_t used = sizeof back, flags = 0;
    s4j_address from;
    CHECK_EQ(s4j_msghdr_received(&m, &sa, &from, back, sizeof back, &used, &flags), 0);
    CHECK_EQ(flags, 0);
    CHECK_EQ(used, len);
    CHECK(memcmp(back, recs, (size_t)len) == 0);
    CHECK(from.family == S4J_AF_INET && from.port == 9 && memcmp(from.data, to.data, 4) == 0);
}

static void a_receive_offers_twice_the_room_capped(void) {
    s4j_os_buffer bufs[S4J_IOV_MAX];
    s4j_os_msghdr m;
    s4j_sockaddr sa;
    unsigned char block[512];
    CHECK_EQ(s4j_msghdr_prepare(&m, bufs, NULL, 0, NULL, 1, &sa), 0);
    CHECK(m.S4J_MSG_NAME == (void *)sa.u.bytes);
    CHECK_EQ((size_t)m.S4J_MSG_NAMELEN, sizeof sa.u.bytes);
    s4j_msghdr_receive_control(&m, 0, block, sizeof block);
    CHECK(m.S4J_MSG_CONTROL == NULL);
    s4j_msghdr_receive_control(&m, 100, block, sizeof block);
    CHECK_EQ((size_t)m.S4J_MSG_CONTROLLEN, (size_t)200);
    s4j_msghdr_receive_control(&m, 10000, block, sizeof block);
    CHECK_EQ((size_t)m.S4J_MSG_CONTROLLEN, sizeof block);
}

int main(void) {
    bad_lists_are_refused();
    a_send_carries_its_destination_and_records();
    a_receive_offers_twice_the_room_capped();
    return check_verdict("test_msghdr");
}
