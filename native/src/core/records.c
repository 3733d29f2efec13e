/* Reading and writing message.h's records: kind, level, type, length, data padded to 4 bytes. */
#include "records.h"

#include <string.h>

#include "sockets4j/message.h"

static int32_t padded(int32_t length) { return (length + 3) & ~3; }

int s4j_record_next(const void *buf, int32_t len, int32_t *offset, struct s4j_record *r) {
    const unsigned char *bytes = buf;
    if (*offset + S4J_CMSG_HEADER > len) return 0;
    int32_t head[4];
    memcpy(head, bytes + *offset, sizeof head);
    r->kind = head[0];
    r->level = head[1];
    r->type = head[2];
    r->length = head[3];
    if (r->length < 0 || *offset + S4J_CMSG_HEADER + r->length > len) return -1;
    r->data = bytes + *offset + S4J_CMSG_HEADER;
    *offset += S4J_CMSG_HEADER + padded(r->length);
    return 1;
}

int s4j_record_put(void *out, int32_t room, int32_t *used, int32_t kind, int32_t level, int32_t type,
                   const void *data, int32_t length) {
    unsigned char *bytes = out;
    int32_t size = S4J_CMSG_HEADER + padded(length);
    if (*used + size > room) return 0;
    int32_t head[4] = {kind, level, type, length};
    memcpy(bytes + *used, head, sizeof head);
    memset(bytes + *used + S4J_CMSG_HEADER, 0, (size_t)(size - S4J_CMSG_HEADER));
    memcpy(bytes + *used + S4J_CMSG_HEADER, data, (size_t)length);
    *used += size;
    return 1;
}
