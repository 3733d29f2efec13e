package org.sockets4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
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
import org.sockets4j.Received;
import org.sockets4j.Socket;
import org.sockets4j.Type;

/**
 * One 64-byte datagram to an echo thread on 127.0.0.1 and its echo, blocking,
 * direct buffers on both sides; AF_INET everywhere. Two shapes: unconnected
 * ({@code sendto}/{@code recvfrom}, the sender's address decoded on every
 * receive) and connected ({@code send}/{@code recv}). C reference:
 * {@code udp_roundtrip_ns} and {@code udp_connected_roundtrip_ns} of
 * bench/c/pingpong.c. Loopback does not drop one datagram in flight, so there
 * is no retry; a lost datagram would show as a stuck iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class UdpRoundTrip {

    private static final int SIZE = Echo.MESSAGE_SIZE;

    /** Two sockets4j datagram sockets: one that names the echo on each send, one connected to it. */
    @State(Scope.Thread)
    public static class Sockets4jClient {
        Echo.Udp echo;
        InetSocketAddress target;
        Socket unconnected;
        Socket connected;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void open() throws IOException {
            echo = new Echo.Udp();
            target = echo.address();
            unconnected = Socket.open(Family.INET, Type.DGRAM);
            connected = Socket.open(Family.INET, Type.DGRAM);
            connected.connect(target);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            unconnected.close();
            connected.close();
            echo.close();
        }
    }

    /** The same two sockets as JDK {@link DatagramChannel}s. */
    @State(Scope.Thread)
    public static class ChannelClient {
        Echo.Udp echo;
        InetSocketAddress target;
        DatagramChannel unconnected;
        DatagramChannel connected;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void open() throws IOException {
            echo = new Echo.Udp();
            target = echo.address();
            unconnected = DatagramChannel.open(StandardProtocolFamily.INET);
            connected = DatagramChannel.open(StandardProtocolFamily.INET);
            connected.connect(target);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            unconnected.close();
            connected.close();
            echo.close();
        }
    }

    /** sockets4j {@code sendTo} + {@code recvFrom}. */
    @Benchmark
    public Object sockets4jSendToRecvFrom(Sockets4jClient c) throws IOException {
        ByteBuffer b = c.direct;
        b.clear();
        c.unconnected.sendTo(b, c.target);
        b.clear();
        Received r = c.unconnected.recvFrom(b);
        return r.source();
    }

    /** sockets4j connected {@code send} + {@code recv}. */
    @Benchmark
    public int sockets4jConnected(Sockets4jClient c) throws IOException {
        ByteBuffer b = c.direct;
        b.clear();
        c.connected.send(b);
        b.clear();
        return c.connected.recv(b);
    }

    /** JDK {@link DatagramChannel#send} + {@link DatagramChannel#receive}. */
    @Benchmark
    public Object jdkSendReceive(ChannelClient c) throws IOException {
        ByteBuffer b = c.direct;
        b.clear();
        c.unconnected.send(b, c.target);
        b.clear();
        return c.unconnected.receive(b);
    }

    /** JDK connected {@link DatagramChannel#write} + {@link DatagramChannel#read}. */
    @Benchmark
    public int jdkConnected(ChannelClient c) throws IOException {
        ByteBuffer b = c.direct;
        b.clear();
        c.connected.write(b);
        b.clear();
        return c.connected.read(b);
    }
}
