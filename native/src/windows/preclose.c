/*
 * Close under concurrency on Windows.
 *
 * A SOCKET cannot be duplicated over, but it need not be: Winsock's blocking
 * calls are I/O requests on the handle, and CancelIoEx cancels those of every
 * thread, which then fail (WSAEINTR / WSA_OPERATION_ABORTED). A thread still on
 * its way into a call is not cancelled, so the socket is made non-blocking
 * first: that call then fails at once with WSAEWOULDBLOCK instead of waiting.
 * The handle stays open, so its value cannot be reused, until
 * s4j_socket_close() runs closesocket() after the last caller has left.
 */
#include "backend.h"

void s4j_socket_preclose(s4j_handle h) {
    SOCKET s = s4j_socket(h);
    u_long non_blocking = 1;
    ioctlsocket(s, FIONBIO, &non_blocking);
    shutdown(s, SD_BOTH);
    CancelIoEx((HANDLE)s, NULL);
}
