package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code target/sockets4j.jar} as a user runs it: {@code java -jar}, separate
 * processes, stopped by a signal. Runs in the integration-test phase, after the
 * jar is built; with the JDK running the tests and, when the property
 * {@code s4j.test.jdk} names one, another {@code java} as well. No run may print
 * a JVM warning (native access, -Xcheck) on standard error.
 */
@Timeout(10)
@ExtendWith(NoProcessLeftBehind.class)
class JarIT {

    private static final long WAIT_SECONDS = 5;

    @TempDir
    Path dir;

    static Stream<String> javas() {
        List<String> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String other = System.getProperty("s4j.test.jdk", "");
        if (!other.isBlank()) javas.add(other);
        return javas.stream();
    }

    private static Path jar() {
        String jar = System.getProperty("s4j.samples.jar");
        assumeTrue(jar != null && !jar.isBlank(), "s4j.samples.jar is not set: run through mvn verify");
        return Path.of(jar);
    }

    /** A running {@code java -jar sockets4j.jar ...} whose output lines are collected as they come. */
    private static final class Program implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> out = new LinkedBlockingQueue<>();
        final CompletableFuture<String> err;
        final Thread reader;

        Program(String java, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).start();
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) out.add(line);
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
        }

        String nextLine() throws InterruptedException {
            String line = out.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) throw new AssertionError("no output within " + WAIT_SECONDS + " s; stderr: " + stderrSoFar());
            return line;
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("still running");
            return process.exitValue();
        }

        /** Every line not yet taken by {@link #nextLine()}, once the process has closed its output. */
        List<String> remainingLines() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            return new ArrayList<>(out);
        }

        String stderr() throws Exception {
            return err.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        private String stderrSoFar() {
            return err.getNow("(still running)");
        }

        void send(String input) throws IOException {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }

        /** Ends the process and whatever it started (a {@code java} that is a launcher script forks the JVM). */
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> started = process.descendants().toList();
            process.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("java -jar sockets4j.jar (pid " + process.pid() + ") did not end on SIGKILL");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void tcpServerAndClient(String java) throws Exception {
        try (Program server = new Program(java, "echo-server", "--bind", "127.0.0.1", "--port", "0")) {
            String listening = server.nextLine();
            assertTrue(listening.startsWith("listening on 127.0.0.1:"), listening);
            String port = listening.substring(listening.lastIndexOf(':') + 1);

            try (Program client = new Program(java, "echo-client", "127.0.0.1", port)) {
                client.send("hello\nworld\n");
                assertEquals("recv: 6 bytes: hello", client.nextLine());
                assertEquals("recv: 6 bytes: world", client.nextLine());
                assertEquals(0, client.exitCode());
                assertEquals("", client.stderr());
            }

            // SIGTERM, through the handle: Process.destroy() would also close the pipes this test still reads.
            assertTrue(server.process.toHandle().destroy(), "SIGTERM sent");
            assertEquals(0, server.exitCode());
            assertEquals("", server.stderr());
            List<String> rest = server.remainingLines();
            assertEquals("echo-server: stopped", rest.get(rest.size() - 1), rest::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void unixServerRemovesItsSocketFileOnSigint(String java) throws Exception {
        assumeTrue(sigintReachesChildren(), "SIGINT is ignored by this JVM, so by its children too (started"
                + " in the background by a non-interactive shell?)");
        Path file = dir.resolve("echo.sock");
        try (Program server = new Program(java, "echo-server", "--path", file.toString())) {
            assertEquals("listening on " + file, server.nextLine());
            assertTrue(Files.exists(file));

            try (Program client = new Program(java, "echo-client", "--path", file.toString())) {
                client.send("over unix\n");
                assertEquals("recv: 10 bytes: over unix", client.nextLine());
                assertEquals(0, client.exitCode());
                assertEquals("", client.stderr());
            }

            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(server.process.pid())).start();
            assertTrue(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT failed");
            assertEquals(0, server.exitCode());
            assertEquals("", server.stderr());
            assertFalse(Files.exists(file), "the server removed its socket file");
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void badInputIsOneLineAndExitCode2(String java) throws Exception {
        try (Program run = new Program(java, "echo-server", "--family", "bogus")) {
            assertEquals(2, run.exitCode());
            assertEquals("echo-server: Invalid value for option '--family': 'bogus' is not an address family;"
                    + " use inet, inet6 or unix\nTry 'sockets4j echo-server --help' for more information.\n",
                    run.stderr());
        }
    }

    /** Whether SIGINT is left at its default for processes this JVM starts: Linux only, read from /proc. */
    private static boolean sigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (ignored & (1L << (2 - 1))) == 0; // SIGINT is signal 2
            }
        }
        return false;
    }
}
