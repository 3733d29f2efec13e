package org.sockets4j.option;

import java.net.InetAddress;

/**
 * {@code struct ip_mreq_source}: an IPv4 group, one source, and the interface
 * by address (null: the system's choice). The struct's field order differs
 * between Linux and the BSDs and Windows; it is filled by field name.
 *
 * @param group            the IPv4 multicast group
 * @param source           the unicast source to block, unblock, join or leave
 * @param interfaceAddress the interface's IPv4 address, or null
 */
public record IpMreqSource(InetAddress group, InetAddress source, InetAddress interfaceAddress) {

    /**
     * Checks the fields.
     *
     * @param group            the IPv4 multicast group
     * @param source           the unicast source to block, unblock, join or leave
     * @param interfaceAddress the interface's IPv4 address, or null
     */
    public IpMreqSource {
        Requests.multicast4(group, "group");
        Requests.unicast(source, "source", true);
        Requests.optional4(interfaceAddress, "interfaceAddress");
    }
}
