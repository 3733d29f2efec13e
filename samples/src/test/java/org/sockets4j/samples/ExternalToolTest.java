package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo server answering programs that have nothing to do with Java: socat,
 * or nc when socat is missing. Skipped, with the reason, when neither is on PATH.
 */
@Timeout(5)
@ExtendWith(NoProcessLeftBehind.class)
class ExternalToolTest {

    private static final String LINES = "hello from outside\nsecond line\n";

    @TempDir
    Path dir;

    @Test
    void tcpClient() throws Exception {
        Optional<Path> socat = onPath("socat");
        Optional<Path> nc = onPath("nc");
        assumeTrue(socat.isPresent() || nc.isPresent(), "neither socat nor nc is on PATH (apt-get install socat)");
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            String port = String.valueOf(server.port());
            List<String> command = socat.isPresent()
                    ? List.of(socat.get().toString(), "-", "TCP:127.0.0.1:" + port)
                    : List.of(nc.get().toString(), "127.0.0.1", port);
            assertEquals(LINES, exchange(command, LINES));
            assertTrue(server.out().contains("] recv: hello from outside"), server.out());
        }
    }

    @Test
    void unixClient() throws Exception {
        Optional<Path> socat = onPath("socat");
        assumeTrue(socat.isPresent(), "socat is not on PATH (apt-get install socat)");
        Path file = dir.resolve("echo.sock");
        try (RunningServer server = RunningServer.start("--path", file.toString())) {
            assertEquals(file, ((UnixDomainSocketAddress) server.address()).getPath());
            assertEquals(LINES, exchange(List.of(socat.get().toString(), "-", "UNIX-CONNECT:" + file), LINES));
        }
    }

    /** Runs {@code command}, writes {@code input} to it, and returns as many bytes of its output. */
    private static String exchange(List<String> command, String input) throws Exception {
        byte[] sent = input.getBytes(StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream(); InputStream stdout = process.getInputStream()) {
            CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readNBytes(sent.length);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            stdin.write(sent);
            stdin.flush();
            return new String(echoed.get(3, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } finally {
            // nc may wait for the server to close first; the echo is all the test needs.
            process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
