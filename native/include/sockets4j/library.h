/*
 * Once-per-process set-up of the backend (the dead socket behind preclose,
 * WSAStartup on Windows) and its undoing when the library unloads.
 */
#ifndef SOCKETS4J_LIBRARY_H
#define SOCKETS4J_LIBRARY_H

#include <stdint.h>

/* Returns 0 or a negative s4j_error(). */
int32_t s4j_library_init(void);

void s4j_library_cleanup(void);

/* The platform the library was built for, e.g. "linux", "osx", "windows". */
const char *s4j_library_platform(void);

#endif
