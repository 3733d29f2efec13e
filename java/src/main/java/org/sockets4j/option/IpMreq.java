package org.sockets4j.option;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * {@code struct ip_mreq}: an IPv4 group and the interface to join it on, by
 * address or by index (index 0 and a null address: the system's choice).
 *
 * @param group            the IPv4 multicast group
 * @param interfaceAddress the interface's IPv4 address, or null
 * @param interfaceIndex   the interface's index, or 0; it wins over the address. Linux takes it in
 *                         {@code ip_mreqn}, Windows as {@code 0.0.0.index}; macOS, whose kernel reads
 *                         only {@code ip_mreq}, joins and leaves by index with
 *                         {@code MCAST_JOIN_GROUP}/{@code MCAST_LEAVE_GROUP}
 */
public record IpMreq(InetAddress group, InetAddress interfaceAddress, int interfaceIndex) {

    /**
     * Checks the fields.
     *
     * @param group            the IPv4 multicast group
     * @param interfaceAddress the interface's IPv4 address, or null
     * @param interfaceIndex   the interface's index, or 0; it wins over the address. Linux takes it in
     *                         {@code ip_mreqn}, Windows as {@code 0.0.0.index}; macOS, whose kernel reads
     *                         only {@code ip_mreq}, joins and leaves by index with
     *                         {@code MCAST_JOIN_GROUP}/{@code MCAST_LEAVE_GROUP}
     */
    public IpMreq {
        Requests.multicast4(group, "group");
        Requests.optional4(interfaceAddress, "interfaceAddress");
        Requests.index(interfaceIndex);
    }

    /**
     * Joins {@code group} on the interface with address {@code interfaceAddress} (null: any).
     *
     * @param group            the group
     * @param interfaceAddress the interface's address, or null for any
     * @return the request
     */
    public static IpMreq of(InetAddress group, InetAddress interfaceAddress) {
        return new IpMreq(group, interfaceAddress, 0);
    }
}
