package org.sockets4j;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace with a veth pair to this one, made and removed by a test.
 * The namespace's host sits at 198.18.N.2 (RFC 2544 benchmarking range); this
 * side is 198.18.N.1. Needs root and iproute2; {@link #unavailable()} says why not.
 */
final class TestNetwork implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final String namespace;
    final String hostLink;
    final InetAddress local;
    final InetAddress peer;

    private TestNetwork(int n) throws IOException {
        long pid = ProcessHandle.current().pid() % 10_000;
        namespace = "s4j-" + pid + "-" + n;
        hostLink = "s4jh" + pid + "x" + n;
        String peerLink = "s4jn" + pid + "x" + n;
        int subnet = (int) ((pid * 7 + n) % 250) + 1;
        local = InetAddress.getByName("198.18." + subnet + ".1");
        peer = InetAddress.getByName("198.18." + subnet + ".2");
        try {
            run("ip", "netns", "add", namespace);
            run("ip", "link", "add", hostLink, "address", "02:00:00:00:" + hex(subnet) + ":01", "type", "veth",
                    "peer", "name", peerLink, "address", "02:00:00:00:" + hex(subnet) + ":02");
            run("ip", "link", "set", peerLink, "netns", namespace);
            run("ip", "addr", "add", local.getHostAddress() + "/30", "dev", hostLink);
            run("ip", "link", "set", hostLink, "up");
            inside("ip", "addr", "add", peer.getHostAddress() + "/30", "dev", peerLink);
            inside("ip", "link", "set", peerLink, "up");
            inside("ip", "link", "set", "lo", "up");
            // Static neighbours: no ARP, so the only thing that can stop a SYN is what the test sets up.
            run("ip", "neigh", "replace", peer.getHostAddress(), "lladdr", "02:00:00:00:" + hex(subnet) + ":02",
                    "dev", hostLink, "nud", "permanent");
            inside("ip", "neigh", "replace", local.getHostAddress(), "lladdr", "02:00:00:00:" + hex(subnet) + ":01",
                    "dev", peerLink, "nud", "permanent");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Null when namespaces can be made here, else the reason they cannot. */
    static String unavailable() {
        try {
            new TestNetwork(NEXT.incrementAndGet()).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot make a network namespace (needs root and iproute2): " + e.getMessage();
        }
    }

    static TestNetwork create() throws IOException {
        return new TestNetwork(NEXT.incrementAndGet());
    }

    /** Drops every packet the namespace would send back to this side: SYNs arrive, nothing answers. */
    void dropReplies() throws IOException {
        inside("ip", "route", "add", "blackhole", local.getHostAddress() + "/32");
    }

    void inside(String... command) throws IOException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        run(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            run("ip", "netns", "del", namespace); // takes the veth pair with it
        } catch (IOException | RuntimeException ignored) {
            // nothing was made, or it is gone already
        }
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }

    private static void run(String... command) throws IOException {
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
    }
}
