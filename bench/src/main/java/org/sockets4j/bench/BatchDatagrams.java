package org.sockets4j.bench;

import java.io.IOException;
import java.net.InetAddress;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sockets4j.DatagramBatch;
import org.sockets4j.Family;
import org.sockets4j.MsgFlag;
import org.sockets4j.Received;
import org.sockets4j.Socket;
import org.sockets4j.Type;

/**
 * 64-byte UDP datagrams over 127.0.0.1, 32 per invocation, scored in ns per datagram
 * ({@link OperationsPerInvocation}): sockets4j's {@code sendMany}/{@code recvMany} in batches of 32
 * against sockets4j's own and the JDK's one call per datagram. C reference: bench/c/batch.c
 * ({@code sendmmsg}/{@code recvmmsg} of 32, and one call per datagram).
 *
 * <p>Sends go from a socket connected to a sink that is never read (the kernel drops what its
 * buffer cannot hold, the same for every contender). A receive invocation first queues 32 datagrams
 * in an untimed per-invocation set-up (sockets4j's {@code sendMany}, for every contender; C queues
 * with {@code sendmmsg}), then takes them all, each with its source where the call reports one.
 * {@link Level#Invocation} set-up costs a few timestamps per 32 datagrams, under 1% here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BatchDatagrams {

    static final int BATCH = 32;
    static final int SIZE = Echo.MESSAGE_SIZE;
    private static final MsgFlag[] NO_FLAGS = {};

    private static InetSocketAddress loopback() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** A sink nobody reads, and a sockets4j socket and a JDK channel connected to it. */
    @State(Scope.Thread)
    public static class Senders {
        Socket sink;
        Socket sender;
        DatagramChannel channel;
        DatagramBatch batch;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void open() throws IOException {
            sink = Socket.open(Family.INET, Type.DGRAM);
            sink.bind(loopback());
            sender = Socket.open(Family.INET, Type.DGRAM);
            sender.connect(sink.localAddress());
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.connect(sink.localAddress());
            batch = DatagramBatch.allocate(BATCH, SIZE);
            for (int i = 0; i < BATCH; i++) batch.setLength(i, SIZE);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            sender.close();
            channel.close();
            sink.close();
        }
    }

    /** Queues 32 datagrams to {@code target} with sockets4j's sendMany: the untimed part of a receive. */
    static final class Feeder {
        final Socket socket;
        final DatagramBatch batch = DatagramBatch.allocate(BATCH, SIZE);

        Feeder(InetSocketAddress target) throws IOException {
            socket = Socket.open(Family.INET, Type.DGRAM);
            socket.connect(target);
            for (int i = 0; i < BATCH; i++) batch.setLength(i, SIZE);
        }

        void feed() throws IOException {
            for (int sent = 0; sent < BATCH; ) sent += socket.sendMany(batch, sent, BATCH - sent, NO_FLAGS);
        }
    }

    /** A sockets4j receiver with 32 datagrams queued before each invocation. */
    @State(Scope.Thread)
    public static class Sockets4jReceiver {
        Socket socket;
        Feeder feeder;
        DatagramBatch batch;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void open() throws IOException {
            socket = Socket.open(Family.INET, Type.DGRAM);
            socket.bind(loopback());
            feeder = new Feeder((InetSocketAddress) socket.localAddress());
            batch = DatagramBatch.allocate(BATCH, SIZE);
        }

        @Setup(Level.Invocation)
        public void queue() throws IOException {
            feeder.feed();
        }

        @TearDown(Level.Trial)
        public void close() {
            feeder.socket.close();
            socket.close();
        }
    }

    /** A JDK receiver with 32 datagrams queued before each invocation. */
    @State(Scope.Thread)
    public static class ChannelReceiver {
        DatagramChannel channel;
        Feeder feeder;
        final ByteBuffer direct = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void open() throws IOException {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(loopback());
            feeder = new Feeder((InetSocketAddress) channel.getLocalAddress());
        }

        @Setup(Level.Invocation)
        public void queue() throws IOException {
            feeder.feed();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            feeder.socket.close();
            channel.close();
        }
    }

    // ---- sends --------------------------------------------------------------------------------------------------

    /** sockets4j {@code sendMany} of 32 (one {@code sendmmsg}). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendMany(Senders s) throws IOException {
        int sent = 0;
        while (sent < BATCH) sent += s.sender.sendMany(s.batch, sent, BATCH - sent, NO_FLAGS);
        return sent;
    }

    /** sockets4j {@code send} of one datagram, 32 times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendEach(Senders s) throws IOException {
        ByteBuffer b = s.direct;
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            b.clear();
            sent += s.sender.send(b);
        }
        return sent;
    }

    /** JDK {@link DatagramChannel#write} of one datagram, 32 times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int jdkWriteEach(Senders s) throws IOException {
        ByteBuffer b = s.direct;
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            b.clear();
            sent += s.channel.write(b);
        }
        return sent;
    }

    // ---- receives -----------------------------------------------------------------------------------------------

    /** sockets4j {@code recvMany} until the 32 queued datagrams are in (one {@code recvmmsg} when all are queued). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int recvMany(Sockets4jReceiver r) throws IOException {
        int got = 0;
        while (got < BATCH) got += r.socket.recvMany(r.batch, NO_FLAGS);
        return got;
    }

    /** sockets4j {@code recvFrom} of one datagram with its source, 32 times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object recvFromEach(Sockets4jReceiver r) throws IOException {
        ByteBuffer b = r.direct;
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            b.clear();
            Received received = r.socket.recvFrom(b);
            last = received.source();
        }
        return last;
    }

    /** sockets4j {@code recv} of one datagram without its source, 32 times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int recvEach(Sockets4jReceiver r) throws IOException {
        ByteBuffer b = r.direct;
        int got = 0;
        for (int i = 0; i < BATCH; i++) {
            b.clear();
            got += r.socket.recv(b);
        }
        return got;
    }

    /** JDK {@link DatagramChannel#receive} of one datagram with its source, 32 times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object jdkReceiveEach(ChannelReceiver r) throws IOException {
        ByteBuffer b = r.direct;
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            b.clear();
            last = r.channel.receive(b);
        }
        return last;
    }
}
