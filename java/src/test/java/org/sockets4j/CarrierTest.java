package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of virtual threads blocked in {@code recv} leave the carriers free: in a JVM whose scheduler has
 * two carriers, another virtual thread still runs, and no sockets4j frame is ever pinned (JFR's
 * {@code jdk.VirtualThreadPinned} where the runtime has JFR, and {@code -Djdk.tracePinnedThreads=full} where the
 * JDK still has it).
 * Before the parking way, the third blocked {@code recv} held the last carrier and the probe never ran.
 */
@Timeout(180)
class CarrierTest {

    private static final int THREADS = 2000;

    @Test
    void blockedReceiversLeaveTheCarriersFree(@TempDir(factory = Wine.TempDirs.class) Path dir) throws Exception {
        VirtualThreadsForTest.assumeAvailable();
        Emulator.assumeChildJvmStarts();
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        boolean jfr = ModuleLayer.boot().findModule("jdk.jfr").isPresent() && Files.isExecutable(bin.resolve("jfr"))
                || Files.isExecutable(bin.resolve("jfr.exe"));
        Path recording = dir.resolve("pinned.jfr");
        Path settings = dir.resolve("pinned.jfc");
        Files.writeString(settings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0">
                  <event name="jdk.VirtualThreadPinned">
                    <setting name="enabled">true</setting>
                    <setting name="stackTrace">true</setting>
                    <setting name="threshold">0 ms</setting>
                  </event>
                </configuration>
                """);
        List<String> cmd = new ArrayList<>();
        cmd.add(bin.resolve("java").toString());
        cmd.add("-Djdk.virtualThreadScheduler.parallelism=2");
        cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=2");
        cmd.add("-Djdk.tracePinnedThreads=full");
        if (jfr) cmd.add("-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings + ",dumponexit=true");
        cmd.add("-Xmx256m");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        cmd.add(Integer.toString(THREADS));
        String out = run(cmd);
        assertTrue(out.contains("PROBE RAN"), out);
        assertTrue(out.contains("RECEIVED " + THREADS), out);
        // -Djdk.tracePinnedThreads prints a pinned stack, marking the frames that pin with "<==" (JDK 21 to 23)
        assertTrue(out.lines().noneMatch(l -> l.contains("org.sockets4j") && l.contains("<==")), out);
        if (jfr) {
            String events = run(List.of(bin.resolve("jfr").toString(), "print", "--events", "jdk.VirtualThreadPinned",
                    recording.toString()));
            assertFalse(events.contains("org.sockets4j"), "pinned in a sockets4j call:\n" + events);
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** The child JVM: blocks THREADS virtual threads in recv, then checks a further one still runs. */
    public static final class Probe {
        /** Unix pairs where the OS has them; loopback TCP pairs where not (Wine 8 has no AF_UNIX). */
        private static final Family FAMILY = Family.UNIX.isSupported() ? Family.UNIX : Family.INET;

        public static void main(String[] args) throws Exception {
            int n = Integer.parseInt(args[0]);
            run(n);
            System.exit(0);
        }

        private static void run(int n) throws Exception {
            warmUp();
            SocketPair[] pairs = new SocketPair[n];
            for (int i = 0; i < n; i++) pairs[i] = Socket.pair(FAMILY, Type.STREAM);
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

        /**
         * One virtual thread parks in recv first, alone: the classes of the parking way load then. Two thousand
         * virtual threads loading a class at once would wait on its loading lock, pinned, which is the JVM's
         * doing and happens once; the test is about the calls themselves.
         */
        private static void warmUp() throws Exception {
            try (SocketPair pair = Socket.pair(FAMILY, Type.STREAM)) {
                Thread t = VirtualThreadsForTest.start(() -> {
                    try {
                        pair.first().recv(new byte[1]);
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                });
                while (t.getState() != Thread.State.WAITING && t.isAlive()) Thread.sleep(5);
                pair.second().send(new byte[] {1});
                t.join(10_000);
            }
        }
    }
}
