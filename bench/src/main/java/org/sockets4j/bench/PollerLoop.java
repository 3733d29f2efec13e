package org.sockets4j.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
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
import org.sockets4j.Family;
import org.sockets4j.Poller;
import org.sockets4j.Socket;
import org.sockets4j.SocketPair;
import org.sockets4j.Type;

/**
 * An event loop over {@value #PAIRS} connected Unix-domain stream pairs, both
 * ends registered level-triggered for reading, one byte in flight per pair. The
 * loop plays both sides of every pair: the byte it receives on one end it
 * answers on that end, which makes the other end readable for a later poll. One
 * operation is one readiness event handled: the poll's share, one 1-byte recv,
 * one 1-byte send. All on one thread, so no thread wake-up is measured.
 * C reference: {@code poller_event_ns} of bench/c/pollloop.c, the same loop on
 * epoll_wait.
 *
 * <p>Each invocation handles exactly {@value #EVENTS_PER_OP} events; events a
 * poll reported beyond that are reported again by the next (level-triggered).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PollerLoop {

    /** Socket pairs in the loop, as in bench/c/pollloop.c. */
    static final int PAIRS = 100;
    /** Events per invocation, as the C program's batch. */
    static final int EVENTS_PER_OP = 1000;
    /** Events one poll may return, as the C program's epoll_event array. */
    static final int CAPACITY = 128;

    /** sockets4j: {@link Poller} (epoll here) over {@link Socket#pair} ends. */
    @State(Scope.Thread)
    public static class Sockets4jLoop {
        Poller poller;
        Poller.Events events;
        final SocketPair[] pairs = new SocketPair[PAIRS];
        final ByteBuffer one = ByteBuffer.allocateDirect(1);

        @Setup(Level.Trial)
        public void open() throws IOException {
            poller = Poller.open();
            events = new Poller.Events(CAPACITY);
            for (int i = 0; i < PAIRS; i++) {
                SocketPair pair = Socket.pair(Family.UNIX, Type.STREAM);
                pairs[i] = pair;
                pair.first().setBlocking(false);
                pair.second().setBlocking(false);
                poller.register(pair.first(), Poller.READ, null);
                poller.register(pair.second(), Poller.READ, null);
                if (pair.first().send(new byte[] {'x'}) != 1) throw new IOException("seeding pair " + i);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            for (SocketPair pair : pairs) {
                if (pair != null) pair.close();
            }
            poller.close();
        }
    }

    /** JDK: a {@link Selector} over Unix-domain {@link SocketChannel} pairs. */
    @State(Scope.Thread)
    public static class JdkLoop {
        Selector selector;
        Path dir;
        final SocketChannel[] channels = new SocketChannel[2 * PAIRS];
        final ByteBuffer one = ByteBuffer.allocateDirect(1);

        @Setup(Level.Trial)
        public void open() throws IOException {
            selector = Selector.open();
            dir = Files.createTempDirectory("s4j-bench");
            Path path = dir.resolve("pairs.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path));
                for (int i = 0; i < PAIRS; i++) {
                    SocketChannel a = SocketChannel.open(UnixDomainSocketAddress.of(path));
                    SocketChannel b = server.accept();
                    channels[2 * i] = a;
                    channels[2 * i + 1] = b;
                    a.configureBlocking(false);
                    b.configureBlocking(false);
                    a.register(selector, SelectionKey.OP_READ);
                    b.register(selector, SelectionKey.OP_READ);
                    if (a.write(ByteBuffer.wrap(new byte[] {'x'})) != 1) throw new IOException("seeding pair " + i);
                }
            } finally {
                Files.deleteIfExists(path);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            for (SocketChannel channel : channels) {
                if (channel != null) channel.close();
            }
            selector.close();
            Files.deleteIfExists(dir);
        }
    }

    /** sockets4j {@link Poller}: poll, then per event recv 1 byte and answer it on the same socket. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_OP)
    public int sockets4j(Sockets4jLoop l) throws IOException {
        Poller.Events events = l.events;
        ByteBuffer b = l.one;
        int wanted = EVENTS_PER_OP;
        while (wanted > 0) {
            int n = l.poller.poll(events, null);
            for (int i = 0; i < n && wanted > 0; i++, wanted--) {
                Socket socket = events.socket(i);
                b.clear();
                if (socket.recv(b) != 1) throw new IOException("recv did not return the byte");
                b.flip();
                if (socket.send(b) != 1) throw new IOException("send did not take the byte");
            }
        }
        return b.get(0);
    }

    /** JDK {@link Selector}: the same loop; keys left over stay selected for the next invocation. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_OP)
    public int jdkSelector(JdkLoop l) throws IOException {
        Selector selector = l.selector;
        ByteBuffer b = l.one;
        int wanted = EVENTS_PER_OP;
        while (wanted > 0) {
            // Keys left selected by the last invocation are still ready: do not wait for a new one.
            if (selector.selectedKeys().isEmpty()) {
                selector.select();
            } else {
                selector.selectNow();
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext() && wanted > 0) {
                SocketChannel channel = (SocketChannel) keys.next().channel();
                keys.remove();
                b.clear();
                if (channel.read(b) != 1) throw new IOException("read did not return the byte");
                b.flip();
                if (channel.write(b) != 1) throw new IOException("write did not take the byte");
                wanted--;
            }
        }
        return b.get(0);
    }
}
