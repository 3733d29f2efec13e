/* The portable ancillary-data records of message.h: one reader and one writer for every backend. */
#ifndef SOCKETS4J_CORE_RECORDS_H
#define SOCKETS4J_CORE_RECORDS_H

#include <stddef.h>
#include <stdint.h>

struct s4j_record {
    int32_t kind, level, type, length;
    const unsigned char *data;
};

/* The record at *offset, which then moves past it: 1; 0 at the end; -1 when the bytes are malformed. */
int s4j_record_next(const void *buf, int32_t len, int32_t *offset, struct s4j_record *r);

/* Appends a record at *used: 1; 0 when it does not fit in room (the caller reports MSG_CTRUNC). */
int s4j_record_put(void *out, int32_t room, int32_t *used, int32_t kind, int32_t level, int32_t type,
                   const void *data, int32_t length);

#endif
