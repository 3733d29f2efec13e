package org.sockets4j.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The peer of every round-trip benchmark: a thread of the benchmark's JVM that
 * sends back each 64-byte message it receives on 127.0.0.1.
 *
 * <p>The peer is the same for every contender, and it is plain JDK code
 * (blocking channels, one direct buffer, nothing from sockets4j). So two rows
 * of a round-trip benchmark differ only in the client being measured; a
 * sockets4j peer would charge the sockets4j rows twice and blur what the
 * comparison says. The C reference program has its own C peer, so the C column
 * is the whole round trip done without a JVM on either side.
 */
final class Echo {

    /** Bytes per message, in every round-trip benchmark and in bench/c/pingpong.c. */
    static final int MESSAGE_SIZE = 64;

    /** 127.0.0.1 explicitly: the loopback name may resolve to ::1 on some hosts. */
    static final InetAddress LOOPBACK = loopback();

    private Echo() {}

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Echoes fixed-size messages on one accepted TCP connection (TCP_NODELAY set) until the client closes. */
    static final class Tcp implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Thread thread;
        private volatile SocketChannel connection;
        private volatile boolean closing;

        Tcp() throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.INET);
            server.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            thread = new Thread(this::serve, "echo-tcp");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) server.getLocalAddress();
        }

        private void serve() {
            try (SocketChannel c = server.accept()) {
                connection = c;
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ByteBuffer buffer = ByteBuffer.allocateDirect(MESSAGE_SIZE);
                for (;;) {
                    buffer.clear();
                    while (buffer.hasRemaining()) {
                        if (c.read(buffer) < 0) return;
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        c.write(buffer);
                    }
                }
            } catch (IOException e) {
                if (!closing) e.printStackTrace();
            }
        }

        /** Call after closing the client: the thread then has seen end of stream, or is woken here. */
        @Override
        public void close() throws IOException, InterruptedException {
            closing = true;
            server.close();
            SocketChannel c = connection;
            thread.join(2_000);
            if (thread.isAlive() && c != null) c.close();
            thread.join(2_000);
        }
    }

    /** Sends every datagram back to its source, whoever that is, until closed. */
    static final class Udp implements AutoCloseable {
        private final DatagramChannel channel;
        private final Thread thread;
        private volatile boolean closing;

        Udp() throws IOException {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            thread = new Thread(this::serve, "echo-udp");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        private void serve() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(MESSAGE_SIZE);
            try {
                for (;;) {
                    buffer.clear();
                    SocketAddress source = channel.receive(buffer);
                    buffer.flip();
                    channel.send(buffer, source);
                }
            } catch (IOException e) {
                if (!closing) e.printStackTrace();
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            closing = true;
            channel.close(); // wakes the blocked receive
            thread.join(2_000);
        }
    }
}
