package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockets4j.option.GroupReq;
import org.sockets4j.option.GroupSourceReq;
import org.sockets4j.option.IpMreq;
import org.sockets4j.option.IpMreqSource;
import org.sockets4j.option.Ipv6Mreq;
import org.sockets4j.option.SocketOptions;

/**
 * Multicast behaviour on a veth pair made by the test ({@link VethLink}): senders and
 * receivers live in this process, on the host end; receivers get the copy the
 * kernel loops back on that interface (IP_MULTICAST_LOOP), and the peer end in
 * its own namespace counts what went out on the wire. Each membership option is
 * exercised in its IP_* / IPV6_* spelling and in its MCAST_* spelling.
 *
 * <p>Receivers bind the group address and a shared port (SO_REUSEADDR), so they
 * see only that group's datagrams. Linux delivers a group's datagrams to every
 * socket bound on the port while any socket of the host has joined it on the
 * interface, unless the socket turned IP_MULTICAST_ALL / IPV6_MULTICAST_ALL off
 * (on by default); the tests show both.
 */
@Timeout(30)
class MulticastTest {

    /** How long a datagram that should arrive may take (the loop-back copy is normally there at once). */
    private static final long ARRIVES_MS = 2000;
    /** How long to watch for a datagram that must not arrive. */
    private static final long QUIET_MS = 250;


    private static String unavailable;

    @BeforeAll
    static void probe() {
        unavailable = System.getProperty("os.name").startsWith("Linux") ? VethLink.unavailable()
                : "veth pairs and network namespaces are Linux only";
    }

    /** One spelling of the membership options, for one family. */
    enum Form {
        /** IP_ADD_MEMBERSHIP & co. with the interface named by its address ({@code ip_mreq}, {@code ip_mreq_source}). */
        IP(Family.INET),
        /** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP with the interface named by its index ({@code ip_mreqn}). */
        IP_BY_INDEX(Family.INET),
        /** MCAST_* on an IPv4 socket ({@code group_req}, {@code group_source_req}). */
        MCAST4(Family.INET),
        /** IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP ({@code ipv6_mreq}); IPv6 has no IPV6_* source options. */
        IPV6(Family.INET6),
        /** MCAST_* on an IPv6 socket. */
        MCAST6(Family.INET6);

        final Family family;

        Form(Family family) {
            this.family = family;
        }

        void join(Socket s, VethLink link) throws IOException {
            InetAddress g = link.group(family);
            switch (this) {
                case IP -> s.setOption(SocketOptions.IP_ADD_MEMBERSHIP, IpMreq.of(g, link.address4));
                case IP_BY_INDEX -> s.setOption(SocketOptions.IP_ADD_MEMBERSHIP, new IpMreq(g, null, link.index()));
                case IPV6 -> s.setOption(SocketOptions.IPV6_JOIN_GROUP, new Ipv6Mreq(g, link.index()));
                default -> s.setOption(SocketOptions.MCAST_JOIN_GROUP, new GroupReq(g, link.index()));
            }
        }

        void leave(Socket s, VethLink link) throws IOException {
            InetAddress g = link.group(family);
            switch (this) {
                case IP -> s.setOption(SocketOptions.IP_DROP_MEMBERSHIP, IpMreq.of(g, link.address4));
                case IP_BY_INDEX -> s.setOption(SocketOptions.IP_DROP_MEMBERSHIP, new IpMreq(g, null, link.index()));
                case IPV6 -> s.setOption(SocketOptions.IPV6_LEAVE_GROUP, new Ipv6Mreq(g, link.index()));
                default -> s.setOption(SocketOptions.MCAST_LEAVE_GROUP, new GroupReq(g, link.index()));
            }
        }

        void block(Socket s, VethLink link, InetAddress source) throws IOException {
            if (this == IP) {
                s.setOption(SocketOptions.IP_BLOCK_SOURCE, new IpMreqSource(VethLink.GROUP4, source, link.address4));
            } else {
                s.setOption(SocketOptions.MCAST_BLOCK_SOURCE, sourceReq(link, source));
            }
        }

        void unblock(Socket s, VethLink link, InetAddress source) throws IOException {
            if (this == IP) {
                s.setOption(SocketOptions.IP_UNBLOCK_SOURCE, new IpMreqSource(VethLink.GROUP4, source, link.address4));
            } else {
                s.setOption(SocketOptions.MCAST_UNBLOCK_SOURCE, sourceReq(link, source));
            }
        }

        void joinSource(Socket s, VethLink link, InetAddress source) throws IOException {
            if (this == IP) {
                s.setOption(SocketOptions.IP_ADD_SOURCE_MEMBERSHIP, new IpMreqSource(VethLink.GROUP4, source, link.address4));
            } else {
                s.setOption(SocketOptions.MCAST_JOIN_SOURCE_GROUP, sourceReq(link, source));
            }
        }

        void leaveSource(Socket s, VethLink link, InetAddress source) throws IOException {
            if (this == IP) {
                s.setOption(SocketOptions.IP_DROP_SOURCE_MEMBERSHIP, new IpMreqSource(VethLink.GROUP4, source, link.address4));
            } else {
                s.setOption(SocketOptions.MCAST_LEAVE_SOURCE_GROUP, sourceReq(link, source));
            }
        }

        private GroupSourceReq sourceReq(VethLink link, InetAddress source) throws IOException {
            return new GroupSourceReq(link.group(family), source, link.index());
        }
    }

    // ---- membership -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Form.class)
    void aJoinedMemberReceivesANonMemberDoesNotAndAfterLeavingNothingArrives(Form form) throws Exception {
        Family f = form.family;
        try (VethLink link = link(f);
             Socket member = receiver(link, f, 0);
             Socket other = receiver(link, f, port(member));
             Socket sender = sender(link, f, link.address(f))) {
            InetSocketAddress target = new InetSocketAddress(link.group(f), port(member));

            send(sender, "before-join", target);
            assertNothing(member, "before any join");
            assertNothing(other, "before any join");

            form.join(member, link);
            send(sender, "joined", target);
            assertReceived(member, "joined", link.address(f));
            // Linux: with *_MULTICAST_ALL on (the default) a socket on the port gets the group once any socket joined it.
            assertReceived(other, "joined", link.address(f));

            multicastAll(other, f, false);
            send(sender, "joined-2", target);
            assertReceived(member, "joined-2", link.address(f));
            assertNothing(other, "a socket that did not join, with " + f + " MULTICAST_ALL off");

            form.leave(member, link);
            send(sender, "left", target);
            assertNothing(member, "after leaving");
            assertNothing(other, "after the only member left");
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void joiningTwiceAndLeavingAGroupNotJoinedAreRefused(Form form) throws Exception {
        Family f = form.family;
        try (VethLink link = link(f); Socket s = receiver(link, f, 0)) {
            assertErrno(Errno.EADDRNOTAVAIL, () -> form.leave(s, link));
            form.join(s, link);
            assertErrno(Errno.EADDRINUSE, () -> form.join(s, link));
            form.leave(s, link);
            assertErrno(Errno.EADDRNOTAVAIL, () -> form.leave(s, link));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"IP", "MCAST4", "MCAST6"})
    void aBlockedSourceIsNotDeliveredAndAnUnblockedOneIs(Form form) throws Exception {
        Family f = form.family;
        try (VethLink link = link(f);
             Socket member = receiver(link, f, 0);
             Socket first = sender(link, f, link.address(f));
             Socket second = sender(link, f, link.second(f))) {
            InetSocketAddress target = new InetSocketAddress(link.group(f), port(member));
            form.join(member, link);
            send(second, "second-joined", target);
            assertReceived(member, "second-joined", link.second(f));

            form.block(member, link, link.second(f));
            send(second, "second-blocked", target);
            send(first, "first-while-second-blocked", target);
            assertReceived(member, "first-while-second-blocked", link.address(f));
            assertNothing(member, "from the blocked source " + link.second(f).getHostAddress());

            form.unblock(member, link, link.second(f));
            send(second, "second-unblocked", target);
            assertReceived(member, "second-unblocked", link.second(f));
            send(first, "first-after-unblock", target);
            assertReceived(member, "first-after-unblock", link.address(f));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"IP", "MCAST4", "MCAST6"})
    void aSourceSpecificJoinReceivesOnlyFromThatSource(Form form) throws Exception {
        Family f = form.family;
        try (VethLink link = link(f);
             Socket member = receiver(link, f, 0);
             Socket chosen = sender(link, f, link.address(f));
             Socket stranger = sender(link, f, link.second(f))) {
            InetSocketAddress target = new InetSocketAddress(link.group(f), port(member));
            form.joinSource(member, link, link.address(f));

            send(stranger, "from-another-source", target);
            send(chosen, "from-the-source", target);
            assertReceived(member, "from-the-source", link.address(f));
            assertNothing(member, "from a source outside the source-specific join");

            form.leaveSource(member, link, link.address(f));
            send(chosen, "after-leaving-the-source", target);
            assertNothing(member, "after leaving the source-specific membership");
        }
    }

    // ---- sending options ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void multicastLoopDecidesWhetherThisHostsMembersGetTheDatagram(Family f) throws Exception {
        try (VethLink link = link(f);
             Socket member = receiver(link, f, 0);
             Socket sender = sender(link, f, link.address(f))) {
            InetSocketAddress target = new InetSocketAddress(link.group(f), port(member));
            join(member, link, f);
            assertTrue(getLoop(sender, f), "the sender turned loop on");

            setLoop(sender, f, false);
            assertFalse(getLoop(sender, f));
            long wire = link.peerReceived(f);
            send(sender, "loop-off", target);
            awaitPeer(link, f, wire + 1); // it was sent, and went out on the wire...
            assertNothing(member, "with multicast loop off"); // ...but not back to this host

            setLoop(sender, f, true);
            assertTrue(getLoop(sender, f));
            send(sender, "loop-on", target);
            assertReceived(member, "loop-on", link.address(f));
            awaitPeer(link, f, wire + 2);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void multicastTtlZeroStaysOnThisHostAndOneReachesTheNextHost(Family f) throws Exception {
        try (VethLink link = link(f);
             Socket member = receiver(link, f, 0);
             Socket sender = sender(link, f, link.address(f))) {
            InetSocketAddress target = new InetSocketAddress(link.group(f), port(member));
            join(member, link, f);
            assertEquals(1, getHops(sender, f), "the default multicast TTL / hop limit");

            long wire = link.peerReceived(f);
            setHops(sender, f, 0);
            assertEquals(0, getHops(sender, f));
            send(sender, "ttl-0", target);
            assertReceived(member, "ttl-0", link.address(f)); // looped back to this host's member

            setHops(sender, f, 1);
            assertEquals(1, getHops(sender, f));
            send(sender, "ttl-1", target);
            assertReceived(member, "ttl-1", link.address(f));
            // The peer counts the TTL 1 datagram; the TTL 0 one, queued before it on the same link, never came.
            awaitPeer(link, f, wire + 1);
            Thread.sleep(QUIET_MS);
            assertEquals(wire + 1, link.peerReceived(f), "datagrams that reached the next host");

            setHops(sender, f, 7);
            assertEquals(7, getHops(sender, f));
            if (f == Family.INET6) {
                setHops(sender, f, -1); // -1: back to the default
                assertEquals(1, getHops(sender, f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void multicastIfChoosesTheInterfaceTheDatagramLeavesBy(Family f) throws Exception {
        try (VethLink a = link(f); VethLink b = link(f);
             Socket member = receiver(a, f, 0);
             Socket sender = Socket.open(f, Type.DGRAM)) {
            InetSocketAddress target = new InetSocketAddress(a.group(f), port(member));
            join(member, a, f); // a member on link a only
            setLoop(sender, f, true);

            long wireA = a.peerReceived(f), wireB = b.peerReceived(f);
            setInterface(sender, f, b);
            assertInterface(sender, f, b);
            send(sender, "via-b", target);
            awaitPeer(b, f, wireB + 1);
            assertNothing(member, "a datagram sent out of the other link");

            setInterface(sender, f, a);
            assertInterface(sender, f, a);
            send(sender, "via-a", target);
            assertReceived(member, "via-a", null);
            awaitPeer(a, f, wireA + 1);
            assertEquals(wireB + 1, b.peerReceived(f), "datagrams out of link b");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static VethLink link(Family f) throws IOException {
        assumeTrue(unavailable == null, unavailable);
        VethLink link = VethLink.create();
        if (f == Family.INET6 && link.ipv6Unavailable != null) {
            link.close();
            assumeTrue(false, link.ipv6Unavailable);
        }
        return link;
    }

    /** A non-blocking datagram socket bound to the family's group address on {@code port} (0: a new one). */
    private static Socket receiver(VethLink link, Family f, int port) throws IOException {
        Socket s = Socket.open(f, Type.DGRAM);
        try {
            s.setOption(SocketOptions.SO_REUSEADDR, true);
            s.bind(new InetSocketAddress(link.group(f), port));
            s.setBlocking(false);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A datagram socket bound to {@code source}, sending multicast out of the link's host end, looped back. */
    private static Socket sender(VethLink link, Family f, InetAddress source) throws IOException {
        Socket s = Socket.open(f, Type.DGRAM);
        try {
            s.bind(new InetSocketAddress(source, 0));
            setInterface(s, f, link);
            setLoop(s, f, true);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void join(Socket s, VethLink link, Family f) throws IOException {
        (f == Family.INET6 ? Form.IPV6 : Form.IP).join(s, link);
    }

    private static void setInterface(Socket s, Family f, VethLink link) throws IOException {
        if (f == Family.INET6) s.setOption(SocketOptions.IPV6_MULTICAST_IF, link.networkInterface());
        else s.setOption(SocketOptions.IP_MULTICAST_IF, link.address4);
    }

    private static void assertInterface(Socket s, Family f, VethLink link) throws IOException {
        if (f == Family.INET6) {
            assertEquals(link.index(), s.getOption(SocketOptions.IPV6_MULTICAST_IF).getIndex(), "IPV6_MULTICAST_IF");
        } else {
            assertEquals(link.address4, s.getOption(SocketOptions.IP_MULTICAST_IF), "IP_MULTICAST_IF");
        }
    }

    private static void setLoop(Socket s, Family f, boolean on) throws IOException {
        s.setOption(f == Family.INET6 ? SocketOptions.IPV6_MULTICAST_LOOP : SocketOptions.IP_MULTICAST_LOOP, on);
    }

    private static boolean getLoop(Socket s, Family f) throws IOException {
        return s.getOption(f == Family.INET6 ? SocketOptions.IPV6_MULTICAST_LOOP : SocketOptions.IP_MULTICAST_LOOP);
    }

    private static void setHops(Socket s, Family f, int hops) throws IOException {
        s.setOption(f == Family.INET6 ? SocketOptions.IPV6_MULTICAST_HOPS : SocketOptions.IP_MULTICAST_TTL, hops);
    }

    private static int getHops(Socket s, Family f) throws IOException {
        return s.getOption(f == Family.INET6 ? SocketOptions.IPV6_MULTICAST_HOPS : SocketOptions.IP_MULTICAST_TTL);
    }

    /** Turns Linux's IP_MULTICAST_ALL / IPV6_MULTICAST_ALL on or off. */
    private static void multicastAll(Socket s, Family f, boolean on) throws IOException {
        s.setOption(f == Family.INET6 ? SocketOptions.IPV6_MULTICAST_ALL : SocketOptions.IP_MULTICAST_ALL, on);
    }

    private static int port(Socket s) throws IOException {
        return ((InetSocketAddress) s.localAddress()).getPort();
    }

    private static void send(Socket s, String text, InetSocketAddress target) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(b.length, s.sendTo(b, 0, b.length, target));
    }

    /** Waits for the next datagram on non-blocking {@code s}: it must say {@code text} and come from {@code source} (null: any). */
    private static void assertReceived(Socket s, String text, InetAddress source) throws Exception {
        byte[] buf = new byte[512];
        long end = System.nanoTime() + ARRIVES_MS * 1_000_000;
        Received r;
        while ((r = s.recvFrom(buf, 0, buf.length)) == null && System.nanoTime() < end) Thread.sleep(5);
        assertNotNull(r, "no datagram \"" + text + "\" within " + ARRIVES_MS + " ms");
        assertEquals(text, new String(buf, 0, r.length(), StandardCharsets.US_ASCII));
        if (source != null) assertEquals(source, ((InetSocketAddress) r.source()).getAddress(), "source of " + text);
    }

    private static void assertNothing(Socket s, String when) throws Exception {
        byte[] buf = new byte[512];
        long end = System.nanoTime() + QUIET_MS * 1_000_000;
        do {
            Received r = s.recvFrom(buf, 0, buf.length);
            assertNull(r, () -> "nothing should arrive " + when + ", got \""
                    + new String(buf, 0, r.length(), StandardCharsets.US_ASCII) + "\" from " + r.source());
            Thread.sleep(5);
        } while (System.nanoTime() < end);
    }

    /** Waits until the peer host has counted at least {@code atLeast} datagrams from the wire. */
    private static void awaitPeer(VethLink link, Family f, long atLeast) throws Exception {
        long end = System.nanoTime() + ARRIVES_MS * 1_000_000;
        long seen;
        while ((seen = link.peerReceived(f)) < atLeast && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(seen >= atLeast, "the peer host counted " + seen + " datagrams from the wire, expected " + atLeast);
    }

    private static void assertErrno(Errno expected, Executable call) {
        IOException e = assertThrows(IOException.class, call);
        assertTrue(e instanceof NativeError, () -> "not a NativeError: " + e);
        assertEquals(expected, ((NativeError) e).errno(), e::getMessage);
    }
}
