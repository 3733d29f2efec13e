package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.internal.NativeErrors;
import org.sockets4j.option.Linger;
import org.sockets4j.option.SocketOptions;

/** Options change what the kernel does, not only what it stores. */
@Timeout(20)
class OptionBehaviourTest {

    @Test
    void soErrorHoldsTheFailureOfANonBlockingConnectAndIsClearedByReading() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            s.bind(Loopback.any(Family.INET)); // so that connect cannot pick the port it is refused on
            InetSocketAddress closed;
            try (Socket probe = Socket.open(Family.INET, Type.STREAM)) {
                probe.bind(Loopback.any(Family.INET));
                closed = (InetSocketAddress) probe.localAddress();
            }
            s.setBlocking(false);
            if (s.connect(closed)) throw new AssertionError("connected to a closed port");
            int error = 0;
            for (int i = 0; i < 200 && error == 0; i++) {
                Thread.sleep(5);
                error = s.getOption(SocketOptions.SO_ERROR);
            }
            assertEquals(Errno.ECONNREFUSED, Errno.of(NativeErrors.portable(NativeErrors.fromNative(error))));
            if (!Wine.running()) { // Wine 8 does not clear it; POSIX and Windows do
                assertEquals(0, s.getOption(SocketOptions.SO_ERROR), "reading SO_ERROR clears it");
            }
        }
    }

    @Test
    void lingerZeroMakesThePeerSeeAReset() throws Exception {
        assumeFalse(Wine.running(), "Wine 8 closes by FIN whatever SO_LINGER says");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.server().setOption(SocketOptions.SO_LINGER, new Linger(true, 0));
            p.server().close();
            SocketException e = assertThrows(SocketException.class, () -> p.client().recv(new byte[4]));
            assertEquals(Errno.ECONNRESET, ((NativeError) e).errno());
        }
    }

    @Test
    void lingerOffClosesGracefully() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.server().setOption(SocketOptions.SO_LINGER, Linger.OFF);
            p.server().send(new byte[] {5});
            p.server().close();
            byte[] b = new byte[4];
            assertEquals(1, p.client().recv(b));
            assertEquals(Socket.EOF, p.client().recv(b));
        }
    }

    @Test
    void rcvTimeoEndsABlockingRecvWithSocketTimeoutException() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            s.setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(300));
            long start = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> s.recv(new byte[4]));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 3000, millis + " ms for a 300 ms timeout");
            // POSIX says EAGAIN, Windows WSAETIMEDOUT: the same exception either way
            assertTrue(((NativeError) e).errno() == Errno.EAGAIN || ((NativeError) e).errno() == Errno.ETIMEDOUT);
            assertTrue(s.isBlocking());
        }
    }

    @Test
    void reuseAddrLetsAListenerBindAPortInTimeWait() throws Exception {
        assumeFalse(org.sockets4j.internal.Platform.current().os().equals("windows"),
                "Windows lets a plain bind take a port whose connections are in TIME_WAIT");
        InetSocketAddress port;
        // Linux lets a bind reuse a TIME_WAIT port only if both sockets set SO_REUSEADDR; the connection
        // in TIME_WAIT keeps its listener's setting. So the old server sets it too, as servers do.
        try (Socket server = Socket.open(Family.INET, Type.STREAM); Socket client = Socket.open(Family.INET, Type.STREAM)) {
            server.setOption(SocketOptions.SO_REUSEADDR, true);
            server.bind(Loopback.any(Family.INET));
            server.listen(1);
            port = (InetSocketAddress) server.localAddress();
            client.connect(port);
            try (Accepted a = server.accept()) {
                a.socket().close(); // the server side closes first: its end enters TIME_WAIT
                client.recv(new byte[1]);
            }
        }
        try (Socket plain = Socket.open(Family.INET, Type.STREAM)) {
            BindException e = assertThrows(BindException.class, () -> plain.bind(port));
            assertEquals(Errno.EADDRINUSE, ((NativeError) e).errno());
        }
        try (Socket reusing = Socket.open(Family.INET, Type.STREAM)) {
            reusing.setOption(SocketOptions.SO_REUSEADDR, true);
            reusing.bind(port);
            reusing.listen(1);
        }
    }

    @Test
    void reusePortLetsTwoSocketsShareAPort() throws Exception {
        assumeTrue(SocketOptions.SO_REUSEPORT.isSupported(), "no SO_REUSEPORT here");
        try (Socket a = Socket.open(Family.INET, Type.DGRAM); Socket b = Socket.open(Family.INET, Type.DGRAM);
             Socket c = Socket.open(Family.INET, Type.DGRAM)) {
            a.setOption(SocketOptions.SO_REUSEPORT, true);
            b.setOption(SocketOptions.SO_REUSEPORT, true);
            a.bind(Loopback.any(Family.INET));
            b.bind(a.localAddress());
            assertEquals(a.localAddress(), b.localAddress());
            BindException e = assertThrows(BindException.class, () -> c.bind(a.localAddress()));
            assertEquals(Errno.EADDRINUSE, ((NativeError) e).errno());
        }
    }

    @Test
    void rcvLowatHoldsABlockingRecvUntilThatMuchIsQueued() throws Exception {
        assumeTrue(org.sockets4j.internal.Platform.current().os().equals("linux")
                || org.sockets4j.internal.Platform.current().os().equals("osx"), "SO_RCVLOWAT: Linux and BSD only");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.server().setOption(SocketOptions.SO_RCVLOWAT, 10);
            // No Nagle: the second small segment must not wait for the first one's delayed ACK.
            p.client().setOption(SocketOptions.TCP_NODELAY, true);
            // A bound on the wait, so that a kernel that never wakes the reader fails here rather than hangs.
            p.server().setOption(SocketOptions.SO_RCVTIMEO, Duration.ofSeconds(5));
            Thread sender = new Thread(() -> {
                try {
                    p.client().send(new byte[5]);
                    Thread.sleep(300);
                    p.client().send(new byte[5]);
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            long start = System.nanoTime();
            sender.start();
            byte[] b = new byte[64];
            int n = p.server().recv(b);
            long millis = (System.nanoTime() - start) / 1_000_000;
            sender.join();
            assertEquals(10, n, "recv returned before the low-water mark was queued");
            assertTrue(millis >= 250, "returned after " + millis + " ms");
        }
    }

    @Test
    void v6OnlyDecidesWhetherAnIpv4ClientReachesAnIpv6Listener() throws Exception {
        for (boolean v6only : new boolean[] {false, true}) {
            try (Socket server = Socket.open(Family.INET6, Type.STREAM);
                 Socket client = Socket.open(Family.INET, Type.STREAM)) {
                server.setOption(SocketOptions.IPV6_V6ONLY, v6only);
                server.bind(new InetSocketAddress("::", 0));
                server.listen(1);
                int port = ((InetSocketAddress) server.localAddress()).getPort();
                InetSocketAddress v4 = new InetSocketAddress("127.0.0.1", port);
                if (v6only) {
                    ConnectException e = assertThrows(ConnectException.class, () -> client.connect(v4));
                    assertEquals(Errno.ECONNREFUSED, ((NativeError) e).errno());
                } else {
                    assertTrue(client.connect(v4));
                    try (Accepted a = server.accept()) {
                        assertEquals(client.localAddress(), a.peer()); // IPv4-mapped, reported as IPv4
                    }
                }
                assertEquals(v6only, server.getOption(SocketOptions.IPV6_V6ONLY));
            }
        }
    }

    @Test
    void ttlAndHopsAreWhatOutgoingPacketsCarryBack() throws Exception {
        // Without recvmsg yet, read them back on the sending socket; receivers' view comes with recvmsg.
        try (Socket s = Loopback.datagram(Family.INET6)) {
            s.setOption(SocketOptions.IPV6_UNICAST_HOPS, 7);
            assertEquals(7, s.getOption(SocketOptions.IPV6_UNICAST_HOPS));
            s.setOption(SocketOptions.IPV6_UNICAST_HOPS, -1);
            assertFalse(s.getOption(SocketOptions.IPV6_UNICAST_HOPS) == -1, "-1 reads back as the route's default");
        }
    }
}
