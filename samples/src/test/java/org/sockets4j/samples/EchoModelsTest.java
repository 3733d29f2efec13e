package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sockets4j.option.SocketOptions;

/** {@code echo-server --model ...}: every model echoes, serves clients at once, and stops cleanly. */
@Timeout(30)
class EchoModelsTest {

    private static final int MEGABYTE = 1 << 20;

    @TempDir
    Path dir;

    /** Skips a model this JVM cannot run, naming what is missing. */
    private static void assumeRunnable(Model model) {
        if (model == Model.VIRTUAL) assumeTrue(VirtualThreads.available(), VirtualThreads.missing());
    }

    private static RunningServer start(Model model, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--model", model.option()));
        all.addAll(List.of(args));
        return RunningServer.start(all.toArray(String[]::new));
    }

    /**
     * Six clients at once. Two send 1 MiB messages without reading until the
     * connection backs up (their send makes no progress): the server's echo to them
     * then waits, in the poller model as pending output after a short send, with WRITE
     * interest. While they are backed up, four more clients send many small
     * messages and must get every echo back. Then the two read: the server's sends
     * resume, and every byte comes back in order.
     */
    @ParameterizedTest
    @EnumSource(Model.class)
    void echoesOtherClientsWhileTwoAreBackedUp(Model model) throws Exception {
        assumeRunnable(model);
        byte[] megabyte = new byte[MEGABYTE];
        new Random(42).nextBytes(megabyte);
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Socket> sockets = new ArrayList<>();
        try (RunningServer server = start(model, "--bind", "127.0.0.1", "--port", "0")) {
            List<Flood> floods = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                floods.add(Flood.untilBackedUp(connect(server, sockets), megabyte));
            }
            List<Future<?>> small = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket socket = connect(server, sockets);
                int client = i;
                small.add(pool.submit(() -> {
                    for (int line = 0; line < 100; line++) {
                        byte[] message = ("client " + client + " line " + line + "\n").getBytes(StandardCharsets.UTF_8);
                        SocketIo.sendAll(socket, message, 0, message.length);
                        byte[] back = new byte[message.length];
                        SocketIo.recvFully(socket, back, 0, back.length);
                        assertArrayEquals(message, back);
                    }
                    return null;
                }));
            }
            for (Future<?> f : small) f.get();
            List<Future<?>> ends = new ArrayList<>();
            for (Flood flood : floods) {
                ends.add(pool.submit(() -> {
                    flood.finishSending();
                    return null;
                }));
                ends.add(pool.submit(() -> {
                    flood.readEcho();
                    return null;
                }));
            }
            for (Future<?> f : ends) f.get();
            assertEquals(0, server.stop());
            assertEquals("", server.err());
            assertTrue(server.out().contains("] recv: client 3 line 99\n"));
            assertTrue(server.out().endsWith("echo-server: stopped\n"));
        } finally {
            pool.shutdownNow();
            for (Socket socket : sockets) socket.close();
        }
    }

    private static Socket connect(RunningServer server, List<Socket> sockets) throws Exception {
        Socket socket = Socket.open(Family.INET, Type.STREAM);
        sockets.add(socket);
        socket.connect(server.address());
        return socket;
    }

    /** A client sending copies of one 1 MiB message, reading nothing until told to. */
    private static final class Flood {
        private static final int MOST = 256; // megabytes; far beyond any kernel's socket buffers
        private static final Duration STALL = Duration.ofMillis(300);

        private final Socket socket;
        private final byte[] message;
        private int whole; // messages sent whole
        private int offset; // bytes sent of the next one

        private Flood(Socket socket, byte[] message) {
            this.socket = socket;
            this.message = message;
        }

        /**
         * Sends until a send makes no progress for {@link #STALL}: the server has
         * stopped reading this client because its echo cannot be sent. (A server
         * merely slow for that long also ends this early: the test then checks less,
         * never wrongly.)
         */
        static Flood untilBackedUp(Socket socket, byte[] message) throws Exception {
            Flood flood = new Flood(socket, message);
            socket.setOption(SocketOptions.SO_SNDTIMEO, STALL);
            while (true) {
                try {
                    flood.offset += socket.send(message, flood.offset, message.length - flood.offset);
                } catch (SocketTimeoutException stalled) {
                    break;
                }
                if (flood.offset == message.length) {
                    flood.whole++;
                    flood.offset = 0;
                    if (flood.whole == MOST) throw new AssertionError(MOST + " MiB sent and the connection never backed up");
                }
            }
            socket.setOption(SocketOptions.SO_SNDTIMEO, Duration.ZERO);
            return flood;
        }

        /** Sends the rest of the message under way, then ends the stream. */
        void finishSending() throws Exception {
            if (offset > 0) SocketIo.sendAll(socket, message, offset, message.length - offset);
            socket.shutdown(Shutdown.WRITE);
        }

        /** Reads the echo of every message sent, then the end of the stream. */
        void readEcho() throws Exception {
            int messages = whole + (offset > 0 ? 1 : 0);
            assertTrue(messages >= 1);
            byte[] back = new byte[message.length];
            for (int i = 0; i < messages; i++) {
                SocketIo.recvFully(socket, back, 0, back.length);
                assertArrayEquals(message, back, "message " + i + " of " + messages);
            }
            assertEquals(Socket.EOF, socket.recv(new byte[1]), "the server closes after the client's end of stream");
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void stopClosesIdleClients(Model model) throws Exception {
        assumeRunnable(model);
        RunningServer server = start(model, "--bind", "127.0.0.1", "--port", "0");
        try (SocketChannel idle = SocketChannel.open(server.address());
             SocketChannel other = SocketChannel.open(server.address())) {
            // One echo each: both are accepted and served, so the server now waits for more from both.
            // (A connection still in the listen queue when the listener closes would be reset instead.)
            idle.write(ByteBuffer.wrap("a\n".getBytes(StandardCharsets.UTF_8)));
            EchoServerTest.readFully(idle, 2);
            other.write(ByteBuffer.wrap("b\n".getBytes(StandardCharsets.UTF_8)));
            EchoServerTest.readFully(other, 2);
            assertEquals(0, server.stop());
            assertEquals(-1, idle.read(ByteBuffer.allocate(1)), "stop closed the client's connection");
            assertEquals(-1, other.read(ByteBuffer.allocate(1)), "stop closed the client's connection");
            assertTrue(server.out().endsWith("echo-server: stopped\n"), server.out());
            assertEquals("", server.err());
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void stopsBeforeAnyClient(Model model) throws Exception {
        assumeRunnable(model);
        RunningServer server = start(model, "--bind", "127.0.0.1", "--port", "0");
        assertEquals(0, server.stop());
        assertEquals("", server.err());
    }

    /** A client that sends 1 MiB and leaves without reading does not disturb the server or the next client. */
    @ParameterizedTest
    @EnumSource(Model.class)
    void outlivesAClientThatLeavesMidEcho(Model model) throws Exception {
        assumeRunnable(model);
        try (RunningServer server = start(model, "--bind", "127.0.0.1", "--port", "0")) {
            try (Socket rude = Socket.open(Family.INET, Type.STREAM)) {
                rude.connect(server.address());
                byte[] data = new byte[MEGABYTE];
                // Send what the kernel takes without waiting on the server's echo.
                rude.setBlocking(false);
                int offset = 0;
                int sent;
                while (offset < data.length && (sent = rude.send(data, offset, data.length - offset)) > 0) offset += sent;
                assertTrue(offset > 0);
            }
            CliRun client = CliRun.echoClient("still here\n", "127.0.0.1", String.valueOf(server.port()));
            assertEquals("recv: 11 bytes: still here\n", client.out(), client.err());
            assertEquals(0, server.stop());
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void servesAUnixSocket(Model model) throws Exception {
        assumeRunnable(model);
        Path file = dir.resolve(model.option() + ".sock");
        try (RunningServer server = start(model, "--path", file.toString())) {
            assertEquals(UnixDomainSocketAddress.of(file), server.address());
            CliRun client = CliRun.echoClient("over a file\n", "--path", file.toString());
            assertEquals("recv: 12 bytes: over a file\n", client.out(), client.err());
            assertEquals(0, server.stop());
            assertEquals("", server.err());
        }
    }

    @Test
    void virtualIsAUsageErrorBeforeJava21() {
        assumeTrue(!VirtualThreads.available(), "this is Java " + Runtime.version().feature() + ": it has virtual threads");
        CliRun run = CliRun.sockets4j("echo-server", "--model", "virtual", "--port", "0");
        assertEquals(2, run.exitCode());
        run.assertNoStackTrace();
        assertEquals("echo-server: --model virtual: virtual threads need Java 21 or newer; this is Java "
                + Runtime.version().feature(), run.errLines()[0]);
    }

    @Test
    void helpNamesTheModels() {
        CliRun run = CliRun.sockets4j("echo-server", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--model=MODEL"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("thread-per-client, virtual or poller (default: thread-per-client)"),
                run.out());
    }
}
