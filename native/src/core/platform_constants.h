/* The backend's half of the constants table (constants.h): the OS's own numbers. */
#ifndef SOCKETS4J_PLATFORM_CONSTANTS_H
#define SOCKETS4J_PLATFORM_CONSTANTS_H

#include <stddef.h>
#include <stdint.h>

struct s4j_named_constant {
    const char *name;
    int32_t value;
};

extern const struct s4j_named_constant s4j_platform_constants[];
extern const size_t s4j_platform_constant_count;

#endif
