package org.sockets4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A veth pair made and removed by a multicast or broadcast test: the host end
 * stays in this namespace (it has the MULTICAST flag, which loopback lacks), the
 * peer end goes into a namespace of its own and plays the other host on the wire.
 *
 * <p>Host end: 198.19.S.1/24 and a second address 198.19.S.3/24 (broadcast
 * 198.19.S.255), fd00:19:S::1/64 and fd00:19:S::3/64 (added without DAD, so they
 * are usable at once). Peer end: 198.19.S.2 and fd00:19:S::2; it also joins
 * {@link #GROUP4} and {@link #GROUP6} through the kernel ({@code ip addr add ...
 * autojoin}), so every datagram that reaches it for those groups (or for the
 * subnet broadcast) and finds no socket there counts in its UDP
 * {@code IgnoredMulti} counter: {@link #peerReceived(Family)} tells what left
 * this host on the wire. Everything sits in 198.18.0.0/15 (RFC 2544), fd00::/8
 * (unique local) and site-local groups. Needs root and iproute2; {@link #unavailable()} says why not.
 */
final class VethLink implements AutoCloseable {

    /** The IPv4 group of the tests (administratively scoped). */
    static final InetAddress GROUP4 = address("239.19.0.9");
    /** The IPv6 group of the tests (site-local, transient). */
    static final InetAddress GROUP6 = address("ff15::19:9");

    private static final AtomicInteger NEXT = new AtomicInteger();

    final String namespace;
    final String hostLink;
    final int subnet;
    final InetAddress address4;
    final InetAddress second4;
    final InetAddress peer4;
    final InetAddress broadcast4;
    final InetAddress address6;
    final InetAddress second6;
    /** Null when the host end has its IPv6 addresses, else why not. */
    final String ipv6Unavailable;

    private VethLink(int n) throws IOException {
        long pid = ProcessHandle.current().pid() % 10_000;
        namespace = "s4jm-" + pid + "-" + n;
        hostLink = "s4jmh" + pid + "x" + n;
        String peerLink = "s4jmn" + pid + "x" + n;
        subnet = freeSubnet((int) ((pid * 11 + n) % 250) + 1);
        String v4 = "198.19." + subnet + ".";
        String v6 = "fd00:19:" + Integer.toHexString(subnet) + "::";
        address4 = address(v4 + "1");
        second4 = address(v4 + "3");
        peer4 = address(v4 + "2");
        broadcast4 = address(v4 + "255");
        address6 = address(v6 + "1");
        second6 = address(v6 + "3");
        String noIpv6 = null;
        try {
            run("ip", "netns", "add", namespace);
            run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", peerLink);
            run("ip", "link", "set", peerLink, "netns", namespace);
            run("ip", "addr", "add", v4 + "1/24", "broadcast", v4 + "255", "dev", hostLink);
            run("ip", "addr", "add", v4 + "3/24", "dev", hostLink);
            inside("ip", "addr", "add", v4 + "2/24", "broadcast", v4 + "255", "dev", peerLink);
            inside("ip", "addr", "add", GROUP4.getHostAddress() + "/32", "dev", peerLink, "autojoin");
            try {
                enableIpv6(Path.of("/proc/sys/net/ipv6/conf", hostLink, "disable_ipv6"));
                run("ip", "-6", "addr", "add", v6 + "1/64", "dev", hostLink, "nodad");
                run("ip", "-6", "addr", "add", v6 + "3/64", "dev", hostLink, "nodad");
                inside("ip", "-6", "addr", "add", v6 + "2/64", "dev", peerLink, "nodad");
                inside("ip", "-6", "addr", "add", GROUP6.getHostAddress() + "/128", "dev", peerLink, "autojoin");
            } catch (IOException e) {
                noIpv6 = "no IPv6 on a veth here: " + e.getMessage();
            }
            run("ip", "link", "set", hostLink, "up");
            inside("ip", "link", "set", peerLink, "up");
            inside("ip", "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        ipv6Unavailable = noIpv6;
    }

    /** Null when a veth link with a namespace can be made here, else the reason it cannot. */
    static String unavailable() {
        String emulated = Emulator.whyNotStarting("ip", "-V"); // every step runs ip
        if (emulated != null) return "cannot make a network namespace with a veth pair: " + emulated;
        try {
            new VethLink(NEXT.incrementAndGet()).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot make a network namespace with a veth pair (needs root and iproute2): " + e.getMessage();
        }
    }

    static VethLink create() throws IOException {
        return new VethLink(NEXT.incrementAndGet());
    }

    /** The host end as Java sees it. */
    NetworkInterface networkInterface() throws SocketException {
        NetworkInterface ni = NetworkInterface.getByName(hostLink);
        if (ni == null) throw new AssertionError("no interface " + hostLink);
        return ni;
    }

    /** The host end's interface index. */
    int index() throws SocketException {
        return networkInterface().getIndex();
    }

    InetAddress group(Family family) {
        return family == Family.INET6 ? GROUP6 : GROUP4;
    }

    InetAddress address(Family family) {
        return family == Family.INET6 ? address6 : address4;
    }

    InetAddress second(Family family) {
        return family == Family.INET6 ? second6 : second4;
    }

    /**
     * The peer host's count of UDP multicast and broadcast datagrams that reached
     * its UDP layer and found no socket: what arrived over the wire for the joined
     * groups or the subnet broadcast (nothing else sends UDP into that namespace).
     */
    long peerReceived(Family family) throws IOException {
        if (family == Family.INET6) {
            for (String line : inside("cat", "/proc/net/snmp6").split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals("Udp6IgnoredMulti")) return Long.parseLong(f[1]);
            }
            throw new AssertionError("no Udp6IgnoredMulti in the peer's /proc/net/snmp6");
        }
        String[] lines = inside("cat", "/proc/net/snmp").split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("Udp: ") && lines[i + 1].startsWith("Udp: ")) {
                List<String> names = List.of(lines[i].trim().split("\\s+"));
                int at = names.indexOf("IgnoredMulti");
                if (at < 0) break;
                return Long.parseLong(lines[i + 1].trim().split("\\s+")[at]);
            }
        }
        throw new AssertionError("no Udp IgnoredMulti in the peer's /proc/net/snmp");
    }

    String inside(String... command) throws IOException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return run(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            run("ip", "netns", "del", namespace); // takes the veth pair with it
        } catch (IOException | RuntimeException ignored) {
            // nothing was made, or it is gone already
        }
        try {
            run("ip", "link", "del", hostLink); // if the peer end never reached the namespace
        } catch (IOException | RuntimeException ignored) {
            // gone with the namespace
        }
    }

    /** The first 198.19.N.0/24 from {@code start} that no interface of this host uses yet. */
    private static int freeSubnet(int start) throws IOException {
        for (int i = 0; i < 250; i++) {
            int s = (start - 1 + i) % 250 + 1;
            if (run("ip", "-4", "addr", "show", "to", "198.19." + s + ".0/24").isEmpty()) return s;
        }
        throw new IOException("no free 198.19.N.0/24 subnet");
    }

    private static void enableIpv6(Path disable) throws IOException {
        if (!Files.exists(disable)) throw new IOException(disable + " does not exist");
        if (!Files.readString(disable).trim().equals("0")) Files.writeString(disable, "0");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
