/*
 * The constants table: this library's own portable numbers (address layout,
 * sizes), then the platform's (platform_constants.h), one lookup for both.
 */
#include "sockets4j/constants.h"

#include <stddef.h>
#include <string.h>

#include "platform_constants.h"
#include "sockets4j/address.h"
#include "sockets4j/batch.h"
#include "sockets4j/control.h"
#include "sockets4j/message.h"
#include "sockets4j/options.h"
#include "sockets4j/poller.h"

static const struct s4j_named_constant portable[] = {
    {"S4J_ADDRESS_SIZE", S4J_ADDRESS_SIZE},
    {"S4J_AF_UNSPEC", S4J_AF_UNSPEC},
    {"S4J_AF_INET", S4J_AF_INET},
    {"S4J_AF_INET6", S4J_AF_INET6},
    {"S4J_AF_UNIX", S4J_AF_UNIX},
    {"S4J_UNIX_PATH_MAX", 0}, /* the backend's answer, below */
#ifdef S4J_HAVE_ABSTRACT_UNIX
    {"S4J_UNIX_ABSTRACT", 1},
#else
    {"S4J_UNIX_ABSTRACT", 0},
#endif
    {"S4J_INTERFACE_SIZE", S4J_INTERFACE_SIZE},
    {"S4J_INTERFACE_NAME_MAX", S4J_INTERFACE_NAME_MAX},
    {"S4J_IOV_MAX", S4J_IOV_MAX},
    {"S4J_CMSG_HEADER", S4J_CMSG_HEADER},
    /* message.h's record layouts: each struct's size and its fields' offsets */
#define S4J_LAYOUT_SIZE(name, type) {name, (int32_t)sizeof(type)},
#define S4J_LAYOUT_FIELD(name, type, field) {name, (int32_t)offsetof(type, field)},
    S4J_LAYOUT_FIELD("S4J_CMSG_HEADER_KIND", s4j_cmsg_header, kind)
    S4J_LAYOUT_FIELD("S4J_CMSG_HEADER_LEVEL", s4j_cmsg_header, level)
    S4J_LAYOUT_FIELD("S4J_CMSG_HEADER_TYPE", s4j_cmsg_header, type)
    S4J_LAYOUT_FIELD("S4J_CMSG_HEADER_LENGTH", s4j_cmsg_header, length)
    S4J_LAYOUT_SIZE("S4J_CMSG_IP_PKTINFO_SIZE", s4j_cmsg_ip_pktinfo)
    S4J_LAYOUT_FIELD("S4J_CMSG_IP_PKTINFO_IFINDEX", s4j_cmsg_ip_pktinfo, ifindex)
    S4J_LAYOUT_FIELD("S4J_CMSG_IP_PKTINFO_DESTINATION", s4j_cmsg_ip_pktinfo, destination)
    S4J_LAYOUT_FIELD("S4J_CMSG_IP_PKTINFO_LOCAL", s4j_cmsg_ip_pktinfo, local)
    S4J_LAYOUT_SIZE("S4J_CMSG_INT_SIZE", s4j_cmsg_int)
    S4J_LAYOUT_FIELD("S4J_CMSG_INT_VALUE", s4j_cmsg_int, value)
    S4J_LAYOUT_SIZE("S4J_CMSG_IPV6_PKTINFO_SIZE", s4j_cmsg_ipv6_pktinfo)
    S4J_LAYOUT_FIELD("S4J_CMSG_IPV6_PKTINFO_IFINDEX", s4j_cmsg_ipv6_pktinfo, ifindex)
    S4J_LAYOUT_FIELD("S4J_CMSG_IPV6_PKTINFO_ADDRESS", s4j_cmsg_ipv6_pktinfo, address)
    S4J_LAYOUT_SIZE("S4J_CMSG_IPV6_PATHMTU_SIZE", s4j_cmsg_ipv6_pathmtu)
    S4J_LAYOUT_FIELD("S4J_CMSG_IPV6_PATHMTU_MTU", s4j_cmsg_ipv6_pathmtu, mtu)
    S4J_LAYOUT_FIELD("S4J_CMSG_IPV6_PATHMTU_DESTINATION", s4j_cmsg_ipv6_pathmtu, destination)
    /* poller.h's event, which Java reads straight out of the array s4j_poller_wait() filled */
    S4J_LAYOUT_SIZE("S4J_POLL_EVENT_SIZE", s4j_poll_event)
    S4J_LAYOUT_FIELD("S4J_POLL_EVENT_TOKEN", s4j_poll_event, token)
    S4J_LAYOUT_FIELD("S4J_POLL_EVENT_READY", s4j_poll_event, ready)
    /* batch.h's record */
    S4J_LAYOUT_SIZE("S4J_DATAGRAM_SIZE", s4j_datagram)
    S4J_LAYOUT_FIELD("S4J_DATAGRAM_LENGTH", s4j_datagram, length)
    S4J_LAYOUT_FIELD("S4J_DATAGRAM_FLAGS", s4j_datagram, flags)
    S4J_LAYOUT_FIELD("S4J_DATAGRAM_ADDRESSED", s4j_datagram, addressed)
    S4J_LAYOUT_FIELD("S4J_DATAGRAM_ADDRESS", s4j_datagram, address)
#undef S4J_LAYOUT_SIZE
#undef S4J_LAYOUT_FIELD
    {"S4J_BATCH_MAX", S4J_BATCH_MAX},
    {"S4J_CMSG_RAW", S4J_CMSG_RAW},
    {"S4J_CMSG_IP_PKTINFO", S4J_CMSG_IP_PKTINFO},
    {"S4J_CMSG_IP_TTL", S4J_CMSG_IP_TTL},
    {"S4J_CMSG_IP_TOS", S4J_CMSG_IP_TOS},
    {"S4J_CMSG_IPV6_PKTINFO", S4J_CMSG_IPV6_PKTINFO},
    {"S4J_CMSG_IPV6_HOPLIMIT", S4J_CMSG_IPV6_HOPLIMIT},
    {"S4J_CMSG_IPV6_TCLASS", S4J_CMSG_IPV6_TCLASS},
    {"S4J_CMSG_IPV6_PATHMTU", S4J_CMSG_IPV6_PATHMTU},
    {"S4J_MSG_OUT_TRUNC", S4J_MSG_OUT_TRUNC},
    {"S4J_MSG_OUT_CTRUNC", S4J_MSG_OUT_CTRUNC},
    {"S4J_MREQ", S4J_MREQ},
    {"S4J_MREQ_SOURCE", S4J_MREQ_SOURCE},
    {"S4J_IPV6_MREQ", S4J_IPV6_MREQ},
    {"S4J_GROUP_REQ", S4J_GROUP_REQ},
    {"S4J_GROUP_SOURCE_REQ", S4J_GROUP_SOURCE_REQ},
    {"S4J_POLLER_NATIVE", S4J_POLLER_NATIVE},
    {"S4J_POLLER_POLL", S4J_POLLER_POLL},
    {"S4J_POLL_IN", S4J_POLL_IN},
    {"S4J_POLL_OUT", S4J_POLL_OUT},
    {"S4J_POLL_ERR", S4J_POLL_ERR},
    {"S4J_POLL_HUP", S4J_POLL_HUP},
    {"S4J_POLL_RDHUP", S4J_POLL_RDHUP},
    {"S4J_POLL_EDGE", S4J_POLL_EDGE},
    {"S4J_POLL_ONESHOT", S4J_POLL_ONESHOT},
};

#define PORTABLE_COUNT (sizeof portable / sizeof portable[0])

static const struct s4j_named_constant *row(size_t i) {
    if (i < PORTABLE_COUNT) return &portable[i];
    i -= PORTABLE_COUNT;
    return i < s4j_platform_constant_count ? &s4j_platform_constants[i] : NULL;
}

int s4j_constant(const char *name, int32_t *value) {
    if (strcmp(name, "S4J_UNIX_PATH_MAX") == 0) {
        *value = s4j_unix_path_max();
        return 1;
    }
    for (size_t i = 0; row(i) != NULL; i++) {
        if (strcmp(row(i)->name, name) == 0) {
            *value = row(i)->value;
            return 1;
        }
    }
    return 0;
}

size_t s4j_constant_count(void) { return PORTABLE_COUNT + s4j_platform_constant_count; }

const char *s4j_constant_name(size_t i) {
    const struct s4j_named_constant *c = row(i);
    return c == NULL ? NULL : c->name;
}

/*
 * Every name the table has a row for, defined on this platform or not: the
 * portable rows, then each row of platform_constants.inc (its names generated
 * by CMakeLists.txt, since an #ifdef'd-out row leaves nothing in the table).
 */
#define S4J_ROW_NAME(name) #name,
static const char *const platform_row_names[] = {
#include "platform_constant_names.inc"
};
#undef S4J_ROW_NAME

#define PLATFORM_ROW_COUNT (sizeof platform_row_names / sizeof platform_row_names[0])

size_t s4j_constant_row_count(void) { return PORTABLE_COUNT + PLATFORM_ROW_COUNT; }

const char *s4j_constant_row_name(size_t i) {
    if (i < PORTABLE_COUNT) return portable[i].name;
    i -= PORTABLE_COUNT;
    return i < PLATFORM_ROW_COUNT ? platform_row_names[i] : NULL;
}
