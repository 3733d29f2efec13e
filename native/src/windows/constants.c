/*
 * The platform constants table of Windows: rows in core/platform_constants.inc.
 * Winsock spells shutdown's "how" SD_*; the table names stay POSIX's.
 */
#include "backend.h"

#include <afunix.h>
#include <mstcpip.h>
#include <ws2ipdef.h>

#include "../core/platform_constants.h"

#define SHUT_RD SD_RECEIVE
#define SHUT_WR SD_SEND
#define SHUT_RDWR SD_BOTH

#define S4J_CONSTANT(name) {#name, (int32_t)(name)},

const struct s4j_named_constant s4j_platform_constants[] = {
#include "../core/platform_constants.inc"
};

const size_t s4j_platform_constant_count = sizeof s4j_platform_constants / sizeof s4j_platform_constants[0];
