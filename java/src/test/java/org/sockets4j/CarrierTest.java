package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of virtual threads blocked in {@code recv} leave the carriers free: in a JVM whose scheduler has
 * two carriers, another virtual thread still runs, and no sockets4j frame is ever pinned (JFR's
 * {@code jdk.VirtualThreadPinned}, and {@code -Djdk.tracePinnedThreads=full} where the JDK still has it).
 * Before the parking way, the third blocked {@code recv} held the last carrier and the probe never ran.
 */
@Timeout(180)
class CarrierTest {

    private static final int THREADS = 2000;

    @Test
    void blockedReceiversLeaveTheCarriersFree() throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        Emulator.assumeChildJvmStarts();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djdk.virtualThreadScheduler.parallelism=2");
        cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=2");
        cmd.add("-Djdk.tracePinnedThreads=full");
        cmd.add("-Xmx256m");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        cmd.add(Integer.toString(THREADS));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("PROBE RAN"), out);
        assertTrue(out.contains("RECEIVED " + THREADS), out);
        assertTrue(out.contains("PINNED 0"), out);
        // -Djdk.tracePinnedThreads prints the pinned stack with "<== monitors" / native frames (JDK 21 to 23)
        assertTrue(out.lines().noneMatch(l -> l.contains("org.sockets4j") && l.contains("<==")), out);
    }

    /** The child JVM: blocks THREADS virtual threads in recv, then checks a further one still runs. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            int n = Integer.parseInt(args[0]);
            List<String> pinned = Collections.synchronizedList(new ArrayList<>());
            try (RecordingStream rs = new RecordingStream()) {
                rs.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                rs.onEvent("jdk.VirtualThreadPinned", e -> {
                    StringBuilder stack = new StringBuilder();
                    if (e.getStackTrace() != null) {
                        for (RecordedFrame f : e.getStackTrace().getFrames()) {
                            stack.append(f.getMethod().getType().getName()).append('.')
                                    .append(f.getMethod().getName()).append(' ');
                        }
                    }
                    if (stack.indexOf("org.sockets4j") >= 0) pinned.add(stack.toString());
                });
                rs.startAsync();
                run(n);
                Thread.sleep(1500); // JFR streams in batches: let the last one arrive
            }
            System.out.println("PINNED " + pinned.size());
            pinned.forEach(s -> System.out.println("  pinned in " + s));
            System.exit(0);
        }

        private static void run(int n) throws Exception {
            SocketPair[] pairs = new SocketPair[n];
            for (int i = 0; i < n; i++) pairs[i] = Socket.pair(Family.UNIX, Type.STREAM);
            AtomicInteger received = new AtomicInteger();
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                Socket s = pairs[i].first();
                threads[i] = VirtualThreadsForTest.start(() -> {
                    try {
                        byte[] b = new byte[1];
                        if (s.recv(b) == 1 && b[0] == 42) received.incrementAndGet();
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                });
            }
            // every receiver is waiting once each is parked (or stuck on a carrier, which the probe then shows)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int waiting;
            do {
                Thread.sleep(20);
                waiting = 0;
                for (Thread t : threads) if (t.getState() == Thread.State.WAITING) waiting++;
            } while (waiting < n && System.nanoTime() < until);
            System.out.println("WAITING " + waiting);
            Thread probe = VirtualThreadsForTest.start(() -> System.out.println("PROBE RAN"));
            probe.join(20_000);
            if (probe.isAlive()) {
                System.out.println("PROBE STUCK: the carriers are blocked");
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
            for (SocketPair pair : pairs) pair.second().send(new byte[] {42});
            for (Thread t : threads) t.join(30_000);
            System.out.println("RECEIVED " + received.get());
            for (SocketPair pair : pairs) {
                pair.first().close();
                pair.second().close();
            }
        }
    }
}
