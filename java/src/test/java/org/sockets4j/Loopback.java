package org.sockets4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/** Loopback addresses and connected pairs for the tests. */
final class Loopback {

    private Loopback() {}

    static InetAddress address(Family family) {
        try {
            return InetAddress.getByName(family == Family.INET6 ? "::1" : "127.0.0.1");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static InetSocketAddress any(Family family) {
        return new InetSocketAddress(address(family), 0);
    }

    /** A listening stream socket on the family's loopback address and a kernel-chosen port. */
    static Socket listener(Family family) throws IOException {
        Socket s = Socket.open(family, Type.STREAM);
        s.bind(any(family));
        s.listen(16);
        return s;
    }

    /** A bound datagram socket on the family's loopback address. */
    static Socket datagram(Family family) throws IOException {
        Socket s = Socket.open(family, Type.DGRAM);
        s.bind(any(family));
        return s;
    }

    /** A connected TCP pair over loopback; the listener is closed again. */
    static Pair tcpPair(Family family) throws IOException {
        try (Socket server = listener(family)) {
            Socket client = Socket.open(family, Type.STREAM);
            client.connect(server.localAddress());
            Accepted accepted = server.accept();
            return new Pair(client, accepted.socket(), accepted.peer());
        }
    }

    /** Two connected sockets; closing the pair closes both. */
    record Pair(Socket client, Socket server, SocketAddress peerSeenByServer) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
