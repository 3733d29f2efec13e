/*
 * The platform's numbers for families, types, protocols, flags and sizes,
 * looked up by their C names. Java never hard-codes an OS number: it asks here
 * when the library loads, and a name this platform lacks is reported as
 * absent, which is what the capability probes stand on.
 */
#ifndef SOCKETS4J_CONSTANTS_H
#define SOCKETS4J_CONSTANTS_H

#include <stddef.h>
#include <stdint.h>

/* 1 and *value set when the platform defines name, else 0. */
int s4j_constant(const char *name, int32_t *value);

/* The table, for listing: count, then the i-th name (NULL past the end). */
size_t s4j_constant_count(void);

const char *s4j_constant_name(size_t i);

/*
 * Every name the table has a row for, including the rows this platform's
 * headers leave out: count, then the i-th name (NULL past the end). A name
 * outside this list is a misspelling, not an unsupported feature.
 */
size_t s4j_constant_row_count(void);

const char *s4j_constant_row_name(size_t i);

#endif
