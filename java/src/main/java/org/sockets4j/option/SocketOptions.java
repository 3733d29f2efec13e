package org.sockets4j.option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every socket option of the notes' tables, one typed constant each: SOL_SOCKET,
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
    /** Kernel debugging of the socket. Linux: turning it on needs CAP_NET_ADMIN. Windows: accepted, no output. */
    public static final SockOpt<Boolean> SO_DEBUG = flag(Level.SOCKET, "SO_DEBUG", "kernel debugging of the socket");
    /**
     * Bypass the routing table: send only to directly connected networks. Windows: ignored on INET sockets,
     * refused on INET6 ones; the per-call {@code MsgFlag.DONTROUTE} is the portable form.
     */
    public static final SockOpt<Boolean> SO_DONTROUTE = flag(Level.SOCKET, "SO_DONTROUTE", "bypass routing");
    /** The pending error, cleared by reading it (after a non-blocking connect). */
    public static final SockOpt<Integer> SO_ERROR = getInt(Level.SOCKET, "SO_ERROR", "pending error (native number), cleared when read");
    /** Send keepalive probes on an idle connection. */
    public static final SockOpt<Boolean> SO_KEEPALIVE = flag(Level.SOCKET, "SO_KEEPALIVE", "keepalive probes on idle connections");
    /** Whether and how long close waits for unsent data; on with 0 seconds resets the connection. */
    public static final SockOpt<Linger> SO_LINGER = SockOpt.of(Level.SOCKET, "SO_LINGER", Linger.class, Codec.LINGER,
            "how close treats unsent data").accepts(l -> true, "a Linger of 0..65535 seconds").sample(new Linger(true, 5));
    /** Keep out-of-band data in the normal stream. */
    public static final SockOpt<Boolean> SO_OOBINLINE = flag(Level.SOCKET, "SO_OOBINLINE", "out-of-band data inline");
    /** Receive buffer size in bytes (Linux doubles what is set). */
    public static final SockOpt<Integer> SO_RCVBUF = intOpt(Level.SOCKET, "SO_RCVBUF", 1, Integer.MAX_VALUE, 65536, "receive buffer size");
    /** Send buffer size in bytes (Linux doubles what is set). */
    public static final SockOpt<Integer> SO_SNDBUF = intOpt(Level.SOCKET, "SO_SNDBUF", 1, Integer.MAX_VALUE, 65536, "send buffer size");
    /** Bytes that must be queued before the socket reads as readable. Windows: not supported by its TCP/IP provider. */
    public static final SockOpt<Integer> SO_RCVLOWAT = intOpt(Level.SOCKET, "SO_RCVLOWAT", 1, Integer.MAX_VALUE, 16, "receive low-water mark")
            .on(Access.NONE, Os.WINDOWS);
    /**
     * Free space needed before the socket reads as writable. Linux: read only (setsockopt fails with
     * ENOPROTOOPT). Windows: not supported by its TCP/IP provider.
     */
    public static final SockOpt<Integer> SO_SNDLOWAT = intOpt(Level.SOCKET, "SO_SNDLOWAT", 1, Integer.MAX_VALUE, 4096, "send low-water mark")
            .on(Access.GET_ONLY, Os.LINUX).on(Access.NONE, Os.WINDOWS);
    /**
     * How long a blocking receive may wait; zero waits for ever. A positive value is rounded up to whole
     * milliseconds, never down to zero. Windows: Microsoft says a socket is in an indeterminate state after
     * the timeout fires.
     */
    public static final SockOpt<Duration> SO_RCVTIMEO = timeout("SO_RCVTIMEO", "receive timeout");
    /** How long a blocking send may wait; zero waits for ever. Rounded up as {@link #SO_RCVTIMEO} is. */
    public static final SockOpt<Duration> SO_SNDTIMEO = timeout("SO_SNDTIMEO", "send timeout");
    /** Allow binding an address in TIME_WAIT (BSD and Linux); on Windows, also over an active socket. */
    public static final SockOpt<Boolean> SO_REUSEADDR = flag(Level.SOCKET, "SO_REUSEADDR", "reuse a local address");
    /**
     * Let several sockets bind the same port. Linux: load balancing among the same user's sockets. macOS: BSD
     * semantics, every socket gets each multicast or broadcast datagram. Windows: none.
     */
    public static final SockOpt<Boolean> SO_REUSEPORT = flag(Level.SOCKET, "SO_REUSEPORT", "share a local port")
            .on(Access.NONE, Os.WINDOWS);
    /** The socket's type, as the native SOCK_* number. */
    public static final SockOpt<Integer> SO_TYPE = getInt(Level.SOCKET, "SO_TYPE", "socket type (native number)");
    /**
     * Routing sockets: receive one's own messages (BSD). Linux: not defined. Windows: defined, but not
     * supported by its TCP/IP provider.
     */
    public static final SockOpt<Boolean> SO_USELOOPBACK = flag(Level.SOCKET, "SO_USELOOPBACK", "routing socket sees its own messages")
            .on(Access.NONE, Os.LINUX, Os.WINDOWS);
    /** Windows: no other socket may bind the address, SO_REUSEADDR or not. Windows only. */
    public static final SockOpt<Boolean> SO_EXCLUSIVEADDRUSE = flag(Level.SOCKET, "SO_EXCLUSIVEADDRUSE", "exclusive use of the local address (Windows)")
            .on(Access.NONE, Os.LINUX, Os.MACOS);

    // ---- IPPROTO_IP ---------------------------------------------------------------------------------------------

    /**
     * Raw sockets: the application writes the IP header. Linux: readable on any INET socket, settable on raw
     * ones only (ENOPROTOOPT otherwise). macOS: {@code ip_len} and {@code ip_off} in host byte order. Windows:
     * needs administrator rights.
     */
    public static final SockOpt<Boolean> IP_HDRINCL = flag(Level.IP, "IP_HDRINCL", "IP header included by the application (raw)");
    /** IPv4 options of outgoing packets, up to 40 bytes. Windows: support is optional (Microsoft), ask the socket. */
    public static final SockOpt<byte[]> IP_OPTIONS = SockOpt.of(Level.IP, "IP_OPTIONS", byte[].class, Codec.BYTES,
            "IPv4 header options").accepts(b -> b.length <= 40 && b.length % 4 == 0, "0..40 bytes, a multiple of 4")
            .sample(new byte[] {1, 1, 1, 0});
    /**
     * Report each datagram's destination address (BSD). Linux: none, use {@link #IP_PKTINFO}. Windows: the
     * constant exists but Microsoft documents no behaviour (Wine refuses it); {@link #IP_PKTINFO} is the
     * documented way.
     */
    public static final SockOpt<Boolean> IP_RECVDSTADDR = flag(Level.IP, "IP_RECVDSTADDR", "report the destination address")
            .on(Access.NONE, Os.LINUX);
    /** Report each datagram's arriving interface (BSD). Linux: none, use {@link #IP_PKTINFO}. Windows: as {@link #IP_RECVDSTADDR}. */
    public static final SockOpt<Boolean> IP_RECVIF = flag(Level.IP, "IP_RECVIF", "report the arriving interface")
            .on(Access.NONE, Os.LINUX);
    /** Report destination address and interface of each datagram. */
    public static final SockOpt<Boolean> IP_PKTINFO = flag(Level.IP, "IP_PKTINFO", "report destination and interface");
    /** Type of service / DSCP and ECN of outgoing packets. Windows: Microsoft says to use the QoS API; often ignored. */
    public static final SockOpt<Integer> IP_TOS = intOpt(Level.IP, "IP_TOS", 0, 255, 0x10, "type of service");
    /** Time to live of outgoing unicast packets. */
    public static final SockOpt<Integer> IP_TTL = intOpt(Level.IP, "IP_TTL", 1, 255, 33, "unicast time to live");
    /** Report each datagram's TTL. */
    public static final SockOpt<Boolean> IP_RECVTTL = flag(Level.IP, "IP_RECVTTL", "report the received TTL");
    /** Report each datagram's TOS. */
    public static final SockOpt<Boolean> IP_RECVTOS = flag(Level.IP, "IP_RECVTOS", "report the received TOS");
    /** The interface of outgoing multicast, by its address (0.0.0.0: the system's choice). */
    public static final SockOpt<InetAddress> IP_MULTICAST_IF = SockOpt.of(Level.IP, "IP_MULTICAST_IF", InetAddress.class,
            Codec.IN_ADDR, "outgoing multicast interface").accepts(a -> a.getAddress().length == 4, "an IPv4 address")
            .sample(loopback4());
    /** Time to live of outgoing multicast. */
    public static final SockOpt<Integer> IP_MULTICAST_TTL = intOpt(Level.IP, "IP_MULTICAST_TTL", 0, 255, 4, "multicast time to live");
    /** Loop outgoing multicast back to local members. Windows: applies to the receiving socket, not the sender. */
    public static final SockOpt<Boolean> IP_MULTICAST_LOOP = flag(Level.IP, "IP_MULTICAST_LOOP", "loop multicast back");
    /** Linux: deliver every group joined by any socket on the port (the default, true), or only this socket's. */
    public static final SockOpt<Boolean> IP_MULTICAST_ALL = flag(Level.IP, "IP_MULTICAST_ALL", "groups joined by any socket (Linux)")
            .on(Access.NONE, Os.MACOS, Os.WINDOWS);
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

    /**
     * Raw IPv6 sockets: offset of the checksum the kernel computes, -1 for none. Linux: EINVAL on ICMPv6 raw
     * sockets, whose checksum the kernel always computes. Windows: not in Microsoft's option table.
     */
    public static final SockOpt<Integer> IPV6_CHECKSUM = intOpt(Level.IPV6, "IPV6_CHECKSUM", -1, 65535, 2, "checksum offset (raw)");
    /** Do not fragment outgoing packets. */
    public static final SockOpt<Boolean> IPV6_DONTFRAG = flag(Level.IPV6, "IPV6_DONTFRAG", "do not fragment");
    /**
     * Next hop of outgoing packets (sticky; macOS, where KAME stacks may need privilege). Linux defines the
     * constant, but neither getsockopt nor setsockopt takes it: not supported there. Windows: none.
     */
    public static final SockOpt<InetSocketAddress> IPV6_NEXTHOP = SockOpt.of(Level.IPV6, "IPV6_NEXTHOP",
            InetSocketAddress.class, Codec.SOCKADDR, "next hop (sticky)")
            .accepts(a -> !a.isUnresolved() && a.getAddress().getAddress().length == 16, "a resolved IPv6 socket address")
            .sample(new InetSocketAddress(loopback6(), 0)).on(Access.NONE, Os.LINUX, Os.WINDOWS);
    /** The current path MTU of a connected socket (ENOTCONN before). Windows: none (it has IPV6_MTU). */
    public static final SockOpt<Integer> IPV6_PATHMTU = SockOpt.of(Level.IPV6, "IPV6_PATHMTU", Integer.class,
            Codec.MTUINFO, "path MTU (connected)").access(Access.GET_ONLY).accepts(v -> true, "read only")
            .on(Access.NONE, Os.WINDOWS);
    /** Report destination options headers. Windows: none. */
    public static final SockOpt<Boolean> IPV6_RECVDSTOPTS = flag(Level.IPV6, "IPV6_RECVDSTOPTS", "report destination options")
            .on(Access.NONE, Os.WINDOWS);
    /** Report each datagram's hop limit. */
    public static final SockOpt<Boolean> IPV6_RECVHOPLIMIT = flag(Level.IPV6, "IPV6_RECVHOPLIMIT", "report the hop limit");
    /** Report hop-by-hop options headers. Windows: none. */
    public static final SockOpt<Boolean> IPV6_RECVHOPOPTS = flag(Level.IPV6, "IPV6_RECVHOPOPTS", "report hop-by-hop options")
            .on(Access.NONE, Os.WINDOWS);
    /** Report path MTU changes. Windows: none. */
    public static final SockOpt<Boolean> IPV6_RECVPATHMTU = flag(Level.IPV6, "IPV6_RECVPATHMTU", "report path MTU changes")
            .on(Access.NONE, Os.WINDOWS);
    /** Report destination address and interface of each datagram. */
    public static final SockOpt<Boolean> IPV6_RECVPKTINFO = flag(Level.IPV6, "IPV6_RECVPKTINFO", "report destination and interface");
    /** Report routing headers. Windows: the constant exists, Microsoft documents no behaviour (Wine refuses it). */
    public static final SockOpt<Boolean> IPV6_RECVRTHDR = flag(Level.IPV6, "IPV6_RECVRTHDR", "report routing headers");
    /** Report each datagram's traffic class. */
    public static final SockOpt<Boolean> IPV6_RECVTCLASS = flag(Level.IPV6, "IPV6_RECVTCLASS", "report the traffic class");
    /** Traffic class of outgoing packets (sticky), -1 for the default. */
    public static final SockOpt<Integer> IPV6_TCLASS = intOpt(Level.IPV6, "IPV6_TCLASS", -1, 255, 0x10, "traffic class (sticky)");
    /** Hop limit of outgoing unicast, -1 for the route's default. */
    public static final SockOpt<Integer> IPV6_UNICAST_HOPS = intOpt(Level.IPV6, "IPV6_UNICAST_HOPS", -1, 255, 33, "unicast hop limit");
    /**
     * Use the minimum MTU (1280) rather than path MTU discovery: -1 multicast only, 0 never, 1 always.
     * macOS only; Linux has IPV6_MTU instead, Windows IPV6_MTU_DISCOVER.
     */
    public static final SockOpt<Integer> IPV6_USE_MIN_MTU = intOpt(Level.IPV6, "IPV6_USE_MIN_MTU", -1, 1, 1, "use the minimum MTU")
            .on(Access.NONE, Os.LINUX, Os.WINDOWS);
    /**
     * An INET6 socket for IPv6 only: no IPv4 peers through mapped addresses. Set before bind (Linux: EINVAL
     * after). Defaults differ: false on Linux and macOS, true on Windows.
     */
    public static final SockOpt<Boolean> IPV6_V6ONLY = flag(Level.IPV6, "IPV6_V6ONLY", "IPv6 only, no mapped IPv4");
    /**
     * Source address and interface of outgoing packets (sticky). Linux: set only, getsockopt always fails
     * with ENOPROTOOPT. Windows: none (its IPV6_PKTINFO is the RFC 2292 switch, {@link #IPV6_RECVPKTINFO} here).
     */
    public static final SockOpt<Ipv6PacketInfo> IPV6_PKTINFO = SockOpt.of(Level.IPV6, "IPV6_PKTINFO",
            Ipv6PacketInfo.class, Codec.IN6_PKTINFO, "source and interface (sticky)").sample(new Ipv6PacketInfo(any6(), 0))
            .on(Access.SET_ONLY, Os.LINUX).on(Access.NONE, Os.WINDOWS);
    /**
     * Hop limit of outgoing packets (sticky form of the ancillary option; macOS). Linux takes it only as
     * ancillary data ({@code ControlMessage.HopLimit}), as a socket option neither call does: not supported
     * there; use {@link #IPV6_UNICAST_HOPS}. Windows: none (its IPV6_HOPLIMIT is {@link #IPV6_RECVHOPLIMIT} here).
     */
    public static final SockOpt<Integer> IPV6_HOPLIMIT = intOpt(Level.IPV6, "IPV6_HOPLIMIT", -1, 255, 33, "hop limit (sticky)")
            .on(Access.NONE, Os.LINUX, Os.WINDOWS);
    /** The interface of outgoing multicast (null: the system's choice, which it also takes). */
    public static final SockOpt<NetworkInterface> IPV6_MULTICAST_IF = SockOpt.of(Level.IPV6, "IPV6_MULTICAST_IF",
            NetworkInterface.class, Codec.IFINDEX, "outgoing multicast interface")
            .accepts(n -> n.getIndex() >= 0, "a network interface with an index");
    /** Hop limit of outgoing multicast, -1 for the default. */
    public static final SockOpt<Integer> IPV6_MULTICAST_HOPS = intOpt(Level.IPV6, "IPV6_MULTICAST_HOPS", -1, 255, 4, "multicast hop limit");
    /** Loop outgoing multicast back to local members. Windows: applies to the receiving socket, not the sender. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_LOOP = flag(Level.IPV6, "IPV6_MULTICAST_LOOP", "loop multicast back");
    /** Linux: deliver every IPv6 group joined by any socket on the port (the default, true), or only this socket's. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_ALL = flag(Level.IPV6, "IPV6_MULTICAST_ALL", "groups joined by any socket (Linux)")
            .on(Access.NONE, Os.MACOS, Os.WINDOWS);
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

    /**
     * Largest segment TCP sends. Linux: takes effect only when set before connect (or listen); set on a
     * connected socket it is accepted and ignored, and reads back the MSS in use. Linux refuses values below 88
     * (0 restores the default). Before connect, it reads back the set value or a default. macOS: can only lower
     * it. Windows: read only (Windows 10 and later).
     */
    public static final SockOpt<Integer> TCP_MAXSEG = intOpt(Level.TCP, "TCP_MAXSEG", 0, 65535, 1200, "maximum segment size (Linux: set before connect)")
            .on(Access.GET_ONLY, Os.WINDOWS);
    /** Send small segments at once (no Nagle). */
    public static final SockOpt<Boolean> TCP_NODELAY = flag(Level.TCP, "TCP_NODELAY", "disable Nagle's algorithm");
    /**
     * Idle time before the first keepalive probe (Linux TCP_KEEPIDLE, macOS and Windows TCP_KEEPALIVE), rounded
     * up to whole seconds. Windows: since Windows 10 1709.
     */
    public static final SockOpt<Duration> TCP_KEEPIDLE = seconds("TCP_KEEPIDLE", "S4J_TCP_KEEPIDLE", Duration.ofSeconds(60), "keepalive idle time");
    /** Time between keepalive probes. */
    public static final SockOpt<Duration> TCP_KEEPINTVL = seconds("TCP_KEEPINTVL", "TCP_KEEPINTVL", Duration.ofSeconds(10), "keepalive probe interval");
    /** Unanswered probes before the connection is dropped. */
    public static final SockOpt<Integer> TCP_KEEPCNT = intOpt(Level.TCP, "TCP_KEEPCNT", 1, 255, 5, "keepalive probe count");
    /**
     * Linux: how long, in milliseconds, sent data may stay unacknowledged before the connection is dropped
     * (RFC 5482's user timeout); 0 leaves it to the system. macOS and Windows: none.
     */
    public static final SockOpt<Integer> TCP_USER_TIMEOUT = intOpt(Level.TCP, "TCP_USER_TIMEOUT", 0, Integer.MAX_VALUE, 30000, "unacknowledged data timeout, ms (Linux)")
            .on(Access.NONE, Os.MACOS, Os.WINDOWS);

    /**
     * Every option above, in the order of their declarations, which is the order of the option tables: built from
     * the public constants of this class, so a new declaration is in it with nothing else to edit.
     */
    public static final List<SockOpt<?>> ALL = declared();

    // ---- how rows are made ----------------------------------------------------------------------------------------

    private static SockOpt<Boolean> flag(Level level, String name, String description) {
        return SockOpt.of(level, name, Boolean.class, Codec.FLAG, description).accepts(v -> true, "true or false")
                .sample(Boolean.TRUE);
    }

    private static SockOpt<Integer> intOpt(Level level, String name, int min, int max, int sample, String description) {
        return SockOpt.of(level, name, Integer.class, Codec.INT, description)
                .accepts(v -> v >= min && v <= max, min + ".." + max).sample(sample);
    }

    private static SockOpt<Integer> getInt(Level level, String name, String description) {
        return SockOpt.of(level, name, Integer.class, Codec.INT, description).access(Access.GET_ONLY)
                .accepts(v -> true, "read only");
    }

    /** The longest timeout: Windows takes a DWORD of milliseconds, and Java's own API an int. */
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
    /** The longest keepalive time: what every platform's int (Windows: a 16-bit count on old versions) holds. */
    private static final Duration MAX_KEEPALIVE = Duration.ofSeconds(32767);

    // Compared as Durations, never converted first: toMillis() of a huge Duration overflows. Values are rounded
    // up to the C type's unit when set, so a positive timeout never becomes 0, which means none.
    private static SockOpt<Duration> timeout(String name, String description) {
        Predicate<Duration> ok = d -> !d.isNegative() && d.compareTo(MAX_TIMEOUT) <= 0;
        return SockOpt.of(Level.SOCKET, name, Duration.class, Codec.TIMEOUT, description)
                .accepts(ok, "0 (none) to " + Integer.MAX_VALUE + " ms, rounded up to whole ms").sample(Duration.ofMillis(1500));
    }

    private static SockOpt<Duration> seconds(String name, String cName, Duration sample, String description) {
        Predicate<Duration> ok = d -> !d.isNegative() && !d.isZero() && d.compareTo(MAX_KEEPALIVE) <= 0;
        return SockOpt.of(Level.TCP, name, Duration.class, Codec.SECONDS, description).cName(cName)
                .accepts(ok, "1..32767 s, rounded up to whole seconds").sample(sample);
    }

    private static <T> SockOpt<T> request(String name, Level level, Class<T> type, Codec<T> codec, String description) {
        return SockOpt.of(level, name, type, codec, description).access(Access.SET_ONLY);
    }

    /** The public SockOpt constants of this class, in declaration order (the order the JVM reports fields in). */
    private static List<SockOpt<?>> declared() {
        List<SockOpt<?>> all = new ArrayList<>();
        for (Field f : SocketOptions.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != SockOpt.class || !Modifier.isPublic(m) || !Modifier.isStatic(m)) continue;
            try {
                all.add((SockOpt<?>) f.get(null));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e); // a public field of this class
            }
        }
        return List.copyOf(all);
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
