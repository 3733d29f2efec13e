/* The platform constants table of the POSIX backends: rows in core/platform_constants.inc. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "../core/platform_constants.h"

#define S4J_CONSTANT(name) {#name, (int32_t)(name)},

const struct s4j_named_constant s4j_platform_constants[] = {
#include "../core/platform_constants.inc"
};

const size_t s4j_platform_constant_count = sizeof s4j_platform_constants / sizeof s4j_platform_constants[0];
