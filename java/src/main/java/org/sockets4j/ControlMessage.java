package org.sockets4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Ancillary data of {@code sendmsg}/{@code recvmsg}, typed: one Java type per
 * meaning, whichever family or OS spells it (IP_PKTINFO, or BSD's
 * IP_RECVDSTADDR with IP_RECVIF, and IPV6_PKTINFO are all {@link PacketInfo};
 * IP_TTL, BSD's IP_RECVTTL and IPV6_HOPLIMIT are all {@link HopLimit}).
 * Anything else arrives as {@link Raw}, never dropped.
 */
public sealed interface ControlMessage {

    /**
     * Where a datagram went, or where one should come from. Received (IP_PKTINFO,
     * IPV6_PKTINFO with IP_PKTINFO/IPV6_RECVPKTINFO on): {@code destination} is the
     * header's destination, {@code local} the local address that took it (IPv4, Linux
     * and Windows; else null) and the arriving interface. To send: {@link #source}.
     *
     * @param destination    the datagram's destination address; null on a message to send
     * @param local          the local address (IPv4 {@code ipi_spec_dst}), or the source to send from; may be null
     * @param interfaceIndex the arriving or outgoing interface, 0 for none or the system's choice
     */
    record PacketInfo(InetAddress destination, InetAddress local, int interfaceIndex) implements ControlMessage {

        /**
         * Checks the index.
         *
         * @param destination    the datagram's destination address; null on a message to send
         * @param local          the local address (IPv4 {@code ipi_spec_dst}), or the source to send from; may be null
         * @param interfaceIndex the arriving or outgoing interface, 0 for none or the system's choice
         */
        public PacketInfo {
            if (interfaceIndex < 0) throw new IllegalArgumentException("interfaceIndex must be >= 0: " + interfaceIndex);
        }

        /**
         * To send: from {@code source} (null: the system's choice), out of the given interface (0: any).
         *
         * @param source         the source address, or null for the system's choice
         * @param interfaceIndex the interface's index; 0 for any
         * @return the record to send
         */
        public static PacketInfo source(InetAddress source, int interfaceIndex) {
            return new PacketInfo(null, source, interfaceIndex);
        }
    }

    /**
     * The IPv4 TTL or IPv6 hop limit: received with IP_RECVTTL / IPV6_RECVHOPLIMIT on, or to send one datagram with.
     *
     * @param value 0..255
     */
    record HopLimit(int value) implements ControlMessage {

        /**
         * Checks the range.
         *
         * @param value 0..255
         */
        public HopLimit {
            if (value < 0 || value > 255) throw new IllegalArgumentException("hop limit must be 0..255: " + value);
        }
    }

    /**
     * The IPv4 TOS or IPv6 traffic class: received with IP_RECVTOS / IPV6_RECVTCLASS on, or to send one datagram with.
     *
     * @param value 0..255
     */
    record TrafficClass(int value) implements ControlMessage {

        /**
         * Checks the range.
         *
         * @param value 0..255
         */
        public TrafficClass {
            if (value < 0 || value > 255) throw new IllegalArgumentException("traffic class must be 0..255: " + value);
        }
    }

    /**
     * A path MTU change (IPV6_RECVPATHMTU), received only.
     *
     * @param destination where the path leads
     * @param mtu         its MTU
     */
    record PathMtu(InetSocketAddress destination, int mtu) implements ControlMessage {}

    /**
     * Ancillary data this library has no type for, with the OS's numbers (IPV6_DSTOPTS,
     * IPV6_HOPOPTS, IPV6_RTHDR, SO_TIMESTAMP, ...), as the kernel gave it or as it should be sent.
     *
     * @param level the OS's level number
     * @param type  the OS's type number
     * @param data  the bytes, in the OS's layout
     */
    record Raw(int level, int type, byte[] data) implements ControlMessage {

        /**
         * Checks the data is there.
         *
         * @param level the OS's level number
         * @param type  the OS's type number
         * @param data  the bytes, in the OS's layout
         */
        public Raw {
            if (data == null) throw new NullPointerException("data is null");
        }
    }
}
