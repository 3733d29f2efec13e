package org.sockets4j.option;

import java.net.InetAddress;

/**
 * {@code struct group_source_req} of RFC 3678: a group, one source of the same
 * family, and an interface index (0: the system's choice).
 *
 * @param group          the multicast group
 * @param source         the unicast source
 * @param interfaceIndex the interface's index, or 0
 */
public record GroupSourceReq(InetAddress group, InetAddress source, int interfaceIndex) {

    /**
     * Checks the fields.
     *
     * @param group          the multicast group
     * @param source         the unicast source
     * @param interfaceIndex the interface's index, or 0
     */
    public GroupSourceReq {
        Requests.multicast(group, "group", true);
        Requests.unicast(source, "source", true);
        if (group.getClass() != source.getClass()) {
            throw new IllegalArgumentException("group " + group + " and source " + source + " are of different families");
        }
        Requests.index(interfaceIndex);
    }
}
