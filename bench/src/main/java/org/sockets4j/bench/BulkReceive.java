package org.sockets4j.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sockets4j.Family;
import org.sockets4j.Socket;
import org.sockets4j.Type;

/**
 * Receiving 4 MiB from a Unix-domain stream whose peer writes without pause:
 * one operation is 4 MiB taken off the socket, by as many receives as it takes.
 * The arrays over 1 MiB go through sockets4j's per-thread buffer in 1 MiB
 * passes; {@link #sockets4jArray1M} is the one-pass case they should match.
 * The sender is the same JDK thread for every Java contender.
 * C reference: {@code unix_bulk_4mib_ns} of bench/c/pingpong.c.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BulkReceive {

    static final int TOTAL = 4 << 20;

    /** A Unix-domain listener, its one connection's sending end fed by a thread, and the path. */
    abstract static class Feed {
        Path dir;
        UnixDomainSocketAddress address;
        ServerSocketChannel listener;
        SocketChannel sender;
        Thread feeder;

        void listen() throws IOException {
            dir = Files.createTempDirectory("s4j-bench");
            address = UnixDomainSocketAddress.of(dir.resolve("bulk.sock"));
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(address);
        }

        void feed() throws IOException {
            sender = listener.accept();
            feeder = new Thread(() -> {
                ByteBuffer chunk = ByteBuffer.allocateDirect(256 * 1024);
                try {
                    for (;;) {
                        chunk.clear();
                        sender.write(chunk);
                    }
                } catch (IOException closed) {
                    // the receiving end is gone: the trial is over
                }
            }, "bulk-feeder");
            feeder.setDaemon(true);
            feeder.start();
        }

        void stop() throws Exception {
            sender.close();
            feeder.join(5_000);
            listener.close();
            Files.deleteIfExists(address.getPath());
            Files.deleteIfExists(dir);
        }
    }

    @State(Scope.Thread)
    public static class Sockets4jReceiver extends Feed {
        Socket socket;
        final byte[] array4M = new byte[TOTAL];
        final byte[] array1M = new byte[1 << 20];
        final ByteBuffer direct = ByteBuffer.allocateDirect(TOTAL);

        @Setup(Level.Trial)
        public void open() throws IOException {
            listen();
            socket = Socket.open(Family.UNIX, Type.STREAM);
            socket.connect(address);
            feed();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            socket.close();
            stop();
        }
    }

    @State(Scope.Thread)
    public static class ChannelReceiver extends Feed {
        SocketChannel channel;
        final ByteBuffer heap = ByteBuffer.allocate(TOTAL);
        final ByteBuffer direct = ByteBuffer.allocateDirect(TOTAL);

        @Setup(Level.Trial)
        public void open() throws IOException {
            listen();
            channel = SocketChannel.open(address);
            feed();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            channel.close();
            stop();
        }
    }

    private static int drain(Socket s, byte[] array) throws IOException {
        int got = 0;
        while (got < TOTAL) {
            int n = s.recv(array, 0, Math.min(array.length, TOTAL - got));
            if (n <= 0) throw new IOException("feed ended: " + n);
            got += n;
        }
        return got;
    }

    @Benchmark
    public int sockets4jArray4M(Sockets4jReceiver r) throws IOException {
        return drain(r.socket, r.array4M);
    }

    @Benchmark
    public int sockets4jArray1M(Sockets4jReceiver r) throws IOException {
        return drain(r.socket, r.array1M);
    }

    @Benchmark
    public int sockets4jDirect(Sockets4jReceiver r) throws IOException {
        ByteBuffer b = r.direct.clear();
        while (b.hasRemaining()) {
            if (r.socket.recv(b) <= 0) throw new IOException("feed ended");
        }
        return b.position();
    }

    private static int drain(SocketChannel c, ByteBuffer b) throws IOException {
        b.clear();
        while (b.hasRemaining()) {
            if (c.read(b) <= 0) throw new IOException("feed ended");
        }
        return b.position();
    }

    @Benchmark
    public int jdkChannelHeap(ChannelReceiver r) throws IOException {
        return drain(r.channel, r.heap);
    }

    @Benchmark
    public int jdkChannelDirect(ChannelReceiver r) throws IOException {
        return drain(r.channel, r.direct);
    }
}
