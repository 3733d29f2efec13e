/* Reading and writing message.h's records: kind, level, type, length, data padded to 4 bytes. */
#include "records.h"

#include <string.h>

#include "sockets4j/message.h"

/*
 * Every bound below compares a length with what remains (len - offset, both
 * already known to be in range), never offset + length with len: a length near
 * INT32_MAX would overflow the sum and pass the check.
 */

static int32_t padding(int32_t length) { return (4 - (length & 3)) & 3; }

int s4j_record_next(const void *buf, int32_t len, int32_t *offset, struct s4j_record *r) {
    const unsigned char *bytes = buf;
    if (len < 0 || *offset < 0) return -1;
    if (*offset > len || len - *offset < S4J_CMSG_HEADER) return 0;
    int32_t head[4];
    memcpy(head, bytes + *offset, sizeof head);
    int32_t rest = len - *offset - S4J_CMSG_HEADER;
    if (head[3] < 0 || head[3] > rest) return -1;
    r->kind = head[0];
    r->level = head[1];
    r->type = head[2];
    r->length = head[3];
    r->data = bytes + *offset + S4J_CMSG_HEADER;
    /* the last record's padding may be cut off: the offset then stops at the end */
    int32_t pad = padding(r->length);
    *offset += S4J_CMSG_HEADER + r->length + (pad <= rest - r->length ? pad : rest - r->length);
    return 1;
}

int s4j_record_put(void *out, int32_t room, int32_t *used, int32_t kind, int32_t level, int32_t type,
                   const void *data, int32_t length) {
    unsigned char *bytes = out;
    if (length < 0 || room < 0 || *used < 0 || *used > room) return 0;
    int32_t free_bytes = room - *used;
    if (free_bytes < S4J_CMSG_HEADER || length > free_bytes - S4J_CMSG_HEADER) return 0;
    int32_t pad = padding(length);
    if (pad > free_bytes - S4J_CMSG_HEADER - length) return 0;
    int32_t head[4] = {kind, level, type, length};
    unsigned char *at = bytes + *used;
    memcpy(at, head, sizeof head);
    if (length > 0) memcpy(at + S4J_CMSG_HEADER, data, (size_t)length);
    memset(at + S4J_CMSG_HEADER + length, 0, (size_t)pad);
    *used += S4J_CMSG_HEADER + length + pad;
    return 1;
}
