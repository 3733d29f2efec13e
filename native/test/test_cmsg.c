/*
 * The received-cmsg walk (s4j_control_to_records) fed control blocks built by
 * hand: well-formed ones become records; a header whose length is shorter than
 * a header or longer than what remains ends the walk with CTRUNC, never a read
 * or write outside the block or the record buffer. On POSIX, descriptors a peer
 * passed (SCM_RIGHTS) are closed, whether or not the walk had room for them.
 * The other direction (s4j_records_to_control) builds blocks the walk reads back.
 */
#include <stdint.h>
#include <string.h>

#include "../src/core/cmsg.h"
#include "../src/core/records.h"
#include "check.h"
#include "portable.h"
#include "sockets4j/errors.h"
#include "sockets4j/message.h"

#ifdef _WIN32
#include <mswsock.h>
#include <ws2ipdef.h>
typedef WSACMSGHDR t_cmsghdr;
#define T_CMSG_LEN(n) WSA_CMSG_LEN(n)
#define T_CMSG_SPACE(n) WSA_CMSG_SPACE(n)
#define T_CMSG_DATA(c) ((unsigned char *)WSA_CMSG_DATA(c))
#else
#include <fcntl.h>
#include <unistd.h>
typedef struct cmsghdr t_cmsghdr;
#define T_CMSG_LEN(n) CMSG_LEN(n)
#define T_CMSG_SPACE(n) CMSG_SPACE(n)
#define T_CMSG_DATA(c) CMSG_DATA(c)
#endif

/* A control block as the OS lays it out, aligned as recvmsg's would be. */
static union {
    t_cmsghdr align;
    unsigned char bytes[512];
} block;
static size_t block_len;

/* Appends a header claiming cmsg_len = claimed, followed by len bytes of data. */
static t_cmsghdr *put(int level, int type, const void *data, size_t len, size_t claimed) {
    t_cmsghdr *c = (t_cmsghdr *)(block.bytes + block_len);
    memset(c, 0, T_CMSG_SPACE(len));
    c->cmsg_level = level;
    c->cmsg_type = type;
    c->cmsg_len = claimed;
    memcpy(T_CMSG_DATA(c), data, len);
    block_len += T_CMSG_SPACE(len);
    return c;
}

static t_cmsghdr *add(int level, int type, const void *data, size_t len) {
    return put(level, type, data, len, T_CMSG_LEN(len));
}

static void reset(void) {
    memset(&block, 0xa5, sizeof block);
    block_len = 0;
}

/* Records land in the middle of a larger buffer, whose guards must stay untouched. */
#define GUARD 64
static unsigned char records[GUARD + 256 + GUARD];

static int32_t walk(int32_t room, int32_t *used) {
    memset(records, 0x5a, sizeof records);
    *used = 0;
    return s4j_control_to_records(block.bytes, block_len, records + GUARD, room, used);
}

static int guards_intact(int32_t room) {
    for (size_t i = 0; i < GUARD; i++) {
        if (records[i] != 0x5a || records[GUARD + (size_t)room + i] != 0x5a) return 0;
    }
    return 1;
}

static void well_formed_blocks_become_records(void) {
    reset();
    int ttl = 64;
    add(IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    add(1234, 5, "xyz", 3);
    int32_t used;
    CHECK_EQ(walk(256, &used), 0);
    CHECK(guards_intact(256));
    struct s4j_record r;
    int32_t off = 0;
    CHECK_EQ(s4j_record_next(records + GUARD, used, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_IP_TTL);
    CHECK_EQ(s4j_record_next(records + GUARD, used, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_RAW);
    CHECK_EQ(r.level, 1234);
    CHECK(r.length == 3 && memcmp(r.data, "xyz", 3) == 0);
    CHECK_EQ(s4j_record_next(records + GUARD, used, &off, &r), 0);

    /* bytes after the last header, too few for another header, are not a header */
    block_len += sizeof(t_cmsghdr) - 1;
    CHECK_EQ(walk(256, &used), 0);
    CHECK_EQ(used, S4J_CMSG_HEADER + 4 + S4J_CMSG_HEADER + 4);
}

static void a_length_shorter_than_a_header_stops_the_walk(void) {
    for (size_t claimed = 0; claimed < T_CMSG_LEN(0); claimed++) {
        reset();
        put(1234, 5, "abcdefgh", 8, claimed);
        int32_t used;
        CHECK_EQ(walk(256, &used), S4J_MSG_OUT_CTRUNC);
        CHECK_EQ(used, 0);
        CHECK(guards_intact(256));
    }
}

static void a_length_past_the_block_stops_the_walk(void) {
    size_t claims[] = {T_CMSG_LEN(9), T_CMSG_LEN(300), (size_t)INT32_MAX, (size_t)UINT32_MAX, SIZE_MAX,
                       SIZE_MAX - T_CMSG_LEN(0) + 1};
    for (size_t i = 0; i < sizeof claims / sizeof claims[0]; i++) {
        reset();
        int ttl = 7;
        add(IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
        put(1234, 5, "abcdefgh", 8, claims[i]);
        int32_t used;
        CHECK_EQ(walk(256, &used), S4J_MSG_OUT_CTRUNC);
        CHECK_EQ(used, S4J_CMSG_HEADER + 4); /* the good record before it stays */
        CHECK(guards_intact(256));
    }
    /* the claim covers exactly what remains: accepted (the last header's padding may be absent) */
    reset();
    put(1234, 5, "abcdefgh", 8, T_CMSG_LEN(8));
    block_len = T_CMSG_LEN(8);
    int32_t used;
    CHECK_EQ(walk(256, &used), 0);
    CHECK_EQ(used, S4J_CMSG_HEADER + 8);
}

static void no_room_is_ctrunc_and_stays_inside(void) {
    reset();
    add(1234, 5, "abcdefghijklmnopqrstuvwxyz", 26);
    int32_t used;
    CHECK_EQ(walk(S4J_CMSG_HEADER + 24, &used), S4J_MSG_OUT_CTRUNC);
    CHECK_EQ(used, 0);
    CHECK(guards_intact(S4J_CMSG_HEADER + 24));
}

#ifndef _WIN32
static int is_open(int fd) { return fcntl(fd, F_GETFD) != -1; }

static void passed_descriptors_are_closed(void) {
    int fds[2], more[2];
    CHECK_EQ(pipe(fds), 0);
    CHECK_EQ(pipe(more), 0);
    reset();
    int ttl = 9;
    add(IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    add(SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds);
    int32_t used;
    CHECK_EQ(walk(256, &used), 0);
    CHECK(!is_open(fds[0]) && !is_open(fds[1]));
    CHECK_EQ(used, S4J_CMSG_HEADER + 4); /* the descriptors are reported as nothing */

    /* no room for the first record: the descriptors after it are closed all the same */
    reset();
    add(1234, 5, "abcdefghijklmnopqrstuvwxyz", 26);
    add(SOL_SOCKET, SCM_RIGHTS, more, sizeof more);
    CHECK_EQ(walk(S4J_CMSG_HEADER, &used), S4J_MSG_OUT_CTRUNC);
    CHECK(!is_open(more[0]) && !is_open(more[1]));
    if (is_open(fds[0])) close(fds[0]);
    if (is_open(fds[1])) close(fds[1]);
    if (is_open(more[0])) close(more[0]);
    if (is_open(more[1])) close(more[1]);
}
#endif

/* Records -> a control block -> records again: the known kinds keep their values. */
static void records_become_control_messages_and_back(void) {
    unsigned char recs[256];
    int32_t len = 0;
    s4j_cmsg_ipv6_pktinfo six;
    memset(&six, 0, sizeof six);
    six.ifindex = 3;
    six.address[15] = 1; /* ::1 */
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_IPV6_PKTINFO, 0, 0, &six, sizeof six), 1);
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_RAW, 1234, 5, "xyz", 3), 1);
    size_t used = 0;
    CHECK_EQ(s4j_records_to_control(recs, len, block.bytes, sizeof block.bytes, &used), 0);
    CHECK_EQ(used, T_CMSG_SPACE(sizeof(struct in6_pktinfo)) + T_CMSG_SPACE(3));
    block_len = used;
    t_cmsghdr *first = (t_cmsghdr *)block.bytes;
    CHECK_EQ(first->cmsg_level, IPPROTO_IPV6);
    CHECK_EQ(first->cmsg_type, IPV6_PKTINFO);
    int32_t back;
    CHECK_EQ(walk(256, &back), 0);
    struct s4j_record r;
    int32_t off = 0;
    CHECK_EQ(s4j_record_next(records + GUARD, back, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_IPV6_PKTINFO);
    CHECK_EQ(r.length, (int32_t)sizeof(s4j_cmsg_ipv6_pktinfo));
    s4j_cmsg_ipv6_pktinfo got;
    memcpy(&got, r.data, sizeof got);
    CHECK_EQ(got.ifindex, 3u);
    CHECK(memcmp(got.address, six.address, 16) == 0);
    CHECK_EQ(s4j_record_next(records + GUARD, back, &off, &r), 1);
    CHECK(r.kind == S4J_CMSG_RAW && r.level == 1234 && r.type == 5 && r.length == 3);

    /* a hop limit: sent where the OS carries one, refused as unsupported where it would be dropped */
    len = 0;
    s4j_cmsg_int hops = {9};
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_IPV6_HOPLIMIT, 0, 0, &hops, sizeof hops), 1);
    int32_t sent = s4j_records_to_control(recs, len, block.bytes, sizeof block.bytes, &used);
#ifdef _WIN32
    CHECK_EQ(s4j_error_portable(sent), S4J_ENOSYS);
#else
    CHECK_EQ(sent, 0);
    block_len = used;
    CHECK_EQ(walk(256, &back), 0);
    off = 0;
    CHECK_EQ(s4j_record_next(records + GUARD, back, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_IPV6_HOPLIMIT);
    s4j_cmsg_int v;
    memcpy(&v, r.data, sizeof v);
    CHECK_EQ(v.value, 9);
#endif
}

static void records_that_cannot_be_sent_are_refused(void) {
    unsigned char recs[256];
    int32_t len = 0;
    size_t used = 0;
    /* a known kind shorter than its struct */
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_IPV6_PKTINFO, 0, 0, "short", 5), 1);
    CHECK_EQ(s4j_error_portable(s4j_records_to_control(recs, len, block.bytes, sizeof block.bytes, &used)),
             S4J_EINVAL);
    /* a kind no one knows */
    len = 0;
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, 99, 0, 0, "", 0), 1);
    CHECK_EQ(s4j_error_portable(s4j_records_to_control(recs, len, block.bytes, sizeof block.bytes, &used)),
             S4J_ENOSYS);
    /* malformed records: a length past the end */
    int32_t bad[4] = {S4J_CMSG_RAW, 0, 0, 1000};
    CHECK_EQ(s4j_error_portable(s4j_records_to_control(bad, sizeof bad, block.bytes, sizeof block.bytes, &used)),
             S4J_EINVAL);
    /* more than the block holds: ENOBUFS, nothing written past the room */
    len = 0;
    CHECK_EQ(s4j_record_put(recs, sizeof recs, &len, S4J_CMSG_RAW, 1, 2, recs, 100), 1);
    memset(block.bytes, 0xa5, sizeof block.bytes);
    size_t room = T_CMSG_SPACE(100) - 1;
    CHECK_EQ(s4j_error_portable(s4j_records_to_control(recs, len, block.bytes, room, &used)), S4J_ENOBUFS);
    for (size_t i = room; i < sizeof block.bytes; i++) CHECK_EQ(block.bytes[i], 0xa5);
    /* no records, no block */
    CHECK_EQ(s4j_records_to_control(recs, 0, block.bytes, sizeof block.bytes, &used), 0);
    CHECK_EQ(used, 0u);
}

int main(void) {
    well_formed_blocks_become_records();
    a_length_shorter_than_a_header_stops_the_walk();
    a_length_past_the_block_stops_the_walk();
    no_room_is_ctrunc_and_stays_inside();
    records_become_control_messages_and_back();
    records_that_cannot_be_sent_are_refused();
#ifndef _WIN32
    passed_descriptors_are_closed();
#endif
    return check_verdict("test_cmsg");
}
