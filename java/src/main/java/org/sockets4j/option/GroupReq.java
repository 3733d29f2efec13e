package org.sockets4j.option;

import java.net.InetAddress;

/**
 * {@code struct group_req} of RFC 3678: a group of either family and an
 * interface index (0: the system's choice). macOS packs the struct; the
 * backend fills it by field.
 *
 * @param group          the multicast group, IPv4 or IPv6 (as the socket's family)
 * @param interfaceIndex the interface's index, or 0
 */
public record GroupReq(InetAddress group, int interfaceIndex) {

    /**
     * Checks the fields.
     *
     * @param group          the multicast group, IPv4 or IPv6 (as the socket's family)
     * @param interfaceIndex the interface's index, or 0
     */
    public GroupReq {
        Requests.multicast(group, "group", true);
        Requests.index(interfaceIndex);
    }
}
