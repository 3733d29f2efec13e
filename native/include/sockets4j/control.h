/*
 * The notes' fcntl/ioctl table for sockets: bytes available (FIONREAD), the
 * out-of-band mark (SIOCATMARK / sockatmark), signal-driven I/O (O_ASYNC /
 * FIOASYNC with F_SETOWN / F_GETOWN), and the interface list (SIOCGIFCONF).
 * Blocking mode (O_NONBLOCK / FIONBIO) is in socket.h. A call the platform
 * cannot make returns s4j_unsupported() (errors.h).
 */
#ifndef SOCKETS4J_CONTROL_H
#define SOCKETS4J_CONTROL_H

#include <stdint.h>

#include "sockets4j/address.h"
#include "sockets4j/socket.h"

/* Bytes that a recv could take now (FIONREAD). */
int32_t s4j_socket_bytes_available(s4j_handle h);

/* 1 when the next byte to read is the out-of-band mark, else 0 (sockatmark). */
int32_t s4j_socket_at_mark(s4j_handle h);

/* Signal-driven I/O: SIGIO to the owner when I/O is possible (O_ASYNC). */
int32_t s4j_socket_set_async(s4j_handle h, int on);
int32_t s4j_socket_is_async(s4j_handle h);

/* The process (> 0) or process group (< 0) that gets SIGIO and SIGURG (F_SETOWN / F_GETOWN). */
int32_t s4j_socket_set_owner(s4j_handle h, int64_t owner);
int32_t s4j_socket_owner(s4j_handle h, int64_t *owner); /* out: a group is negative, so not in the result */

/*
 * One entry of the interface list, in caller-owned memory:
 *   offset 0   32 bytes  name, NUL-terminated
 *   offset 32  128 bytes the address in the layout of address.h
 */
#define S4J_INTERFACE_NAME_MAX 32
#define S4J_INTERFACE_SIZE (S4J_INTERFACE_NAME_MAX + S4J_ADDRESS_SIZE)

typedef struct s4j_interface {
    char name[S4J_INTERFACE_NAME_MAX];
    s4j_address address;
} s4j_interface;

_Static_assert(sizeof(s4j_interface) == S4J_INTERFACE_SIZE, "s4j_interface layout");

/* SIOCGIFCONF: up to max interfaces with an IPv4 address, written to out; returns how many. */
int32_t s4j_socket_interfaces(s4j_handle h, s4j_interface *out, int32_t max);

#endif
