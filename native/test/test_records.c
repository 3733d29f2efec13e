/* message.h's portable records: what s4j_record_put writes, s4j_record_next reads back. */
#include <string.h>

#include "../src/core/records.h"
#include "check.h"
#include "sockets4j/message.h"

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
    return check_verdict("test_records");
}
