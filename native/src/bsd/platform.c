#include "sockets4j/library.h"

const char *s4j_library_platform(void) { return "osx"; }
