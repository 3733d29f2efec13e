package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link EchoClient} against the echo server and against JDK peers that misbehave on purpose. */
@Timeout(5)
class EchoClientTest {

    @TempDir
    Path dir;

    /** A JDK server on 127.0.0.1 that runs {@code peer} on the first connection, on another thread. */
    private static final class Peer implements AutoCloseable {
        final ServerSocketChannel server;
        final CompletableFuture<Void> done;

        Peer(PeerAction peer) throws IOException {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            done = CompletableFuture.runAsync(() -> {
                try (SocketChannel channel = server.accept()) {
                    peer.run(channel);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }

        String port() {
            return String.valueOf(server.socket().getLocalPort());
        }

        @Override
        public void close() throws Exception {
            try {
                done.get(3, TimeUnit.SECONDS);
            } finally {
                server.close();
            }
        }
    }

    @FunctionalInterface
    private interface PeerAction {
        void run(SocketChannel channel) throws IOException;
    }

    @Test
    void drainsWhatTheServerSendsAfterTheEndOfInput() throws Exception {
        try (Peer peer = new Peer(channel -> {
            channel.write(ByteBuffer.wrap(EchoServerTest.readFully(channel, 6)));
            // Waits for the client's shutdown(WRITE), then says goodbye and closes.
            if (channel.read(ByteBuffer.allocate(1)) != -1) throw new IOException("expected end of stream");
            channel.write(ByteBuffer.wrap("bye\n".getBytes(StandardCharsets.UTF_8)));
        })) {
            CliRun client = CliRun.echoClient("hello\n", "127.0.0.1", peer.port());
            assertEquals(0, client.exitCode(), client.err());
            assertEquals("recv: 6 bytes: hello\nrecv: 4 bytes: bye\n", client.out());
        }
    }

    @Test
    void serverThatClosesMidLineIsAnError() throws Exception {
        try (Peer peer = new Peer(channel -> EchoServerTest.readFully(channel, 6))) {
            CliRun client = CliRun.echoClient("hello\n", "127.0.0.1", peer.port());
            assertEquals(1, client.exitCode());
            client.assertNoStackTrace();
            assertArrayEquals(new String[] {"echo-client: the peer closed the connection after 0 of 6 bytes"},
                    client.errLines());
        }
    }

    @Test
    void sendsALastLineWithoutNewlineAsIs() throws Exception {
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            CliRun client = CliRun.echoClient("one\ntwo", "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, client.exitCode(), client.err());
            assertEquals("recv: 4 bytes: one\nrecv: 3 bytes: two\n", client.out());
        }
    }

    @Test
    void emptyInputConnectsAndEndsCleanly() throws Exception {
        try (RunningServer server = RunningServer.start("--bind", "127.0.0.1", "--port", "0")) {
            CliRun client = CliRun.echoClient("", "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, client.exitCode(), client.err());
            assertEquals("", client.out());
        }
    }

    @Test
    void connectionRefusedIsOneLineAndExitCode1() throws Exception {
        // A bound socket that does not listen: the kernel refuses connections to its port, and the
        // port cannot be handed to the client's own socket, which would then connect to itself.
        int port;
        CliRun client;
        try (java.nio.channels.SocketChannel held = java.nio.channels.SocketChannel.open()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = held.socket().getLocalPort();
            client = CliRun.echoClient("hello\n", "127.0.0.1", String.valueOf(port));
        }
        assertEquals(1, client.exitCode());
        client.assertNoStackTrace();
        assertArrayEquals(new String[] {"echo-client: connect /127.0.0.1:" + port
                + ": Connection refused (ECONNREFUSED)"}, client.errLines());
        assertEquals("", client.out());
    }

    @Test
    void missingSocketFileIsOneLineAndExitCode1() {
        Path missing = dir.resolve("nobody.sock");
        CliRun client = CliRun.echoClient("hello\n", "--path", missing.toString());
        assertEquals(1, client.exitCode());
        client.assertNoStackTrace();
        assertArrayEquals(new String[] {"echo-client: connect " + missing + ": No such file or directory (ENOENT)"},
                client.errLines());
    }
}
