package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.internal.Platform;
import org.sockets4j.option.Access;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * The option table's claims for the running platform, checked against its kernel: an option that
 * {@link SockOpt#isSupported()} with a readable {@link SockOpt#access()} is read by some socket;
 * one claimed settable is taken by some socket; what the table says cannot be done is refused
 * by the library with {@link UnsupportedOperationException}.
 */
@Timeout(60)
class OptionTableTruthTest {

    /** The errors by which a kernel says a socket does not have an option at all. */
    static final Set<Errno> NOT_TAKEN = EnumSet.of(Errno.ENOPROTOOPT, Errno.EOPNOTSUPP, Errno.EINVAL,
            Errno.EAFNOSUPPORT);

    /**
     * Wine 8 lacks these, where Windows has them (OptionsTest lists why; TCP_MAXSEG, which Windows 10 reads,
     * Wine refuses with WSAENOPROTOOPT).
     */
    private static final Set<String> WINE_LACKS = Set.of("SO_LINGER", "IP_RECVDSTADDR", "IP_RECVIF",
            "IPV6_RECVRTHDR", "IPV6_TCLASS", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT", "IPV6_CHECKSUM",
            "IP_HDRINCL", "TCP_MAXSEG");

    /** Fresh sockets of every kind this machine opens: INET and INET6, stream, datagram and (as root) raw. */
    static List<Socket> everyKind() {
        List<Socket> sockets = new ArrayList<>();
        for (Family family : List.of(Family.INET, Family.INET6)) {
            if (!family.isSupported()) continue;
            for (Type type : List.of(Type.STREAM, Type.DGRAM, Type.RAW)) {
                try {
                    sockets.add(Socket.open(family, type, type == Type.RAW ? Protocol.UDP : Protocol.DEFAULT));
                } catch (IOException | UnsupportedOperationException e) {
                    // raw sockets need root; their options are then checked on the others only
                }
            }
        }
        return sockets;
    }

    @TestFactory
    Stream<DynamicTest> whatTheTableClaimsTheKernelDoes() {
        return SocketOptions.ALL.stream().filter(SockOpt::isSupported)
                .map(o -> dynamicTest(o.name(), () -> claimsHold(o)));
    }

    private static <T> void claimsHold(SockOpt<T> option) throws Exception {
        assumeFalse(Wine.running() && WINE_LACKS.contains(option.name()), "Wine 8 lacks " + option);
        Emulator.assumeOptionKnown(option);
        Access claimed = option.access();
        boolean read = false;
        boolean taken = false;
        List<String> answers = new ArrayList<>();
        for (Socket s : everyKind()) {
            try (s) {
                if (claimed.canGet()) {
                    try {
                        s.getOption(option);
                        read = true;
                    } catch (IOException e) {
                        Errno errno = ((NativeError) e).errno();
                        answers.add(s + " get " + errno);
                        if (!NOT_TAKEN.contains(errno)) read = true; // known to it, e.g. ENOTCONN before connect
                    }
                } else {
                    assertThrows(UnsupportedOperationException.class, () -> s.getOption(option));
                }
                if (claimed.canSet() && option.sample() != null) {
                    try {
                        s.setOption(option, option.sample());
                        taken = true;
                    } catch (IOException e) {
                        Errno errno = ((NativeError) e).errno();
                        answers.add(s + " set " + errno);
                        if (!NOT_TAKEN.contains(errno)) taken = true; // known to it, e.g. EACCES without privilege
                    }
                } else if (!claimed.canSet() && option.sample() != null) {
                    assertThrows(UnsupportedOperationException.class, () -> s.setOption(option, option.sample()));
                }
            }
        }
        if (claimed.canGet()) assertTrue(read, option + " is claimed readable on " + platform() + ": " + answers);
        if (claimed.canSet() && option.sample() != null) {
            assertTrue(taken, option + " is claimed settable on " + platform() + ": " + answers);
        }
    }

    /**
     * {@link Socket#access} against the kernel, on every kind of socket: what it says can be read is read
     * (or known: ENOTCONN), what it says cannot is refused; a typical value is taken by a fresh socket of the
     * same kind exactly where it says set.
     */
    @TestFactory
    Stream<DynamicTest> theProbeSaysWhatTheKernelDoesWithTheSocketAtHand() {
        return SocketOptions.ALL.stream().map(o -> dynamicTest(o.name(), () -> probeHolds(o)));
    }

    private static <T> void probeHolds(SockOpt<T> option) throws Exception {
        Emulator.assumeOptionKnown(option);
        for (Socket s : everyKind()) {
            try (s) {
                if (Wine.running() && option.level() == org.sockets4j.option.Level.IPV6 && s.family() == Family.INET) {
                    continue; // Wine 8 accepts IPv6-level sets (IPV6_V6ONLY) on IPv4 sockets, where Windows refuses them
                }
                Access probed = s.access(option);
                assertEquals(probed != Access.NONE, s.supports(option));
                if (!option.isSupported()) {
                    assertEquals(Access.NONE, probed, s + " " + option);
                    continue;
                }
                if (option.access().canGet()) {
                    boolean read;
                    try {
                        s.getOption(option);
                        read = true;
                    } catch (IOException e) {
                        read = !NOT_TAKEN.contains(((NativeError) e).errno());
                    }
                    assertEquals(read, probed.canGet(), s + " " + option + " read, probe says " + probed);
                } else {
                    assertFalse(probed.canGet(), s + " " + option);
                }
                if (option.sample() != null && option.access().canSet()) {
                    boolean taken;
                    try (Socket fresh = Socket.open(s.family(), s.type(), s.protocol())) {
                        fresh.setOption(option, option.sample());
                        taken = true;
                    } catch (IOException e) {
                        taken = !NOT_TAKEN.contains(((NativeError) e).errno());
                    }
                    assertEquals(taken, probed.canSet(), s + " " + option + " set, probe says " + probed);
                } else if (!option.access().canSet()) {
                    assertFalse(probed.canSet(), s + " " + option);
                }
            }
        }
    }

    @Test
    void probingChangesNothing() throws Exception {
        for (Socket s : everyKind()) {
            try (s) {
                java.util.Map<String, Object> before = readable(s);
                for (SockOpt<?> o : SocketOptions.ALL) s.access(o);
                java.util.Map<String, Object> after = readable(s);
                assertEquals(before.keySet(), after.keySet());
                for (String name : before.keySet()) {
                    assertTrue(java.util.Objects.deepEquals(before.get(name), after.get(name)),
                            s + " " + name + ": " + before.get(name) + " became " + after.get(name));
                }
            }
        }
    }

    private static java.util.Map<String, Object> readable(Socket s) {
        java.util.Map<String, Object> values = new java.util.TreeMap<>();
        for (SockOpt<?> o : SocketOptions.ALL) {
            if (!o.isSupported() || !o.access().canGet() || o == SocketOptions.SO_ERROR) continue;
            try {
                values.put(o.name(), s.getOption(o));
            } catch (IOException e) {
                values.put(o.name(), ((NativeError) e).errno());
            }
        }
        return values;
    }

    @Test
    void membershipsAreProbedWithoutJoiningAnything() throws Exception {
        try (Socket udp = Socket.open(Family.INET, Type.DGRAM)) {
            assertEquals(Access.SET_ONLY, udp.access(SocketOptions.IP_ADD_MEMBERSHIP), () -> shortSet(udp,
                    SocketOptions.IP_ADD_MEMBERSHIP));
            Emulator.assumeRealKernel("does not translate MCAST_JOIN_GROUP/MCAST_LEAVE_GROUP");
            if (Wine.running()) {
                // Wine 8 has no MCAST_* requests at all: a real join is refused the same way
                IOException e = assertThrows(IOException.class, () -> udp.setOption(SocketOptions.MCAST_JOIN_GROUP,
                        new org.sockets4j.option.GroupReq(java.net.InetAddress.getByName("239.1.2.3"), 0)));
                assertEquals(Errno.ENOPROTOOPT, ((NativeError) e).errno());
                assertEquals(Access.NONE, udp.access(SocketOptions.MCAST_JOIN_GROUP));
                return;
            }
            assertEquals(Access.SET_ONLY, udp.access(SocketOptions.MCAST_JOIN_GROUP), () -> shortSet(udp,
                    SocketOptions.MCAST_JOIN_GROUP));
            assertEquals(Access.NONE, udp.access(SocketOptions.IPV6_JOIN_GROUP), "an IPv6 request on an IPv4 socket");
        }
        assumeTrue(Family.INET6.isSupported(), "no IPv6 here");
        try (Socket udp6 = Socket.open(Family.INET6, Type.DGRAM)) {
            assertEquals(Access.SET_ONLY, udp6.access(SocketOptions.IPV6_JOIN_GROUP));
            assertEquals(Access.SET_ONLY, udp6.access(SocketOptions.MCAST_JOIN_GROUP));
        }
    }

    /** What a one-byte value of the option gets from the kernel, for a failure's message. */
    private static String shortSet(Socket s, SockOpt<?> option) {
        try {
            s.setRawOption(option.level().nativeValue(s.family()).getAsInt(), option.nativeName().getAsInt(),
                    new byte[1]);
            return "a one-byte " + option + " was taken";
        } catch (IOException e) {
            return "a one-byte " + option + ": " + e.getMessage();
        }
    }

    @Test
    void linuxsSocketsAnswerTheProbeAsTheKernelDoes() throws Exception {
        assumeTrue(Platform.current().os().equals("linux"), "Linux's kernel");
        try (Socket udp6 = Socket.open(Family.INET6, Type.DGRAM); Socket udp = Socket.open(Family.INET, Type.DGRAM);
             Socket tcp = Socket.open(Family.INET, Type.STREAM)) {
            assertEquals(Access.SET_ONLY, udp6.access(SocketOptions.IPV6_PKTINFO), "sticky, never read back");
            assertEquals(Access.NONE, udp6.access(SocketOptions.IPV6_NEXTHOP));
            assertEquals(Access.NONE, udp6.access(SocketOptions.IPV6_HOPLIMIT));
            assertEquals(Access.GET_ONLY, udp.access(SocketOptions.IP_HDRINCL), "settable on raw sockets only");
            assertEquals(Access.GET_ONLY, udp.access(SocketOptions.SO_SNDLOWAT));
            assertEquals(Access.NONE, udp.access(SocketOptions.TCP_NODELAY));
            assertEquals(Access.GET_SET, tcp.access(SocketOptions.TCP_MAXSEG));
            Emulator.assumeRealKernel("answers a short IP_ADD_MEMBERSHIP on TCP itself, before Linux's EPROTO");
            assertEquals(Access.NONE, tcp.access(SocketOptions.IP_ADD_MEMBERSHIP), "Linux: EPROTO on TCP");
            udp6.bind(new java.net.InetSocketAddress("::1", 0));
            assertEquals(Access.GET_ONLY, udp6.access(SocketOptions.IPV6_V6ONLY), "Linux: fixed once bound");
        }
    }

    @Test
    void nullsAreNamed() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            assertEquals("option is null", assertThrows(NullPointerException.class, () -> s.access(null)).getMessage());
            assertEquals("option is null", assertThrows(NullPointerException.class, () -> s.supports(null)).getMessage());
        }
        assertEquals("os is null", assertThrows(NullPointerException.class,
                () -> SocketOptions.SO_RCVBUF.access(null)).getMessage());
    }

    @Test
    void aClosedSocketIsReportedByTheProbe() throws Exception {
        Socket s = Socket.open(Family.INET, Type.DGRAM);
        s.close();
        assertThrows(SocketClosedException.class, () -> s.access(SocketOptions.SO_RCVBUF));
        assertThrows(SocketClosedException.class, () -> s.supports(SocketOptions.IP_ADD_MEMBERSHIP));
    }

    /** TCP_MAXSEG's Javadoc, shown: Linux uses it only when set before connect. */
    @Test
    void tcpMaxsegTakesEffectBeforeConnectAndIsIgnoredAfter() throws Exception {
        assumeTrue(Platform.current().os().equals("linux"), "Linux's TCP_MAXSEG");
        try (Socket listener = Loopback.listener(Family.INET);
             Socket early = Socket.open(Family.INET, Type.STREAM); Socket late = Socket.open(Family.INET, Type.STREAM)) {
            early.setOption(SocketOptions.TCP_MAXSEG, 0); // 0: the default again, which Linux takes
            early.setOption(SocketOptions.TCP_MAXSEG, 1200);
            early.connect(listener.localAddress());
            try (Socket server = listener.accept().socket()) {
                assertTrue(server.isOpen());
                int mss = early.getOption(SocketOptions.TCP_MAXSEG);
                assertTrue(mss > 0 && mss <= 1200, "set before connect, the MSS is at most 1200: " + mss);
            }
            late.connect(listener.localAddress());
            try (Socket server = listener.accept().socket()) {
                assertTrue(server.isOpen());
                int before = late.getOption(SocketOptions.TCP_MAXSEG);
                assertTrue(before > 1200, "loopback's MSS: " + before);
                late.setOption(SocketOptions.TCP_MAXSEG, 1200); // accepted...
                assertEquals(before, late.getOption(SocketOptions.TCP_MAXSEG), "...and ignored once connected");
            }
            IOException e = assertThrows(IOException.class, () -> late.setOption(SocketOptions.TCP_MAXSEG, 68));
            assertEquals(Errno.EINVAL, ((NativeError) e).errno(), "Linux's own floor is 88");
        }
    }

    @Test
    void windowsReadsTcpMaxsegOnly() throws Exception {
        assumeTrue(Platform.current().os().equals("windows"), "Windows' TCP_MAXSEG");
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            assertEquals("TCP_MAXSEG cannot be set on " + platform() + ": it is read only",
                    assertThrows(UnsupportedOperationException.class,
                            () -> s.setOption(SocketOptions.TCP_MAXSEG, 1200)).getMessage());
        }
    }

    @Test
    void linuxsOwnRefusalsAreInTheTable() {
        assumeTrue(Platform.current().os().equals("linux"), "Linux's table");
        assertFalse(SocketOptions.IPV6_NEXTHOP.isSupported(), "Linux defines IPV6_NEXTHOP but no call takes it");
        assertFalse(SocketOptions.IPV6_HOPLIMIT.isSupported(), "Linux takes IPV6_HOPLIMIT as ancillary data only");
        assertEquals(Access.SET_ONLY, SocketOptions.IPV6_PKTINFO.access(), "Linux sets a sticky IPV6_PKTINFO, reads none");
        assertEquals(Access.GET_ONLY, SocketOptions.SO_SNDLOWAT.access(), "Linux reads SO_SNDLOWAT, sets none");
    }

    private static String platform() {
        return Platform.current().classifier();
    }
}
