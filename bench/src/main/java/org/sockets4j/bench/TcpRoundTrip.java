package org.sockets4j.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
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
import org.sockets4j.option.SocketOptions;

/**
 * One 64-byte request and its 64-byte echo over a blocking TCP connection to
 * 127.0.0.1: the client sends, then blocks until the whole reply is back.
 * C reference: {@code tcp_roundtrip_ns} of bench/c/pingpong.c.
 *
 * <p><b>Nagle.</b> Every client sets TCP_NODELAY, as does the echo peer:
 * sockets4j's through {@code SocketOptions.TCP_NODELAY}, the C client with
 * setsockopt. It makes no difference to this pattern, which is strict
 * request/response: when a client sends, nothing it sent earlier is
 * unacknowledged (the echo carried the ACK), and Nagle's algorithm holds back a
 * small segment only while earlier data is unacknowledged. The benchmark
 * {@link #jdkChannelNagle} runs the JDK channel without TCP_NODELAY to show that
 * in the same run.
 *
 * <p><b>Families.</b> sockets4j, the channels and C use AF_INET sockets.
 * {@code java.net.Socket} offers no choice of family: it uses the JDK default,
 * an AF_INET6 socket reaching 127.0.0.1 as ::ffff:127.0.0.1.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TcpRoundTrip {

    private static final int SIZE = Echo.MESSAGE_SIZE;

    /** A sockets4j client: {@code Socket.open(INET, STREAM)}, TCP_NODELAY and a blocking connect. */
    @State(Scope.Thread)
    public static class Sockets4jClient {
        Echo.Tcp echo;
        Socket socket;
        final byte[] array = new byte[SIZE];
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);
        /** Whether the socket parks once after connecting (see {@link ParkedClient}). */
        boolean park;

        @Setup(Level.Trial)
        public void open() throws IOException {
            echo = new Echo.Tcp();
            socket = Socket.open(Family.INET, Type.STREAM);
            socket.setOption(SocketOptions.TCP_NODELAY, true);
            socket.connect(echo.address());
            if (park) {
                try {
                    socket.recv(ByteBuffer.allocate(1), java.time.Duration.ofMillis(1));
                } catch (java.net.SocketTimeoutException expected) {
                    // the socket now waits by parking
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            socket.close();
            echo.close();
        }
    }

    /**
     * A sockets4j client whose socket has parked once (a receive with a timeout): from then on its blocking
     * calls wait on the library's poller instead of in the kernel, as a virtual thread's always do.
     */
    @State(Scope.Thread)
    public static class ParkedClient extends Sockets4jClient {
        public ParkedClient() {
            park = true;
        }
    }

    /** A JDK {@link SocketChannel}, AF_INET, blocking; the states below choose TCP_NODELAY. */
    abstract static class ChannelConnection {
        Echo.Tcp echo;
        SocketChannel channel;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        void connect(boolean noDelay) throws IOException {
            echo = new Echo.Tcp();
            channel = SocketChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
            channel.connect(echo.address());
        }

        void disconnect() throws Exception {
            channel.close();
            echo.close();
        }
    }

    /** {@link ChannelConnection} with TCP_NODELAY, like the other JDK clients. */
    @State(Scope.Thread)
    public static class ChannelClient extends ChannelConnection {
        @Setup(Level.Trial)
        public void open() throws IOException {
            connect(true);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            disconnect();
        }
    }

    /** {@link ChannelConnection} with Nagle's algorithm left on. */
    @State(Scope.Thread)
    public static class NagleChannelClient extends ChannelConnection {
        @Setup(Level.Trial)
        public void open() throws IOException {
            connect(false);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            disconnect();
        }
    }

    /** A {@link java.net.Socket} and its streams. */
    @State(Scope.Thread)
    public static class StreamClient {
        Echo.Tcp echo;
        java.net.Socket socket;
        InputStream in;
        OutputStream out;
        final byte[] array = new byte[SIZE];

        @Setup(Level.Trial)
        public void open() throws IOException {
            echo = new Echo.Tcp();
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.connect(echo.address());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            socket.close();
            echo.close();
        }
    }

    /** sockets4j, {@code byte[]}: each call copies through the thread's native buffer. */
    @Benchmark
    public int sockets4jArray(Sockets4jClient c) throws IOException {
        Socket socket = c.socket;
        byte[] a = c.array;
        for (int sent = 0; sent < SIZE; ) {
            sent += socket.send(a, sent, SIZE - sent);
        }
        for (int received = 0; received < SIZE; ) {
            int n = socket.recv(a, received, SIZE - received);
            if (n == Socket.EOF) throw new EOFException("echo closed");
            received += n;
        }
        return a[SIZE - 1];
    }

    /** sockets4j, direct {@link ByteBuffer}: the kernel reads and writes the buffer itself. */
    @Benchmark
    public int sockets4jDirect(Sockets4jClient c) throws IOException {
        Socket socket = c.socket;
        ByteBuffer b = c.direct;
        b.clear();
        while (b.hasRemaining()) {
            socket.send(b);
        }
        b.clear();
        while (b.hasRemaining()) {
            if (socket.recv(b) == Socket.EOF) throw new EOFException("echo closed");
        }
        return b.get(SIZE - 1);
    }

    /**
     * As {@link #sockets4jDirect} on a platform thread whose socket waits by parking on the library's poller
     * (the way every virtual thread waits): what a wait through the poller thread costs against the kernel's.
     */
    @Benchmark
    public int sockets4jDirectParked(ParkedClient c) throws IOException {
        return sockets4jDirect(c);
    }

    /** JDK {@link SocketChannel}, blocking, direct buffer, TCP_NODELAY. */
    @Benchmark
    public int jdkChannel(ChannelClient c) throws IOException {
        return channelRoundTrip(c.channel, c.direct);
    }

    /** As {@link #jdkChannel} without TCP_NODELAY: checks that Nagle does not delay this pattern. */
    @Benchmark
    public int jdkChannelNagle(NagleChannelClient c) throws IOException {
        return channelRoundTrip(c.channel, c.direct);
    }

    private static int channelRoundTrip(SocketChannel channel, ByteBuffer b) throws IOException {
        b.clear();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        b.clear();
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) throw new EOFException("echo closed");
        }
        return b.get(SIZE - 1);
    }

    /** JDK {@link java.net.Socket} streams, {@code byte[]}, TCP_NODELAY. */
    @Benchmark
    public int jdkSocketStreams(StreamClient c) throws IOException {
        byte[] a = c.array;
        c.out.write(a, 0, SIZE);
        for (int received = 0; received < SIZE; ) {
            int n = c.in.read(a, received, SIZE - received);
            if (n < 0) throw new EOFException("echo closed");
            received += n;
        }
        return a[SIZE - 1];
    }
}
