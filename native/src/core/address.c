/*
 * The fixed address layout <-> struct sockaddr_in / sockaddr_in6 / sockaddr_un.
 * The same on every platform: each backend's platform_sockaddr.h brings the
 * OS headers that declare these structs, and says whether they carry a length.
 */
#include "sockets4j/address.h"

#include <string.h>

#include "platform_sockaddr.h"
#include "sockets4j/errors.h"

_Static_assert(sizeof(struct sockaddr_un) <= sizeof(((s4j_sockaddr *)0)->u.bytes), "sockaddr_un fits");
_Static_assert(sizeof(struct sockaddr_in6) <= sizeof(((s4j_sockaddr *)0)->u.bytes), "sockaddr_in6 fits");

int s4j_unix_path_max(void) {
    /* One byte stays free for the NUL that some kernels expect after the path. */
    return (int)sizeof(((struct sockaddr_un *)0)->sun_path) - 1;
}

static int32_t to_inet(const s4j_address *in, s4j_sockaddr *out) {
    struct sockaddr_in sin;
    if (in->length != 4) return s4j_error(S4J_EINVAL, 0);
    memset(&sin, 0, sizeof sin);
#ifdef S4J_HAVE_SIN_LEN
    sin.sin_len = sizeof sin;
#endif
    sin.sin_family = AF_INET;
    sin.sin_port = htons(in->port);
    memcpy(&sin.sin_addr, in->data, 4);
    memcpy(out->u.bytes, &sin, sizeof sin);
    out->len = sizeof sin;
    return 0;
}

static int32_t to_inet6(const s4j_address *in, s4j_sockaddr *out) {
    struct sockaddr_in6 sin6;
    if (in->length != 16) return s4j_error(S4J_EINVAL, 0);
    memset(&sin6, 0, sizeof sin6);
#ifdef S4J_HAVE_SIN_LEN
    sin6.sin6_len = sizeof sin6;
#endif
    sin6.sin6_family = AF_INET6;
    sin6.sin6_port = htons(in->port);
    sin6.sin6_flowinfo = htonl(in->flowinfo);
    sin6.sin6_scope_id = in->scope_id;
    memcpy(&sin6.sin6_addr, in->data, 16);
    memcpy(out->u.bytes, &sin6, sizeof sin6);
    out->len = sizeof sin6;
    return 0;
}

/* A name in Linux's abstract namespace: a leading NUL, then any bytes, counted by the length alone. */
static int is_abstract(const uint8_t *name, size_t length) {
#ifdef S4J_HAVE_ABSTRACT_UNIX
    return length > 0 && name[0] == 0;
#else
    (void)name, (void)length;
    return 0;
#endif
}

static int32_t to_unix(const s4j_address *in, s4j_sockaddr *out) {
    struct sockaddr_un sun;
    int abstract = is_abstract(in->data, in->length);
    /* A path needs room for its NUL; an abstract name has none and may fill sun_path. */
    size_t max = abstract ? sizeof sun.sun_path : (size_t)s4j_unix_path_max();
    if (in->length > max || in->length > S4J_ADDRESS_DATA_MAX) return s4j_error(S4J_ENAMETOOLONG, 0);
    if (!abstract && memchr(in->data, 0, in->length) != NULL) return s4j_error(S4J_EINVAL, 0);
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    memcpy(sun.sun_path, in->data, in->length);
    size_t len = offsetof(struct sockaddr_un, sun_path) + in->length + (in->length > 0 && !abstract ? 1 : 0);
#ifdef S4J_HAVE_SUN_LEN
    sun.sun_len = (unsigned char)len;
#endif
    memcpy(out->u.bytes, &sun, sizeof sun);
    out->len = (uint32_t)len;
    return 0;
}

int32_t s4j_address_to_sockaddr(const s4j_address *in, s4j_sockaddr *out) {
    switch (in->family) {
    case S4J_AF_INET: return to_inet(in, out);
    case S4J_AF_INET6: return to_inet6(in, out);
    case S4J_AF_UNIX: return to_unix(in, out);
    default: return s4j_error(S4J_EAFNOSUPPORT, 0);
    }
}

static void from_unix(const s4j_sockaddr *in, s4j_address *out) {
    struct sockaddr_un sun;
    memcpy(&sun, in->u.bytes, sizeof sun);
    size_t header = offsetof(struct sockaddr_un, sun_path);
    size_t room = in->len > header ? in->len - header : 0;
    if (room > sizeof sun.sun_path) room = sizeof sun.sun_path;
    size_t path_len = room;
    if (!is_abstract((const uint8_t *)sun.sun_path, room)) {
        /* Kernels differ on whether the length counts the NUL: stop at the first one. */
        const char *nul = memchr(sun.sun_path, 0, room);
        if (nul != NULL) path_len = (size_t)(nul - sun.sun_path);
    }
    if (path_len > S4J_ADDRESS_DATA_MAX) path_len = S4J_ADDRESS_DATA_MAX;
    out->family = S4J_AF_UNIX;
    out->length = (uint16_t)path_len;
    memcpy(out->data, sun.sun_path, path_len);
}

int32_t s4j_address_from_sockaddr(const s4j_sockaddr *in, s4j_address *out) {
    s4j_sa_family family;
    memset(out, 0, sizeof *out);
    /* The OS says how many bytes it wrote; a byte past them is stale, and past the storage is not ours. */
    if (in->len > sizeof in->u.bytes) return s4j_error(S4J_EINVAL, 0);
    if (in->len < offsetof(struct sockaddr, sa_family) + sizeof family) {
        out->family = S4J_AF_UNSPEC;
        return 0;
    }
    memcpy(&family, in->u.bytes + offsetof(struct sockaddr, sa_family), sizeof family);
    switch (family) {
    case AF_INET: {
        struct sockaddr_in sin;
        if (in->len < sizeof sin) return s4j_error(S4J_EINVAL, 0);
        memcpy(&sin, in->u.bytes, sizeof sin);
        out->family = S4J_AF_INET;
        out->port = ntohs(sin.sin_port);
        out->length = 4;
        memcpy(out->data, &sin.sin_addr, 4);
        return 0;
    }
    case AF_INET6: {
        struct sockaddr_in6 sin6;
        if (in->len < sizeof sin6) return s4j_error(S4J_EINVAL, 0);
        memcpy(&sin6, in->u.bytes, sizeof sin6);
        out->family = S4J_AF_INET6;
        out->port = ntohs(sin6.sin6_port);
        out->flowinfo = ntohl(sin6.sin6_flowinfo);
        out->scope_id = sin6.sin6_scope_id;
        out->length = 16;
        memcpy(out->data, &sin6.sin6_addr, 16);
        return 0;
    }
    case AF_UNIX: from_unix(in, out); return 0;
    case AF_UNSPEC: return 0;
    default: return s4j_error(S4J_EAFNOSUPPORT, 0);
    }
}
