/* What the Windows backend files share and nothing above them sees. */
#ifndef SOCKETS4J_WINDOWS_BACKEND_H
#define SOCKETS4J_WINDOWS_BACKEND_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "sockets4j/errors.h"
#include "sockets4j/socket.h"

/* The SOCKET behind a handle: SOCKETs are UINT_PTR, carried in Java's long. */
static inline SOCKET s4j_socket(s4j_handle h) { return (SOCKET)(uintptr_t)h; }

/* Set-up of message.c (the WSARecvMsg pointer), at library load. */
int32_t s4j_windows_message_init(void);

/* The negative result for the WSA error left by the call that just failed. */
static inline int32_t s4j_last_error(void) { return s4j_error_from_native(WSAGetLastError()); }

/*
 * The same for a send or receive on s, in POSIX's terms where Winsock reports
 * the event otherwise; timeout is the option that bounds the call's wait
 * (SO_SNDTIMEO or SO_RCVTIMEO).
 */
int32_t s4j_windows_io_error(SOCKET s, int timeout);

#endif
