/*
 * The core socket calls, one per Berkeley sockets function.
 *
 * A handle is an fd on POSIX and a SOCKET on Windows, carried as int64_t.
 * Every call returns >= 0 on success or a negative s4j_error() (errors.h);
 * EINTR is retried inside, and no call ever raises SIGPIPE. Family, type,
 * protocol, flag and "how" arguments are the platform's own numbers, which
 * Java learns from constants.h at load time.
 */
#ifndef SOCKETS4J_SOCKET_H
#define SOCKETS4J_SOCKET_H

#include <stdint.h>

#include "sockets4j/address.h"

typedef int64_t s4j_handle;

/* socket(); the handle is close-on-exec and never raises SIGPIPE. */
int64_t s4j_socket_open(int family, int type, int protocol);

/*
 * 1 if this kernel creates sockets of the family (of some type, protocol 0), or
 * refuses only for want of privilege; else 0.
 */
int32_t s4j_socket_family_supported(int family);

/*
 * socketpair(): two connected sockets, written to out[0] and out[1]. AF_UNIX
 * where the OS has it natively; AF_INET and AF_INET6 (and AF_UNIX on Windows)
 * through a loopback connection whose two ends are checked to be each other.
 */
int32_t s4j_socket_pair(int family, int type, int protocol, int64_t out[2]);

int32_t s4j_socket_bind(s4j_handle h, const s4j_address *local);

int32_t s4j_socket_listen(s4j_handle h, int backlog);

/* accept(); the new handle is close-on-exec. peer may be NULL. EAGAIN when non-blocking and none is pending. */
int64_t s4j_socket_accept(s4j_handle h, s4j_address *peer);

/* connect(); EINPROGRESS on a non-blocking socket whose connection is under way. */
int32_t s4j_socket_connect(s4j_handle h, const s4j_address *remote);

/* After a non-blocking connect: 1 when connected, 0 while still under way, or the connect's error. */
int32_t s4j_socket_finish_connect(s4j_handle h);

/* send() when to is NULL, else sendto(). Returns the bytes sent. */
int32_t s4j_socket_send(s4j_handle h, const void *buf, int32_t len, int flags, const s4j_address *to);

/*
 * recv(), or recvfrom() when from is not NULL. Returns the bytes received; 0 is
 * end of stream or an empty datagram. out_flags, when not NULL, receives
 * message.h's S4J_MSG_OUT_TRUNC if a datagram was longer than len (what fitted
 * is stored and len returned, on every platform), else 0. MSG_WAITALL waits
 * on blocking stream sockets only; on a non-blocking socket, where POSIX
 * returns what is queued, the caller leaves it out, because Winsock cannot
 * tell the socket's mode and would wait (the caller knows it).
 */
int32_t s4j_socket_recv(s4j_handle h, void *buf, int32_t len, int flags, s4j_address *from, int32_t *out_flags);

int32_t s4j_socket_shutdown(s4j_handle h, int how);

/* getsockname() */
int32_t s4j_socket_local_address(s4j_handle h, s4j_address *out);

/* getpeername() */
int32_t s4j_socket_remote_address(s4j_handle h, s4j_address *out);

int32_t s4j_socket_set_blocking(s4j_handle h, int blocking);

/* The socket's SO_TYPE. */
int32_t s4j_socket_type(s4j_handle h);

int32_t s4j_socket_close(s4j_handle h);

/*
 * First half of a close while other threads are inside calls on h: wakes
 * them with an error or end of stream, and keeps the handle's number taken by
 * a dead socket so that it cannot be reused under them. s4j_socket_close()
 * releases it once the last of them has returned.
 */
void s4j_socket_preclose(s4j_handle h);

#endif
