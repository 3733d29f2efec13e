/* Winsock 2.2 for the life of the library, and the platform's name. */
#include "sockets4j/library.h"

#include "backend.h"

int32_t s4j_library_init(void) {
    WSADATA data;
    int r = WSAStartup(MAKEWORD(2, 2), &data);
    return r == 0 ? s4j_windows_message_init() : s4j_error_from_native(r);
}

void s4j_library_cleanup(void) { WSACleanup(); }

const char *s4j_library_platform(void) { return "windows"; }
