package org.sockets4j.option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every socket option this library offers, one typed constant each: SOL_SOCKET,
 * IPPROTO_IP, IPPROTO_IPV6 (with the sticky forms of the ancillary options),
 * the protocol-independent MCAST_*, IPPROTO_TCP, and keepalive tuning. The
 * table is data: {@link #ALL} feeds the {@code options} command and the tests.
 * SCTP's options come with SCTP, ICMP6_FILTER with raw sockets.
 */
public final class SocketOptions {

    private SocketOptions() {}

    // ---- SOL_SOCKET ---------------------------------------------------------------------------------------------

    /** Permit sending to a broadcast address (datagram sockets). */
    public static final SockOpt<Boolean> SO_BROADCAST = flag(Level.SOCKET, "SO_BROADCAST", "permit sending to broadcast addresses");
    /** Kernel debugging of the socket (Linux: needs CAP_NET_ADMIN). */
    public static final SockOpt<Boolean> SO_DEBUG = flag(Level.SOCKET, "SO_DEBUG", "kernel debugging of the socket");
    /** Bypass the routing table: send only to directly connected networks. */
    public static final SockOpt<Boolean> SO_DONTROUTE = flag(Level.SOCKET, "SO_DONTROUTE", "bypass routing");
    /** The pending error, cleared by reading it (after a non-blocking connect). */
    public static final SockOpt<Integer> SO_ERROR = getInt(Level.SOCKET, "SO_ERROR", "pending error (native number), cleared when read");
    /** Send keepalive probes on an idle connection. */
    public static final SockOpt<Boolean> SO_KEEPALIVE = flag(Level.SOCKET, "SO_KEEPALIVE", "keepalive probes on idle connections");
    /** Whether and how long close waits for unsent data; on with 0 seconds resets the connection. */
    public static final SockOpt<Linger> SO_LINGER = new SockOpt<>("SO_LINGER", Level.SOCKET, "SO_LINGER", Linger.class,
            Access.GET_SET, Codec.LINGER, l -> true, "a Linger of 0..65535 seconds", new Linger(true, 5),
            "how close treats unsent data");
    /** Keep out-of-band data in the normal stream. */
    public static final SockOpt<Boolean> SO_OOBINLINE = flag(Level.SOCKET, "SO_OOBINLINE", "out-of-band data inline");
    /** Receive buffer size in bytes (Linux doubles what is set). */
    public static final SockOpt<Integer> SO_RCVBUF = intOpt(Level.SOCKET, "SO_RCVBUF", 1, Integer.MAX_VALUE, 65536, "receive buffer size");
    /** Send buffer size in bytes (Linux doubles what is set). */
    public static final SockOpt<Integer> SO_SNDBUF = intOpt(Level.SOCKET, "SO_SNDBUF", 1, Integer.MAX_VALUE, 65536, "send buffer size");
    /** Bytes that must be queued before the socket reads as readable. */
    public static final SockOpt<Integer> SO_RCVLOWAT = intOpt(Level.SOCKET, "SO_RCVLOWAT", 1, Integer.MAX_VALUE, 16, "receive low-water mark");
    /** Free space needed before the socket reads as writable (Linux: read-only). */
    public static final SockOpt<Integer> SO_SNDLOWAT = intOpt(Level.SOCKET, "SO_SNDLOWAT", 1, Integer.MAX_VALUE, 4096, "send low-water mark");
    /** How long a blocking receive may wait; zero waits for ever. */
    public static final SockOpt<Duration> SO_RCVTIMEO = timeout("SO_RCVTIMEO", "receive timeout");
    /** How long a blocking send may wait; zero waits for ever. */
    public static final SockOpt<Duration> SO_SNDTIMEO = timeout("SO_SNDTIMEO", "send timeout");
    /** Allow binding an address in TIME_WAIT (BSD and Linux); on Windows, also over an active socket. */
    public static final SockOpt<Boolean> SO_REUSEADDR = flag(Level.SOCKET, "SO_REUSEADDR", "reuse a local address");
    /** Let several sockets bind the same port (Linux: load balancing among the same user's sockets). */
    public static final SockOpt<Boolean> SO_REUSEPORT = flag(Level.SOCKET, "SO_REUSEPORT", "share a local port");
    /** The socket's type, as the native SOCK_* number. */
    public static final SockOpt<Integer> SO_TYPE = getInt(Level.SOCKET, "SO_TYPE", "socket type (native number)");
    /** Routing sockets: receive one's own messages (BSD). */
    public static final SockOpt<Boolean> SO_USELOOPBACK = flag(Level.SOCKET, "SO_USELOOPBACK", "routing socket sees its own messages");
    /** Windows: no other socket may bind the address, SO_REUSEADDR or not. */
    public static final SockOpt<Boolean> SO_EXCLUSIVEADDRUSE = flag(Level.SOCKET, "SO_EXCLUSIVEADDRUSE", "exclusive use of the local address (Windows)");

    // ---- IPPROTO_IP ---------------------------------------------------------------------------------------------

    /** Raw sockets: the application writes the IP header. */
    public static final SockOpt<Boolean> IP_HDRINCL = flag(Level.IP, "IP_HDRINCL", "IP header included by the application (raw)");
    /** IPv4 options of outgoing packets, up to 40 bytes. */
    public static final SockOpt<byte[]> IP_OPTIONS = new SockOpt<>("IP_OPTIONS", Level.IP, "IP_OPTIONS", byte[].class,
            Access.GET_SET, Codec.BYTES, b -> b.length <= 40 && b.length % 4 == 0, "0..40 bytes, a multiple of 4",
            new byte[] {1, 1, 1, 0}, "IPv4 header options");
    /** Report each datagram's destination address (BSD; Linux and Windows: IP_PKTINFO). */
    public static final SockOpt<Boolean> IP_RECVDSTADDR = flag(Level.IP, "IP_RECVDSTADDR", "report the destination address");
    /** Report each datagram's arriving interface (BSD; Linux and Windows: IP_PKTINFO). */
    public static final SockOpt<Boolean> IP_RECVIF = flag(Level.IP, "IP_RECVIF", "report the arriving interface");
    /** Report destination address and interface of each datagram. */
    public static final SockOpt<Boolean> IP_PKTINFO = flag(Level.IP, "IP_PKTINFO", "report destination and interface");
    /** Type of service / DSCP and ECN of outgoing packets. */
    public static final SockOpt<Integer> IP_TOS = intOpt(Level.IP, "IP_TOS", 0, 255, 0x10, "type of service");
    /** Time to live of outgoing unicast packets. */
    public static final SockOpt<Integer> IP_TTL = intOpt(Level.IP, "IP_TTL", 1, 255, 33, "unicast time to live");
    /** Report each datagram's TTL. */
    public static final SockOpt<Boolean> IP_RECVTTL = flag(Level.IP, "IP_RECVTTL", "report the received TTL");
    /** Report each datagram's TOS. */
    public static final SockOpt<Boolean> IP_RECVTOS = flag(Level.IP, "IP_RECVTOS", "report the received TOS");
    /** The interface of outgoing multicast, by its address (0.0.0.0: the system's choice). */
    public static final SockOpt<InetAddress> IP_MULTICAST_IF = new SockOpt<>("IP_MULTICAST_IF", Level.IP,
            "IP_MULTICAST_IF", InetAddress.class, Access.GET_SET, Codec.IN_ADDR, a -> a.getAddress().length == 4,
            "an IPv4 address", loopback4(), "outgoing multicast interface");
    /** Time to live of outgoing multicast. */
    public static final SockOpt<Integer> IP_MULTICAST_TTL = intOpt(Level.IP, "IP_MULTICAST_TTL", 0, 255, 4, "multicast time to live");
    /** Loop outgoing multicast back to local members. */
    public static final SockOpt<Boolean> IP_MULTICAST_LOOP = flag(Level.IP, "IP_MULTICAST_LOOP", "loop multicast back");
    /** Linux: deliver every group joined by any socket on the port (the default, true), or only this socket's. */
    public static final SockOpt<Boolean> IP_MULTICAST_ALL = flag(Level.IP, "IP_MULTICAST_ALL", "groups joined by any socket (Linux)");
    /** Join an IPv4 group. */
    public static final SockOpt<IpMreq> IP_ADD_MEMBERSHIP = request("IP_ADD_MEMBERSHIP", Level.IP, IpMreq.class, Codec.IP_MREQ, "join an IPv4 group");
    /** Leave an IPv4 group. */
    public static final SockOpt<IpMreq> IP_DROP_MEMBERSHIP = request("IP_DROP_MEMBERSHIP", Level.IP, IpMreq.class, Codec.IP_MREQ, "leave an IPv4 group");
    /** Block one source of a joined group. */
    public static final SockOpt<IpMreqSource> IP_BLOCK_SOURCE = request("IP_BLOCK_SOURCE", Level.IP, IpMreqSource.class, Codec.IP_MREQ_SOURCE, "block a source");
    /** Unblock a blocked source. */
    public static final SockOpt<IpMreqSource> IP_UNBLOCK_SOURCE = request("IP_UNBLOCK_SOURCE", Level.IP, IpMreqSource.class, Codec.IP_MREQ_SOURCE, "unblock a source");
    /** Join a group for one source only (source-specific multicast). */
    public static final SockOpt<IpMreqSource> IP_ADD_SOURCE_MEMBERSHIP = request("IP_ADD_SOURCE_MEMBERSHIP", Level.IP, IpMreqSource.class, Codec.IP_MREQ_SOURCE, "join a group for one source");
    /** Leave a source-specific membership. */
    public static final SockOpt<IpMreqSource> IP_DROP_SOURCE_MEMBERSHIP = request("IP_DROP_SOURCE_MEMBERSHIP", Level.IP, IpMreqSource.class, Codec.IP_MREQ_SOURCE, "leave a source-specific membership");

    // ---- IPPROTO_IPV6 -------------------------------------------------------------------------------------------

    /** Raw IPv6 sockets: offset of the checksum the kernel computes, -1 for none. */
    public static final SockOpt<Integer> IPV6_CHECKSUM = intOpt(Level.IPV6, "IPV6_CHECKSUM", -1, 65535, 2, "checksum offset (raw)");
    /** Do not fragment outgoing packets. */
    public static final SockOpt<Boolean> IPV6_DONTFRAG = flag(Level.IPV6, "IPV6_DONTFRAG", "do not fragment");
    /** Next hop of outgoing packets (sticky; macOS). */
    public static final SockOpt<InetSocketAddress> IPV6_NEXTHOP = new SockOpt<>("IPV6_NEXTHOP", Level.IPV6,
            "IPV6_NEXTHOP", InetSocketAddress.class, Access.GET_SET, Codec.SOCKADDR,
            a -> !a.isUnresolved() && a.getAddress().getAddress().length == 16, "a resolved IPv6 socket address",
            new InetSocketAddress(loopback6(), 0), "next hop (sticky)");
    /** The current path MTU of a connected socket. */
    public static final SockOpt<Integer> IPV6_PATHMTU = new SockOpt<>("IPV6_PATHMTU", Level.IPV6, "IPV6_PATHMTU",
            Integer.class, Access.GET_ONLY, Codec.MTUINFO, v -> true, "read only", null, "path MTU (connected)");
    /** Report destination options headers. */
    public static final SockOpt<Boolean> IPV6_RECVDSTOPTS = flag(Level.IPV6, "IPV6_RECVDSTOPTS", "report destination options");
    /** Report each datagram's hop limit. */
    public static final SockOpt<Boolean> IPV6_RECVHOPLIMIT = flag(Level.IPV6, "IPV6_RECVHOPLIMIT", "report the hop limit");
    /** Report hop-by-hop options headers. */
    public static final SockOpt<Boolean> IPV6_RECVHOPOPTS = flag(Level.IPV6, "IPV6_RECVHOPOPTS", "report hop-by-hop options");
    /** Report path MTU changes. */
    public static final SockOpt<Boolean> IPV6_RECVPATHMTU = flag(Level.IPV6, "IPV6_RECVPATHMTU", "report path MTU changes");
    /** Report destination address and interface of each datagram. */
    public static final SockOpt<Boolean> IPV6_RECVPKTINFO = flag(Level.IPV6, "IPV6_RECVPKTINFO", "report destination and interface");
    /** Report routing headers. */
    public static final SockOpt<Boolean> IPV6_RECVRTHDR = flag(Level.IPV6, "IPV6_RECVRTHDR", "report routing headers");
    /** Report each datagram's traffic class. */
    public static final SockOpt<Boolean> IPV6_RECVTCLASS = flag(Level.IPV6, "IPV6_RECVTCLASS", "report the traffic class");
    /** Traffic class of outgoing packets (sticky), -1 for the default. */
    public static final SockOpt<Integer> IPV6_TCLASS = intOpt(Level.IPV6, "IPV6_TCLASS", -1, 255, 0x10, "traffic class (sticky)");
    /** Hop limit of outgoing unicast, -1 for the route's default. */
    public static final SockOpt<Integer> IPV6_UNICAST_HOPS = intOpt(Level.IPV6, "IPV6_UNICAST_HOPS", -1, 255, 33, "unicast hop limit");
    /** Use the minimum MTU (1280) rather than path MTU discovery: -1 multicast only, 0 never, 1 always. */
    public static final SockOpt<Integer> IPV6_USE_MIN_MTU = intOpt(Level.IPV6, "IPV6_USE_MIN_MTU", -1, 1, 1, "use the minimum MTU");
    /** An INET6 socket for IPv6 only: no IPv4 peers through mapped addresses. Set before bind. */
    public static final SockOpt<Boolean> IPV6_V6ONLY = flag(Level.IPV6, "IPV6_V6ONLY", "IPv6 only, no mapped IPv4");
    /** Source address and interface of outgoing packets (sticky). */
    public static final SockOpt<Ipv6PacketInfo> IPV6_PKTINFO = new SockOpt<>("IPV6_PKTINFO", Level.IPV6,
            "IPV6_PKTINFO", Ipv6PacketInfo.class, Access.GET_SET, Codec.IN6_PKTINFO, v -> true,
            "an Ipv6PacketInfo", new Ipv6PacketInfo(any6(), 0), "source and interface (sticky)");
    /** Hop limit of outgoing packets (sticky form of the ancillary option). */
    public static final SockOpt<Integer> IPV6_HOPLIMIT = intOpt(Level.IPV6, "IPV6_HOPLIMIT", -1, 255, 33, "hop limit (sticky)");
    /** The interface of outgoing multicast (null: the system's choice). */
    public static final SockOpt<NetworkInterface> IPV6_MULTICAST_IF = new SockOpt<>("IPV6_MULTICAST_IF", Level.IPV6,
            "IPV6_MULTICAST_IF", NetworkInterface.class, Access.GET_SET, Codec.IFINDEX, n -> n.getIndex() >= 0,
            "a network interface with an index", null, "outgoing multicast interface");
    /** Hop limit of outgoing multicast, -1 for the default. */
    public static final SockOpt<Integer> IPV6_MULTICAST_HOPS = intOpt(Level.IPV6, "IPV6_MULTICAST_HOPS", -1, 255, 4, "multicast hop limit");
    /** Loop outgoing multicast back to local members. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_LOOP = flag(Level.IPV6, "IPV6_MULTICAST_LOOP", "loop multicast back");
    /** Linux: deliver every IPv6 group joined by any socket on the port (the default, true), or only this socket's. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_ALL = flag(Level.IPV6, "IPV6_MULTICAST_ALL", "groups joined by any socket (Linux)");
    /** Join an IPv6 group (Linux's IPV6_ADD_MEMBERSHIP). */
    public static final SockOpt<Ipv6Mreq> IPV6_JOIN_GROUP = request("IPV6_JOIN_GROUP", Level.IPV6, Ipv6Mreq.class, Codec.IPV6_MREQ, "join an IPv6 group");
    /** Leave an IPv6 group (Linux's IPV6_DROP_MEMBERSHIP). */
    public static final SockOpt<Ipv6Mreq> IPV6_LEAVE_GROUP = request("IPV6_LEAVE_GROUP", Level.IPV6, Ipv6Mreq.class, Codec.IPV6_MREQ, "leave an IPv6 group");

    // ---- MCAST_* (RFC 3678), at IPPROTO_IP or IPPROTO_IPV6 by the socket's family ---------------------------------

    /** Join a group, either family. */
    public static final SockOpt<GroupReq> MCAST_JOIN_GROUP = request("MCAST_JOIN_GROUP", Level.IP_BY_FAMILY, GroupReq.class, Codec.GROUP_REQ, "join a group");
    /** Leave a group. */
    public static final SockOpt<GroupReq> MCAST_LEAVE_GROUP = request("MCAST_LEAVE_GROUP", Level.IP_BY_FAMILY, GroupReq.class, Codec.GROUP_REQ, "leave a group");
    /** Block one source of a joined group. */
    public static final SockOpt<GroupSourceReq> MCAST_BLOCK_SOURCE = request("MCAST_BLOCK_SOURCE", Level.IP_BY_FAMILY, GroupSourceReq.class, Codec.GROUP_SOURCE_REQ, "block a source");
    /** Unblock a blocked source. */
    public static final SockOpt<GroupSourceReq> MCAST_UNBLOCK_SOURCE = request("MCAST_UNBLOCK_SOURCE", Level.IP_BY_FAMILY, GroupSourceReq.class, Codec.GROUP_SOURCE_REQ, "unblock a source");
    /** Join a group for one source only. */
    public static final SockOpt<GroupSourceReq> MCAST_JOIN_SOURCE_GROUP = request("MCAST_JOIN_SOURCE_GROUP", Level.IP_BY_FAMILY, GroupSourceReq.class, Codec.GROUP_SOURCE_REQ, "join a group for one source");
    /** Leave a source-specific membership. */
    public static final SockOpt<GroupSourceReq> MCAST_LEAVE_SOURCE_GROUP = request("MCAST_LEAVE_SOURCE_GROUP", Level.IP_BY_FAMILY, GroupSourceReq.class, Codec.GROUP_SOURCE_REQ, "leave a source-specific membership");

    // ---- IPPROTO_TCP, keepalive tuning ----------------------------------------------------------------------------

    /** Largest segment TCP sends. */
    public static final SockOpt<Integer> TCP_MAXSEG = intOpt(Level.TCP, "TCP_MAXSEG", 88, 65535, 1200, "maximum segment size");
    /** Send small segments at once (no Nagle). */
    public static final SockOpt<Boolean> TCP_NODELAY = flag(Level.TCP, "TCP_NODELAY", "disable Nagle's algorithm");
    /** Idle time before the first keepalive probe (Linux TCP_KEEPIDLE, macOS and Windows TCP_KEEPALIVE). */
    public static final SockOpt<Duration> TCP_KEEPIDLE = seconds("TCP_KEEPIDLE", "S4J_TCP_KEEPIDLE", Duration.ofSeconds(60), "keepalive idle time");
    /** Time between keepalive probes. */
    public static final SockOpt<Duration> TCP_KEEPINTVL = seconds("TCP_KEEPINTVL", "TCP_KEEPINTVL", Duration.ofSeconds(10), "keepalive probe interval");
    /** Unanswered probes before the connection is dropped. */
    public static final SockOpt<Integer> TCP_KEEPCNT = intOpt(Level.TCP, "TCP_KEEPCNT", 1, 255, 5, "keepalive probe count");

    /** Every option above, by level: SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, the MCAST_* options, IPPROTO_TCP. */
    public static final List<SockOpt<?>> ALL = List.of(
            SO_BROADCAST, SO_DEBUG, SO_DONTROUTE, SO_ERROR, SO_KEEPALIVE, SO_LINGER, SO_OOBINLINE, SO_RCVBUF, SO_SNDBUF,
            SO_RCVLOWAT, SO_SNDLOWAT, SO_RCVTIMEO, SO_SNDTIMEO, SO_REUSEADDR, SO_REUSEPORT, SO_TYPE, SO_USELOOPBACK,
            SO_EXCLUSIVEADDRUSE,
            IP_HDRINCL, IP_OPTIONS, IP_RECVDSTADDR, IP_RECVIF, IP_PKTINFO, IP_TOS, IP_TTL, IP_RECVTTL, IP_RECVTOS,
            IP_MULTICAST_IF, IP_MULTICAST_TTL, IP_MULTICAST_LOOP, IP_MULTICAST_ALL, IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_BLOCK_SOURCE,
            IP_UNBLOCK_SOURCE, IP_ADD_SOURCE_MEMBERSHIP, IP_DROP_SOURCE_MEMBERSHIP,
            IPV6_CHECKSUM, IPV6_DONTFRAG, IPV6_NEXTHOP, IPV6_PATHMTU, IPV6_RECVDSTOPTS, IPV6_RECVHOPLIMIT,
            IPV6_RECVHOPOPTS, IPV6_RECVPATHMTU, IPV6_RECVPKTINFO, IPV6_RECVRTHDR, IPV6_RECVTCLASS, IPV6_TCLASS,
            IPV6_UNICAST_HOPS, IPV6_USE_MIN_MTU, IPV6_V6ONLY, IPV6_PKTINFO, IPV6_HOPLIMIT, IPV6_MULTICAST_IF,
            IPV6_MULTICAST_HOPS, IPV6_MULTICAST_LOOP, IPV6_MULTICAST_ALL, IPV6_JOIN_GROUP, IPV6_LEAVE_GROUP,
            MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP, MCAST_BLOCK_SOURCE, MCAST_UNBLOCK_SOURCE, MCAST_JOIN_SOURCE_GROUP,
            MCAST_LEAVE_SOURCE_GROUP,
            TCP_MAXSEG, TCP_NODELAY, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT);

    // ---- how rows are made ----------------------------------------------------------------------------------------

    private static SockOpt<Boolean> flag(Level level, String name, String description) {
        return new SockOpt<>(name, level, name, Boolean.class, Access.GET_SET, Codec.FLAG, v -> true, "true or false",
                Boolean.TRUE, description);
    }

    private static SockOpt<Integer> intOpt(Level level, String name, int min, int max, int sample, String description) {
        Predicate<Integer> range = v -> v >= min && v <= max;
        return new SockOpt<>(name, level, name, Integer.class, Access.GET_SET, Codec.INT, range,
                min + ".." + max, sample, description);
    }

    private static SockOpt<Integer> getInt(Level level, String name, String description) {
        return new SockOpt<>(name, level, name, Integer.class, Access.GET_ONLY, Codec.INT, v -> true, "read only",
                null, description);
    }

    private static SockOpt<Duration> timeout(String name, String description) {
        Predicate<Duration> ok = d -> !d.isNegative() && d.toMillis() <= Integer.MAX_VALUE;
        return new SockOpt<>(name, Level.SOCKET, name, Duration.class, Access.GET_SET, Codec.TIMEOUT, ok,
                "0 (none) to " + Integer.MAX_VALUE + " ms", Duration.ofMillis(1500), description);
    }

    private static SockOpt<Duration> seconds(String name, String cName, Duration sample, String description) {
        Predicate<Duration> ok = d -> d.getSeconds() >= 1 && d.getSeconds() <= 32767 && d.getNano() == 0;
        return new SockOpt<>(name, Level.TCP, cName, Duration.class, Access.GET_SET, Codec.SECONDS, ok,
                "1..32767 whole seconds", sample, description);
    }

    private static <T> SockOpt<T> request(String name, Level level, Class<T> type, Codec codec, String description) {
        return new SockOpt<>(name, level, name, type, Access.SET_ONLY, codec, v -> true, "a " + type.getSimpleName(),
                null, description);
    }

    private static InetAddress loopback4() {
        return address(new byte[] {127, 0, 0, 1});
    }

    private static InetAddress loopback6() {
        byte[] a = new byte[16];
        a[15] = 1;
        return address(a);
    }

    private static InetAddress any6() {
        try {
            return java.net.Inet6Address.getByAddress(null, new byte[16], 0);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
