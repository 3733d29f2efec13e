/* The socket address structs of Winsock, for core/address.c. */
#ifndef SOCKETS4J_PLATFORM_SOCKADDR_H
#define SOCKETS4J_PLATFORM_SOCKADDR_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <afunix.h>

typedef ADDRESS_FAMILY s4j_sa_family;

#endif
