package org.sockets4j.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.sockets4j.Family;
import org.sockets4j.Socket;
import org.sockets4j.Type;

/**
 * Creating and closing an unconnected TCP socket: everything a socket costs
 * before it does any I/O (the descriptor, and on the Java side the object, its
 * close bookkeeping and, for sockets4j, its Cleaner registration). C reference:
 * {@code socket_open_close_ns} of bench/c/pingpong.c ({@code socket()} with
 * SOCK_CLOEXEC, as sockets4j calls it, then {@code close()}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OpenClose {

    /** {@code Socket.open(INET, STREAM)} + {@code close()}. */
    @Benchmark
    public Socket sockets4j() throws IOException {
        Socket socket = Socket.open(Family.INET, Type.STREAM);
        socket.close();
        return socket;
    }

    /** {@code SocketChannel.open(INET)} + {@code close()}: the same AF_INET socket. */
    @Benchmark
    public SocketChannel jdkChannelInet() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
        channel.close();
        return channel;
    }

    /**
     * {@code SocketChannel.open()} + {@code close()}: the JDK's default family,
     * an AF_INET6 dual-stack socket where IPv6 is available (one more
     * setsockopt), which is what most JDK code gets.
     */
    @Benchmark
    public SocketChannel jdkChannelDefault() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.close();
        return channel;
    }
}
