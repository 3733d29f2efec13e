package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain HTTP/1.1 over {@link Socket#outputStream()} and {@link Socket#inputStream()} (with a
 * {@link BufferedReader}, as hand-written HTTP code reads), against a python {@code http.server}
 * that the test starts on an ephemeral loopback port and stops again.
 */
@Timeout(60)
class HttpOverStreamsTest {

    private static final String CONTENT = "sockets4j over python's http.server\nsecond line\n";
    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    @TempDir
    static Path dir;

    private static Process server;
    private static int port;
    /** Whether the server speaks HTTP/1.1 (python 3.11's --protocol); else one request per connection. */
    private static boolean keepAlive;

    @BeforeAll
    static void startServer() throws Exception {
        Path python = onPath("python3");
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH: no http.server peer");
        Emulator.assumeStarts(python.toString(), "-c", "pass");
        Path root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("hello.txt"), CONTENT, StandardCharsets.US_ASCII);
        keepAlive = start(python, root, true) || !start(python, root, false);
        Assumptions.assumeTrue(server != null, "python3 -m http.server did not start: see " + dir.resolve("server.log"));
    }

    /** Starts the server; true once it listens, false (and no process left) if it ended first. */
    private static boolean start(Path python, Path root, boolean http11) throws Exception {
        ProcessBuilder pb = http11
                ? new ProcessBuilder(python.toString(), "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                        "--directory", root.toString(), "--protocol", "HTTP/1.1")
                : new ProcessBuilder(python.toString(), "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                        "--directory", root.toString());
        Process p = pb.redirectError(dir.resolve("server.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // "Serving HTTP on 127.0.0.1 port N (http://127.0.0.1:N/) ...", or null
        Matcher m = line == null ? null : PORT.matcher(line);
        if (m == null || !m.find()) {
            stop(p);
            return false;
        }
        port = Integer.parseInt(m.group(1));
        server = p;
        return true;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) stop(server);
        server = null;
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            for (String n : new String[] {name, name + ".exe"}) {
                Path p = Path.of(d, n);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
            }
        }
        return null;
    }

    /** A response: the status line, headers (names in lower case) and the body of Content-Length bytes. */
    private record Response(String status, Map<String, String> headers, String body) {}

    private static Response exchange(OutputStream out, BufferedReader in, String path, boolean close)
            throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: sockets4j-test\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = in.readLine();
        assertTrue(status != null, "no status line for " + path);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
        assertTrue(length >= 0, "no Content-Length for " + path + ": " + headers);
        char[] body = new char[length]; // ISO-8859-1: one char per byte, so Content-Length counts chars too
        int at = 0;
        while (at < length) {
            int n = in.read(body, at, length - at);
            assertTrue(n > 0, "the body of " + path + " ended after " + at + " of " + length);
            at += n;
        }
        return new Response(status, headers, new String(body));
    }

    private static Socket connect() throws IOException {
        Socket s = Socket.open(Family.INET, Type.STREAM);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    @Test
    void getRequestsOverTheStreams() throws Exception {
        Socket s = connect();
        try {
            OutputStream out = s.outputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.inputStream(), StandardCharsets.ISO_8859_1));
            Response listing = exchange(out, in, "/", !keepAlive);
            assertTrue(listing.status().matches("HTTP/1\\.[01] 200 .*"), listing.status());
            assertTrue(listing.body().contains("hello.txt"), listing.body());
            if (!keepAlive) { // an HTTP/1.0 server closed the connection
                assertEquals(-1, in.read());
                s.close();
                s = connect();
                out = s.outputStream();
                in = new BufferedReader(new InputStreamReader(s.inputStream(), StandardCharsets.ISO_8859_1));
            }
            Response file = exchange(out, in, "/hello.txt", true);
            assertTrue(file.status().matches("HTTP/1\\.[01] 200 .*"), file.status());
            assertEquals(CONTENT, file.body());
            assertEquals(String.valueOf(CONTENT.length()), file.headers().get("content-length"));
            assertEquals(-1, in.read(), "Connection: close: the server ends the stream");
        } finally {
            s.close();
        }
    }

    @Test
    void aMissingFileIsA404WithItsBody() throws Exception {
        try (Socket s = connect()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.inputStream(), StandardCharsets.ISO_8859_1));
            Response r = exchange(s.outputStream(), in, "/no-such-file", true);
            assertTrue(r.status().matches("HTTP/1\\.[01] 404 .*"), r.status());
            assertTrue(r.body().contains("404"), r.body());
        }
    }
}
