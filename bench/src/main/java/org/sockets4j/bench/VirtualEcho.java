package org.sockets4j.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
import org.sockets4j.Accepted;
import org.sockets4j.Family;
import org.sockets4j.Socket;
import org.sockets4j.SocketClosedException;
import org.sockets4j.Type;
import org.sockets4j.option.SocketOptions;

/**
 * A 1 KiB request and its 1 KiB echo over 127.0.0.1, made by {@value #CLIENTS}
 * clients at once, each on its own virtual thread, against a server with a
 * virtual thread per connection: every call is a blocking call on a virtual
 * thread. sockets4j ({@link Socket} on both sides) against the JDK
 * ({@link SocketChannel}, blocking, on both sides). Both use direct buffers and
 * TCP_NODELAY on every connection.
 *
 * <p>One invocation releases every client for {@value #ROUNDS} round trips and
 * waits until all are done; an operation is one request answered, so the score's
 * inverse is requests per second (bench/run's table shows it). Needs Java 21+;
 * bench/run starts this class on a 21+ JDK.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class VirtualEcho {

    static final int CLIENTS = 1000;
    static final int SIZE = 1024;
    static final int ROUNDS = 5;
    /** An invocation that makes no progress for this long fails instead of hanging the run. */
    static final long STALL_SECONDS = 30;

    /** A connection as the clients and the server use it. */
    interface Connection {
        void write(ByteBuffer b) throws IOException;

        /** @return false at the end of the stream */
        boolean read(ByteBuffer b) throws IOException;

        void close() throws IOException;
    }

    /**
     * The server, the connected clients, and their virtual threads. A {@link Phaser}
     * of every client plus the benchmark thread runs each invocation: all arrive to
     * start, all arrive when done.
     */
    abstract static class Fleet {
        final List<Connection> clients = new ArrayList<>();
        final Set<Connection> served = ConcurrentHashMap.newKeySet();
        final Queue<Thread> threads = new ConcurrentLinkedQueue<>(); // the accepting thread adds too
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        Phaser phaser;
        volatile boolean stopping;

        abstract InetSocketAddress listen() throws IOException;

        /** The next connection to serve; null once the listener is closed. */
        abstract Connection accept() throws IOException;

        abstract void closeListener() throws IOException;

        abstract Connection connect(InetSocketAddress server) throws IOException;

        void start() throws IOException {
            VirtualThreads.require("VirtualEcho");
            InetSocketAddress address = listen();
            threads.add(VirtualThreads.start(this::acceptLoop));
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(connect(address));
            }
            phaser = new Phaser(CLIENTS + 1);
            for (Connection client : clients) {
                threads.add(VirtualThreads.start(() -> clientLoop(client)));
            }
        }

        private void acceptLoop() {
            try {
                Connection c;
                while ((c = accept()) != null) {
                    Connection connection = c;
                    served.add(connection);
                    threads.add(VirtualThreads.start(() -> echo(connection)));
                }
            } catch (IOException e) {
                if (!stopping) fail(e);
            }
        }

        private void echo(Connection connection) {
            ByteBuffer b = ByteBuffer.allocateDirect(SIZE);
            try {
                while (true) {
                    b.clear();
                    if (!connection.read(b)) return;
                    b.flip();
                    connection.write(b);
                }
            } catch (IOException e) {
                if (!stopping) fail(e);
            }
        }

        private void clientLoop(Connection client) {
            ByteBuffer b = ByteBuffer.allocateDirect(SIZE);
            try {
                while (true) {
                    if (phaser.arriveAndAwaitAdvance() < 0 || stopping) return;
                    for (int r = 0; r < ROUNDS; r++) {
                        b.clear();
                        client.write(b);
                        b.clear();
                        if (!client.read(b)) throw new EOFException("the server closed a connection");
                    }
                    if (phaser.arriveAndAwaitAdvance() < 0) return;
                }
            } catch (IOException | RuntimeException e) {
                if (!stopping) fail(e);
            }
        }

        private void fail(Throwable e) {
            failure.compareAndSet(null, e);
            if (phaser != null) phaser.forceTermination();
        }

        /** One invocation: every client makes {@value #ROUNDS} round trips. */
        int run() throws IOException {
            await(phaser.arrive()); // start
            return await(phaser.arrive()); // all done
        }

        private int await(int arrived) throws IOException {
            int next;
            try {
                next = arrived < 0 ? arrived : phaser.awaitAdvanceInterruptibly(arrived, STALL_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                int stuck = phaser.getUnarrivedParties();
                phaser.forceTermination();
                throw new IOException(stuck + " of " + CLIENTS + " clients made no progress for " + STALL_SECONDS
                        + " s: a round trip never completed (a lost wake-up?)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (next < 0) throw new IOException("a client or the server failed", failure.get());
            return next;
        }

        void stop() throws Exception {
            stopping = true;
            if (phaser != null) phaser.arrive(); // the clients see stopping (or termination) and return
            closeListener();
            for (Connection c : clients) c.close();
            for (Connection c : served) c.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread t : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) break;
                t.join(left);
            }
        }
    }

    /** sockets4j {@link Socket}s on both sides. */
    @State(Scope.Benchmark)
    public static class Sockets4jFleet extends Fleet {
        Socket listener;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            stop();
        }

        @Override
        InetSocketAddress listen() throws IOException {
            listener = Socket.open(Family.INET, Type.STREAM);
            listener.bind(new InetSocketAddress(Echo.LOOPBACK, 0));
            listener.listen(2 * CLIENTS);
            return (InetSocketAddress) listener.localAddress();
        }

        @Override
        Connection accept() throws IOException {
            try {
                Accepted a = listener.accept();
                a.socket().setOption(SocketOptions.TCP_NODELAY, true);
                return of(a.socket());
            } catch (SocketClosedException e) {
                return null;
            }
        }

        @Override
        void closeListener() {
            listener.close();
        }

        @Override
        Connection connect(InetSocketAddress server) throws IOException {
            Socket s = Socket.open(Family.INET, Type.STREAM);
            s.setOption(SocketOptions.TCP_NODELAY, true);
            s.connect(server);
            return of(s);
        }

        private static Connection of(Socket s) {
            return new Connection() {
                @Override
                public void write(ByteBuffer b) throws IOException {
                    while (b.hasRemaining()) s.send(b);
                }

                @Override
                public boolean read(ByteBuffer b) throws IOException {
                    while (b.hasRemaining()) {
                        if (s.recv(b) == Socket.EOF) return false;
                    }
                    return true;
                }

                @Override
                public void close() {
                    s.close();
                }
            };
        }
    }

    /** JDK {@link SocketChannel}s on both sides, blocking. */
    @State(Scope.Benchmark)
    public static class JdkFleet extends Fleet {
        ServerSocketChannel listener;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            stop();
        }

        @Override
        InetSocketAddress listen() throws IOException {
            listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
            listener.bind(new InetSocketAddress(Echo.LOOPBACK, 0), 2 * CLIENTS);
            return (InetSocketAddress) listener.getLocalAddress();
        }

        @Override
        Connection accept() throws IOException {
            try {
                SocketChannel c = listener.accept();
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                return of(c);
            } catch (ClosedChannelException e) {
                return null;
            }
        }

        @Override
        void closeListener() throws IOException {
            listener.close();
        }

        @Override
        Connection connect(InetSocketAddress server) throws IOException {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.INET);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.connect(server);
            return of(c);
        }

        private static Connection of(SocketChannel c) {
            return new Connection() {
                @Override
                public void write(ByteBuffer b) throws IOException {
                    while (b.hasRemaining()) c.write(b);
                }

                @Override
                public boolean read(ByteBuffer b) throws IOException {
                    while (b.hasRemaining()) {
                        if (c.read(b) < 0) return false;
                    }
                    return true;
                }

                @Override
                public void close() throws IOException {
                    c.close();
                }
            };
        }
    }

    /** sockets4j: {@value #CLIENTS} clients x {@value #ROUNDS} round trips per invocation. */
    @Benchmark
    @OperationsPerInvocation(CLIENTS * ROUNDS)
    public int sockets4j(Sockets4jFleet fleet) throws IOException {
        return fleet.run();
    }

    /** JDK SocketChannel: the same. */
    @Benchmark
    @OperationsPerInvocation(CLIENTS * ROUNDS)
    public int jdkChannel(JdkFleet fleet) throws IOException {
        return fleet.run();
    }
}
