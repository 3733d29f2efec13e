/*
 * The one binary layout in which socket addresses cross the JNI boundary.
 *
 * Java writes and reads this layout in memory it owns (native byte order);
 * the backend converts it to and from the OS's sockaddr, filling every field
 * by name so that sin_len, sockaddr_un sizes and padding stay the backend's
 * business. C never builds a Java address object.
 *
 *   offset size field
 *   0      1    family     S4J_AF_* below
 *   1      1    reserved   zero
 *   2      2    port       host byte order (INET, INET6)
 *   4      4    flowinfo   host byte order (INET6)
 *   8      4    scope_id   interface index (INET6)
 *   12     2    length     bytes used in data: 4 (INET), 16 (INET6), path length (UNIX)
 *   14     2    reserved   zero
 *   16     112  data       address bytes in network order, or the path bytes
 *                          without a terminating NUL (UNIX; length 0 = unnamed);
 *                          a UNIX name whose first byte is NUL is Linux's
 *                          abstract namespace, its length counting that NUL
 *   total  128
 */
#ifndef SOCKETS4J_ADDRESS_H
#define SOCKETS4J_ADDRESS_H

#include <stddef.h>
#include <stdint.h>

enum s4j_address_family {
    S4J_AF_UNSPEC = 0,
    S4J_AF_INET = 1,
    S4J_AF_INET6 = 2,
    S4J_AF_UNIX = 3,
};

#define S4J_ADDRESS_SIZE 128
#define S4J_ADDRESS_DATA_MAX 112

typedef struct s4j_address {
    uint8_t family;
    uint8_t reserved0;
    uint16_t port;
    uint32_t flowinfo;
    uint32_t scope_id;
    uint16_t length;
    uint16_t reserved1;
    uint8_t data[S4J_ADDRESS_DATA_MAX];
} s4j_address;

_Static_assert(sizeof(s4j_address) == S4J_ADDRESS_SIZE, "s4j_address layout");
_Static_assert(offsetof(s4j_address, port) == 2, "s4j_address.port");
_Static_assert(offsetof(s4j_address, flowinfo) == 4, "s4j_address.flowinfo");
_Static_assert(offsetof(s4j_address, scope_id) == 8, "s4j_address.scope_id");
_Static_assert(offsetof(s4j_address, length) == 12, "s4j_address.length");
_Static_assert(offsetof(s4j_address, data) == 16, "s4j_address.data");

/*
 * The OS sockaddr, large enough for every family this library speaks.
 * Opaque here: only the backend looks inside.
 */
typedef struct s4j_sockaddr {
    union {
        uint64_t align;
        unsigned char bytes[128];
    } u;
    uint32_t len; /* bytes of u in use */
} s4j_sockaddr;

/* The longest Unix domain path this platform accepts, in bytes, without the NUL. */
int s4j_unix_path_max(void);

/* Layout -> sockaddr. Returns 0 or a negative s4j_error (EAFNOSUPPORT, EINVAL, ENAMETOOLONG). */
int32_t s4j_address_to_sockaddr(const s4j_address *in, s4j_sockaddr *out);

/*
 * sockaddr -> layout, reading only in->len bytes. Returns 0 or a negative s4j_error:
 * EAFNOSUPPORT, or EINVAL when in->len is beyond the storage or too short for the family's struct.
 */
int32_t s4j_address_from_sockaddr(const s4j_sockaddr *in, s4j_address *out);

#endif
