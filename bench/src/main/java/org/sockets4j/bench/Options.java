package org.sockets4j.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
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
import org.sockets4j.option.Linger;
import org.sockets4j.option.SocketOptions;

/**
 * Typed getsockopt/setsockopt on an unconnected AF_INET TCP socket: an int
 * ({@code SO_RCVBUF}; {@code SO_TYPE}, which the JDK does not offer), a flag
 * ({@code TCP_NODELAY}) and a struct ({@code SO_LINGER}). The JDK contender is
 * a {@code SocketChannel} of the same family. C reference: the {@code sockopt_*}
 * results of bench/c/pingpong.c, the same calls with no JVM. Values set are the
 * ones the socket already has, so every call does the same work. Run with
 * {@code -prof gc} to see the bytes each call allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Thread)
public class Options {

    private static final Linger LINGER = new Linger(true, 5);

    private Socket socket;
    private SocketChannel channel;

    @Setup(Level.Trial)
    public void open() throws IOException {
        socket = Socket.open(Family.INET, Type.STREAM);
        channel = SocketChannel.open(StandardProtocolFamily.INET);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        socket.close();
        channel.close();
    }

    /** {@code getOption(SO_RCVBUF)}: an int. */
    @Benchmark
    public Integer sockets4jGetInt() throws IOException {
        return socket.getOption(SocketOptions.SO_RCVBUF);
    }

    /** {@code getOption(SO_TYPE)}: the int the issue measured (the JDK has no SO_TYPE). */
    @Benchmark
    public Integer sockets4jGetType() throws IOException {
        return socket.getOption(SocketOptions.SO_TYPE);
    }

    /** {@code SocketChannel.getOption(SO_RCVBUF)}. */
    @Benchmark
    public Integer jdkGetInt() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** {@code setOption(SO_RCVBUF, 65536)}. */
    @Benchmark
    public void sockets4jSetInt() throws IOException {
        socket.setOption(SocketOptions.SO_RCVBUF, 65536);
    }

    /** {@code SocketChannel.setOption(SO_RCVBUF, 65536)}. */
    @Benchmark
    public SocketChannel jdkSetInt() throws IOException {
        return channel.setOption(StandardSocketOptions.SO_RCVBUF, 65536);
    }

    /** {@code getOption(TCP_NODELAY)}: a flag. */
    @Benchmark
    public Boolean sockets4jGetFlag() throws IOException {
        return socket.getOption(SocketOptions.TCP_NODELAY);
    }

    /** {@code SocketChannel.getOption(TCP_NODELAY)}. */
    @Benchmark
    public Boolean jdkGetFlag() throws IOException {
        return channel.getOption(StandardSocketOptions.TCP_NODELAY);
    }

    /** {@code setOption(TCP_NODELAY, true)}. */
    @Benchmark
    public void sockets4jSetFlag() throws IOException {
        socket.setOption(SocketOptions.TCP_NODELAY, Boolean.TRUE);
    }

    /** {@code SocketChannel.setOption(TCP_NODELAY, true)}. */
    @Benchmark
    public SocketChannel jdkSetFlag() throws IOException {
        return channel.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
    }

    /** {@code getOption(SO_LINGER)}: a {@code struct linger} as a {@link Linger} record. */
    @Benchmark
    public Linger sockets4jGetLinger() throws IOException {
        return socket.getOption(SocketOptions.SO_LINGER);
    }

    /** {@code SocketChannel.getOption(SO_LINGER)}: an Integer, -1 for off. */
    @Benchmark
    public Integer jdkGetLinger() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_LINGER);
    }

    /** {@code setOption(SO_LINGER, on for 5 s)}. */
    @Benchmark
    public void sockets4jSetLinger() throws IOException {
        socket.setOption(SocketOptions.SO_LINGER, LINGER);
    }

    /** {@code SocketChannel.setOption(SO_LINGER, 5)}. */
    @Benchmark
    public SocketChannel jdkSetLinger() throws IOException {
        return channel.setOption(StandardSocketOptions.SO_LINGER, 5);
    }
}
