package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's TLS ({@link SSLEngine}) over {@link Socket#channel()}: a blocking handshake and an
 * echo of several messages between two sockets of a {@link Socket#pair} over loopback. The key
 * is made for the test by the running JDK's keytool (the JDK has no public certificate builder).
 */
@Timeout(120)
class TlsOverChannelTest {

    private static final char[] PASSWORD = "sockets4j-test".toCharArray();

    @TempDir(factory = Wine.TempDirs.class)
    static Path dir;

    private static SSLContext context;

    @BeforeAll
    static void makeKey() throws Exception {
        Wine.assumeInterfacesEnumerable("TLS seeds the default SecureRandom (SSLContext.init here, the key pair in"
                + " keytool's JVM), whose system entropy enumerates network interfaces");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool),
                "no keytool in this Java runtime (" + keytool + ") to make the test's self-signed key with");
        Emulator.assumeStarts(keytool.toString(), "-help");
        Path store = dir.resolve("key.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "s4j", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD), "-noprompt")
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("keytool did not finish in 60 s: " + output);
        }
        assertEquals(0, p.exitValue(), "keytool: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys); // the self-signed certificate is its own trust anchor
        context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void echoOverSslEngine(String protocol) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        messages.add("hello over sockets4j".getBytes(StandardCharsets.US_ASCII));
        messages.add(new byte[] {42});
        Random random = new Random(9);
        for (int size : new int[] {16 * 1024 + 1, 100_000, 1 << 20}) { // one record and more
            byte[] m = new byte[size];
            random.nextBytes(m);
            messages.add(m);
        }
        try (SocketPair pair = Socket.pair(Family.INET, Type.STREAM)) {
            SSLEngine serverEngine = context.createSSLEngine();
            serverEngine.setUseClientMode(false);
            serverEngine.setEnabledProtocols(new String[] {protocol});
            SSLEngine clientEngine = context.createSSLEngine("localhost", 443);
            clientEngine.setUseClientMode(true);
            clientEngine.setEnabledProtocols(new String[] {protocol});
            Tls server = new Tls(serverEngine, pair.second().channel(), true);
            Tls client = new Tls(clientEngine, pair.first().channel(), false);

            CompletableFuture<Long> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    server.handshake();
                    long total = 0;
                    byte[] buf = new byte[40_000];
                    int n;
                    while ((n = server.read(buf, 0, buf.length)) >= 0) {
                        server.write(buf, 0, n);
                        total += n;
                    }
                    server.closeOutbound(); // answers the client's close_notify
                    return total;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, OwnThread.EACH);

            client.handshake();
            assertEquals(protocol, clientEngine.getSession().getProtocol());
            long sent = 0;
            for (byte[] m : messages) {
                // written by another thread while this one reads the echo: neither side's buffers need hold all
                // of it (SSLEngine's wrap and unwrap may run at once, as the channel's write and read may)
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        client.write(m, 0, m.length);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, OwnThread.EACH);
                byte[] back = new byte[m.length];
                int at = 0;
                while (at < back.length) {
                    int n = client.read(back, at, back.length - at);
                    assertTrue(n > 0, "the echo ended early: " + n);
                    at += n;
                }
                writer.get(60, TimeUnit.SECONDS);
                assertArrayEquals(m, back, "echo of " + m.length + " bytes");
                sent += m.length;
            }
            client.closeOutbound();
            assertEquals(-1, client.read(new byte[1], 0, 1), "the server's close_notify");
            assertEquals(sent, echoed.get(60, TimeUnit.SECONDS));
        }
    }

    /**
     * A blocking TLS connection over a {@link SocketByteChannel}: the loop every SSLEngine user writes.
     * The client side gathers the records of one write into a single {@code writev}.
     */
    private static final class Tls {
        private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

        private final SSLEngine engine;
        private final SocketByteChannel channel;
        private final boolean direct;
        private final ByteBuffer netIn;  // kept in write mode
        private final ByteBuffer appIn;  // kept in read mode

        Tls(SSLEngine engine, SocketByteChannel channel, boolean direct) {
            this.engine = engine;
            this.channel = channel;
            this.direct = direct;
            SSLSession session = engine.getSession();
            netIn = allocate(session.getPacketBufferSize());
            appIn = allocate(session.getApplicationBufferSize()).flip();
        }

        private ByteBuffer allocate(int size) {
            return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        }

        void handshake() throws IOException {
            engine.beginHandshake();
            for (;;) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> send(List.of(wrap(EMPTY)));
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (!unwrap()) throw new IOException("the peer closed during the handshake");
                    }
                    case NEED_TASK -> {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) task.run();
                    }
                    default -> {
                        return; // FINISHED, NOT_HANDSHAKING
                    }
                }
            }
        }

        /** One record of src, ready to send. */
        private ByteBuffer wrap(ByteBuffer src) throws IOException {
            ByteBuffer out = allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult r = engine.wrap(src, out);
            if (r.getStatus() != SSLEngineResult.Status.OK && r.getStatus() != SSLEngineResult.Status.CLOSED) {
                throw new IOException("wrap: " + r);
            }
            return out.flip();
        }

        /** The client gathers, the server writes record by record. */
        private void send(List<ByteBuffer> records) throws IOException {
            if (direct) {
                for (ByteBuffer r : records) while (r.hasRemaining()) channel.write(r);
                return;
            }
            ByteBuffer[] all = records.toArray(new ByteBuffer[0]);
            long left = 0;
            for (ByteBuffer r : all) left += r.remaining();
            while (left > 0) left -= channel.write(all);
        }

        void write(byte[] data, int offset, int length) throws IOException {
            ByteBuffer src = ByteBuffer.wrap(data, offset, length);
            List<ByteBuffer> records = new ArrayList<>();
            while (src.hasRemaining()) records.add(wrap(src));
            send(records);
        }

        /** Unwraps one record (reading more as needed) into appIn; false at the end of the stream. */
        private boolean unwrap() throws IOException {
            for (;;) {
                netIn.flip();
                appIn.compact();
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                appIn.flip();
                netIn.compact();
                switch (r.getStatus()) {
                    case OK:
                        return true;
                    case CLOSED:
                        return false;
                    case BUFFER_UNDERFLOW:
                        if (channel.read(netIn) < 0) return false;
                        break;
                    default:
                        throw new IOException("unwrap: " + r);
                }
            }
        }

        int read(byte[] dst, int offset, int length) throws IOException {
            while (!appIn.hasRemaining()) {
                if (!unwrap()) return -1;
            }
            int n = Math.min(length, appIn.remaining());
            appIn.get(dst, offset, n);
            return n;
        }

        void closeOutbound() throws IOException {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) send(List.of(wrap(EMPTY)));
        }
    }
}
