/* The socket address structs of POSIX systems, for core/address.c. */
#ifndef SOCKETS4J_PLATFORM_SOCKADDR_H
#define SOCKETS4J_PLATFORM_SOCKADDR_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

typedef sa_family_t s4j_sa_family;

#endif
