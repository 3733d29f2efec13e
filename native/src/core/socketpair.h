/* A socket pair made of the core's own calls, for families and OSes without socketpair(). */
#ifndef SOCKETS4J_CORE_SOCKETPAIR_H
#define SOCKETS4J_CORE_SOCKETPAIR_H

#include "sockets4j/address.h"
#include "sockets4j/socket.h"

/*
 * Connects two new sockets of (family, type, protocol) over loopback: a stream
 * pair through a listener on the backend-supplied loopback address (port 0 or
 * a fresh path), checking that the accepted end's peer is the connecting end,
 * so no other process can slip in; a datagram pair by binding both to loopback
 * and connecting each to the other.
 */
/* The loopback address of S4J_AF_INET (127.0.0.1) or S4J_AF_INET6 (::1), port 0. */
void s4j_address_loopback(uint8_t family, s4j_address *out);

int32_t s4j_socket_pair_over_loopback(int family, int type, int protocol, const s4j_address *loopback,
                                      int stream, int64_t out[2]);

#endif
