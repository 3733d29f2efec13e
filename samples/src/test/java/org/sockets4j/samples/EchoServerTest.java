package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockets4j.Family;
import org.sockets4j.Shutdown;
import org.sockets4j.Socket;
import org.sockets4j.Type;

/** {@link EchoServer} in this JVM on loopback, with sockets4j and JDK clients. */
@Timeout(5)
class EchoServerTest {

    /** The families the samples support. */
    enum Kind { INET, INET6, UNIX }

    @TempDir
    Path dir;

    /** {@code echo-server} arguments for a server of {@code kind} on an ephemeral port or a fresh socket file. */
    private String[] serverArgs(Kind kind) {
        return switch (kind) {
            case INET -> new String[] {"--family", "inet", "--bind", "127.0.0.1", "--port", "0"};
            case INET6 -> {
                assumeIpv6Loopback();
                yield new String[] {"--family", "inet6", "--bind", "::1", "--port", "0"};
            }
            case UNIX -> new String[] {"--family", "unix", "--path", dir.resolve("echo.sock").toString()};
        };
    }

    /** {@code echo-client} arguments that reach {@code server}. */
    private static String[] clientArgs(Kind kind, RunningServer server) {
        return switch (kind) {
            case INET -> new String[] {"127.0.0.1", String.valueOf(server.port())};
            case INET6 -> new String[] {"--family", "inet6", "::1", String.valueOf(server.port())};
            case UNIX -> new String[] {"--path", ((UnixDomainSocketAddress) server.address()).getPath().toString()};
        };
    }

    static void assumeIpv6Loopback() {
        assumeTrue(Family.INET6.isSupported(), "IPv6 (AF_INET6) is not supported on this machine");
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "the IPv6 loopback address ::1 is not configured: " + e);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void echoClientRoundTrip(Kind kind) throws Exception {
        Path socketFile;
        try (RunningServer server = RunningServer.start(serverArgs(kind))) {
            socketFile = kind == Kind.UNIX ? ((UnixDomainSocketAddress) server.address()).getPath() : null;
            if (socketFile != null) assertTrue(Files.exists(socketFile), "the server created " + socketFile);

            CliRun client = CliRun.echoClient("hello\nworld\nnon-ASCII: grüße\n", clientArgs(kind, server));

            assertEquals(0, client.exitCode(), client.err());
            assertEquals("", client.err());
            assertEquals(List.of("recv: 6 bytes: hello", "recv: 6 bytes: world",
                    "recv: 19 bytes: non-ASCII: grüße"), client.out().lines().toList());
            assertEquals(0, server.stop());
            assertTrue(server.out().contains("] recv: hello\n"), server.out());
            assertTrue(server.out().contains("] recv: non-ASCII: grüße\n"), server.out());
            assertTrue(server.out().contains("listening on "), server.out());
            assertEquals("", server.err());
        }
        if (socketFile != null) assertFalse(Files.exists(socketFile), "the server removed " + socketFile);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void answersPlainSocketChannel(Kind kind) throws Exception {
        try (RunningServer server = RunningServer.start(serverArgs(kind));
             SocketChannel channel = SocketChannel.open(server.address())) {
            byte[] message = "ping from the JDK\n".getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(message));
            assertArrayEquals(message, readFully(channel, message.length));
            channel.shutdownOutput();
            assertEquals(-1, channel.read(ByteBuffer.allocate(1)), "the server closes after the client's end of stream");
        }
    }

    @Test
    void printsTheKernelChosenPort() throws Exception {
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            assertTrue(server.port() > 0);
            assertTrue(server.out().startsWith("listening on 127.0.0.1:" + server.port() + "\n"), server.out());
        }
    }

    @Test
    void listensOnTheWildcardAddressByDefault() throws Exception {
        try (RunningServer server = RunningServer.start("--port", "0")) {
            assertEquals(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), server.port()), server.address());
            assertTrue(server.out().startsWith("listening on 0.0.0.0:" + server.port() + "\n"), server.out());
            CliRun client = CliRun.echoClient("x\n", "localhost", String.valueOf(server.port()));
            assertEquals("recv: 2 bytes: x\n", client.out(), client.err());
        }
    }

    @Test
    void echoesAMegabyteWhole() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0");
             Socket socket = Socket.open(Family.INET, Type.STREAM)) {
            socket.connect(server.address());
            // Send from another thread: neither side may wait for the other to read first.
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try {
                Future<?> sent = sender.submit(() -> {
                    SocketIo.sendAll(socket, data, 0, data.length);
                    socket.shutdown(Shutdown.WRITE);
                    return null;
                });
                byte[] back = new byte[data.length];
                SocketIo.recvFully(socket, back, 0, back.length);
                sent.get();
                assertArrayEquals(data, back);
                assertEquals(Socket.EOF, socket.recv(new byte[1]));
            } finally {
                sender.shutdownNow();
            }
        }
    }

    @Test
    void servesClientsConcurrently() throws Exception {
        int clients = 8;
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            List<SocketChannel> channels = new ArrayList<>();
            try {
                // All connected at once: each has its own thread on the server.
                for (int i = 0; i < clients; i++) {
                    channels.add(SocketChannel.open(server.address()));
                }
                for (int i = clients - 1; i >= 0; i--) {
                    byte[] message = ("client " + i + "\n").getBytes(StandardCharsets.UTF_8);
                    channels.get(i).write(ByteBuffer.wrap(message));
                    assertArrayEquals(message, readFully(channels.get(i), message.length));
                }
            } finally {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            }
        }
    }

    @Test
    void stopWakesAcceptAndIdleClients() throws Exception {
        RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0");
        try (SocketChannel idle = SocketChannel.open(server.address())) {
            idle.write(ByteBuffer.wrap("a\n".getBytes(StandardCharsets.UTF_8)));
            readFully(idle, 2); // its thread is now blocked in recv again
            assertEquals(0, server.stop());
            assertEquals(-1, idle.read(ByteBuffer.allocate(1)), "stop closed the client's connection");
            assertTrue(server.out().endsWith("echo-server: stopped\n"), server.out());
            assertEquals("", server.err());
        }
    }

    @Test
    void addressInUseIsOneLineAndExitCode1() throws Exception {
        try (RunningServer first = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            CliRun second = CliRun.sockets4j("echo-server", "--bind", "127.0.0.1", "--port", String.valueOf(first.port()));
            assertEquals(1, second.exitCode());
            second.assertNoStackTrace();
            assertArrayEquals(new String[] {"echo-server: bind /127.0.0.1:" + first.port()
                    + ": Address already in use (EADDRINUSE)"}, second.errLines());
        }
    }

    @Test
    void replacesAStaleSocketFile() throws Exception {
        Path file = dir.resolve("stale.sock");
        // A JDK server socket leaves its file behind when closed, like a server that died.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(file));
        }
        assertTrue(Files.exists(file));
        try (RunningServer server = RunningServer.start("--path", file.toString())) {
            assertTrue(server.out().startsWith("removed stale socket file " + file + "\n"), server.out());
            CliRun client = CliRun.echoClient("still here\n", "--path", file.toString());
            assertEquals("recv: 11 bytes: still here\n", client.out(), client.err());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void leavesALiveServersSocketFileAlone() throws Exception {
        Path file = dir.resolve("live.sock");
        try (RunningServer first = RunningServer.start("--path", file.toString())) {
            CliRun second = CliRun.sockets4j("echo-server", "--path", file.toString());
            assertEquals(1, second.exitCode());
            second.assertNoStackTrace();
            assertArrayEquals(new String[] {"echo-server: bind " + file + ": another server is listening there"},
                    second.errLines());
            CliRun client = CliRun.echoClient("first\n", "--path", file.toString());
            assertEquals("recv: 6 bytes: first\n", client.out(), "the first server still answers");
        }
    }

    @Test
    void leavesAFileThatIsNotASocketAlone() throws Exception {
        Path file = dir.resolve("precious.txt");
        Files.writeString(file, "data");
        CliRun run = CliRun.sockets4j("echo-server", "--path", file.toString());
        assertEquals(1, run.exitCode());
        run.assertNoStackTrace();
        assertArrayEquals(new String[] {"echo-server: bind " + file + ": Address already in use (EADDRINUSE)"},
                run.errLines());
        assertEquals("data", Files.readString(file));
    }

    @Test
    void ipv6AddressWithInetFamilyIsAnError() {
        CliRun run = CliRun.sockets4j("echo-server", "--family", "inet", "--bind", "::1", "--port", "0");
        assertEquals(1, run.exitCode());
        run.assertNoStackTrace();
        assertArrayEquals(new String[] {"echo-server: ::1 has no IPv4 address"}, run.errLines());
    }

    static byte[] readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) throw new IOException("end of stream after " + buffer.position() + " bytes");
        }
        return buffer.array();
    }
}
