package org.sockets4j.option;

import java.net.InetAddress;

/**
 * {@code struct ipv6_mreq}: an IPv6 group and the interface index to join it on (0: the system's choice).
 *
 * @param group          the IPv6 multicast group
 * @param interfaceIndex the interface's index, or 0
 */
public record Ipv6Mreq(InetAddress group, int interfaceIndex) {

    /**
     * Checks the fields.
     *
     * @param group          the IPv6 multicast group
     * @param interfaceIndex the interface's index, or 0
     */
    public Ipv6Mreq {
        Requests.multicast(group, "group", false);
        Requests.index(interfaceIndex);
    }
}
