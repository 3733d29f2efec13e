package org.sockets4j.option;

/** The C type an option's value crosses as; each backend fills it field by field. */
public enum Codec {
    /** {@code int} 0/1 (a 1-byte BOOL on Windows), as {@link Boolean}. */
    FLAG("int (flag)"),
    /** {@code int} ({@code DWORD} on Windows), as {@link Integer}. */
    INT("int"),
    /** {@code int} seconds, as {@link java.time.Duration} (keepalive timing). */
    SECONDS("int (seconds)"),
    /** {@code struct linger} in seconds (macOS: {@code SO_LINGER_SEC}; Windows: u_short fields), as {@link Linger}. */
    LINGER("struct linger"),
    /** {@code struct timeval} ({@code DWORD} milliseconds on Windows), as {@link java.time.Duration}. */
    TIMEOUT("struct timeval"),
    /** Raw bytes, as {@code byte[]}. */
    BYTES("bytes"),
    /** {@code struct in_addr}, as {@link java.net.InetAddress} (0.0.0.0: the system's choice). */
    IN_ADDR("struct in_addr"),
    /** {@code u_int} interface index, as {@link java.net.NetworkInterface} (null: the system's choice). */
    IFINDEX("u_int (ifindex)"),
    /** {@code struct sockaddr_in6}, as {@link java.net.InetSocketAddress}. */
    SOCKADDR("struct sockaddr_in6"),
    /** {@code struct in6_pktinfo}, as {@link Ipv6PacketInfo}. */
    IN6_PKTINFO("struct in6_pktinfo"),
    /** {@code struct ip6_mtuinfo}'s MTU, as {@link Integer}. */
    MTUINFO("struct ip6_mtuinfo"),
    /** {@code struct ip_mreq}, as {@link IpMreq}; with an index, the way the platform's kernel reads one. */
    IP_MREQ("struct ip_mreq"),
    /** {@code struct ip_mreq_source}, as {@link IpMreqSource}. */
    IP_MREQ_SOURCE("struct ip_mreq_source"),
    /** {@code struct ipv6_mreq}, as {@link Ipv6Mreq}. */
    IPV6_MREQ("struct ipv6_mreq"),
    /** {@code struct group_req}, as {@link GroupReq}. */
    GROUP_REQ("struct group_req"),
    /** {@code struct group_source_req}, as {@link GroupSourceReq}. */
    GROUP_SOURCE_REQ("struct group_source_req");

    private final String cType;

    Codec(String cType) {
        this.cType = cType;
    }

    /**
     * The C type the value crosses as, e.g. {@code int} or {@code struct linger}.
     *
     * @return the C type's name
     */
    public String cType() {
        return cType;
    }
}
