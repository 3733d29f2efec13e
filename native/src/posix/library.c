/* Process-wide set-up of the POSIX backends. */
#include "sockets4j/library.h"

#include "posix.h"

int32_t s4j_library_init(void) { return s4j_preclose_init(); }

void s4j_library_cleanup(void) { s4j_preclose_cleanup(); }
