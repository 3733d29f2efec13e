/* message.h's portable records: what s4j_record_put writes, s4j_record_next reads back. */
#include <string.h>

#include "../src/core/records.h"
#include "check.h"
#include "sockets4j/message.h"

/* Lengths near INT32_MAX: a bound check written as offset + length > len overflows and lets them through. */
static void lengths_that_overflow_are_refused(void) {
    struct s4j_record r;
    int32_t block[8] = {S4J_CMSG_RAW, 0, 0, 0, S4J_CMSG_RAW, 0, 0, 0};
    int32_t huge[] = {INT32_MAX, INT32_MAX - 3, INT32_MAX - S4J_CMSG_HEADER, INT32_MAX - 2 * S4J_CMSG_HEADER + 1,
                      INT32_MIN, -1};
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        block[7] = huge[i]; /* the second record's length */
        int32_t off = 0;
        CHECK_EQ(s4j_record_next(block, sizeof block, &off, &r), 1);
        CHECK_EQ(off, S4J_CMSG_HEADER);
        CHECK_EQ(s4j_record_next(block, sizeof block, &off, &r), -1);
        CHECK_EQ(off, S4J_CMSG_HEADER); /* unmoved */
    }
    /* an offset outside the block, and a negative block length, are not read from */
    int32_t off = -S4J_CMSG_HEADER;
    CHECK_EQ(s4j_record_next(block, sizeof block, &off, &r), -1);
    off = INT32_MAX;
    CHECK_EQ(s4j_record_next(block, sizeof block, &off, &r), 0);
    off = 0;
    CHECK_EQ(s4j_record_next(block, -1, &off, &r), -1);
    /* a last record whose padding is cut off ends the block: the offset stays inside it */
    int32_t tail[5] = {S4J_CMSG_RAW, 0, 0, 1, 0x7f};
    off = 0;
    CHECK_EQ(s4j_record_next(tail, S4J_CMSG_HEADER + 1, &off, &r), 1);
    CHECK(off <= S4J_CMSG_HEADER + 1);
    CHECK_EQ(s4j_record_next(tail, S4J_CMSG_HEADER + 1, &off, &r), 0);

    unsigned char out[64 + 16];
    memset(out, 0x5a, sizeof out);
    int32_t lengths[] = {-1, -4, -16, INT32_MIN, INT32_MAX, INT32_MAX - 3, INT32_MAX - S4J_CMSG_HEADER, 64 - 15};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        int32_t used = 0;
        CHECK_EQ(s4j_record_put(out, 64, &used, S4J_CMSG_RAW, 0, 0, out, lengths[i]), 0);
        CHECK_EQ(used, 0);
    }
    int32_t used = 60; /* room 64: a header no longer fits */
    CHECK_EQ(s4j_record_put(out, 64, &used, S4J_CMSG_RAW, 0, 0, out, 0), 0);
    used = INT32_MAX - 4;
    CHECK_EQ(s4j_record_put(out, INT32_MAX, &used, S4J_CMSG_RAW, 0, 0, out, 0), 0);
    used = -S4J_CMSG_HEADER;
    CHECK_EQ(s4j_record_put(out, 64, &used, S4J_CMSG_RAW, 0, 0, out, 0), 0);
    for (size_t i = 64; i < sizeof out; i++) CHECK_EQ(out[i], 0x5a);
}

int main(void) {
    unsigned char buf[64];
    int32_t used = 0;
    int32_t ttl = 33;
    CHECK_EQ(s4j_record_put(buf, sizeof buf, &used, S4J_CMSG_IP_TTL, 0, 0, &ttl, 4), 1);
    CHECK_EQ(used, S4J_CMSG_HEADER + 4);
    CHECK_EQ(s4j_record_put(buf, sizeof buf, &used, S4J_CMSG_RAW, 1, 29, "abcde", 5), 1);
    CHECK_EQ(used, 2 * S4J_CMSG_HEADER + 4 + 8); /* 5 bytes padded to 8 */
    CHECK_EQ(s4j_record_put(buf, sizeof buf, &used, S4J_CMSG_RAW, 1, 29, buf, 40), 0); /* no room: unchanged */
    CHECK_EQ(used, 2 * S4J_CMSG_HEADER + 12);

    struct s4j_record r;
    int32_t off = 0;
    CHECK_EQ(s4j_record_next(buf, used, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_IP_TTL);
    CHECK_EQ(r.length, 4);
    int32_t back;
    memcpy(&back, r.data, 4);
    CHECK_EQ(back, 33);
    CHECK_EQ(s4j_record_next(buf, used, &off, &r), 1);
    CHECK_EQ(r.kind, S4J_CMSG_RAW);
    CHECK_EQ(r.level, 1);
    CHECK_EQ(r.type, 29);
    CHECK(r.length == 5 && memcmp(r.data, "abcde", 5) == 0);
    CHECK_EQ(s4j_record_next(buf, used, &off, &r), 0);

    int32_t bad[4] = {S4J_CMSG_RAW, 0, 0, 1000}; /* a length past the end */
    off = 0;
    CHECK_EQ(s4j_record_next(bad, sizeof bad, &off, &r), -1);

    lengths_that_overflow_are_refused();
    return check_verdict("test_records");
}
