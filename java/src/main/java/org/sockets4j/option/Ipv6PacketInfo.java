package org.sockets4j.option;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * {@code struct in6_pktinfo}: the source address and outgoing interface of
 * IPv6 datagrams ({@code IPV6_PKTINFO} set as a sticky option).
 *
 * @param source         the source address (:: for the system's choice)
 * @param interfaceIndex the outgoing interface's index, or 0
 */
public record Ipv6PacketInfo(InetAddress source, int interfaceIndex) {

    /**
     * Checks the fields.
     *
     * @param source         the source address (:: for the system's choice)
     * @param interfaceIndex the outgoing interface's index, or 0
     */
    public Ipv6PacketInfo {
        if (!(source instanceof Inet6Address)) {
            throw new IllegalArgumentException("source must be an IPv6 address: " + source);
        }
        Requests.index(interfaceIndex);
    }
}
