package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(10)
class TcpTest {

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void connectAcceptEcho(Family family) throws Exception {
        try (Socket server = Loopback.listener(family); Socket client = Socket.open(family, Type.STREAM)) {
            InetSocketAddress bound = (InetSocketAddress) server.localAddress();
            assertEquals(Loopback.address(family), bound.getAddress());
            assertTrue(bound.getPort() > 0);

            assertTrue(client.connect(bound));
            try (Accepted accepted = server.accept()) {
                assertEquals(client.localAddress(), accepted.peer());
                assertEquals(bound, client.remoteAddress());
                assertEquals(client.localAddress(), accepted.socket().remoteAddress());

                byte[] hello = "hello, sockets".getBytes(StandardCharsets.US_ASCII);
                assertEquals(hello.length, client.send(hello));
                byte[] got = new byte[64];
                int n = accepted.socket().recv(got, 0, hello.length, MsgFlag.WAITALL);
                assertEquals(hello.length, n);
                assertEquals(accepted.socket().send(got, 0, n), n);
                byte[] back = new byte[n];
                assertEquals(n, client.recv(back, 0, n, MsgFlag.WAITALL));
                assertArrayEquals(hello, back);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void directAndHeapBuffersMoveTheirPositions(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            ByteBuffer direct = ByteBuffer.allocateDirect(32);
            direct.put("direct".getBytes(StandardCharsets.US_ASCII)).flip();
            assertEquals(6, p.client().send(direct));
            assertEquals(6, direct.position());

            ByteBuffer heap = ByteBuffer.allocate(32);
            heap.position(3).limit(9);
            assertEquals(6, p.server().recv(heap, MsgFlag.WAITALL));
            assertEquals(9, heap.position());
            assertEquals("direct", new String(heap.array(), 3, 6, StandardCharsets.US_ASCII));

            ByteBuffer readOnlySource = ByteBuffer.wrap("ro".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
            assertEquals(2, p.server().send(readOnlySource));
            ByteBuffer into = ByteBuffer.allocateDirect(8).limit(2);
            assertEquals(2, p.client().recv(into, MsgFlag.WAITALL));
            assertEquals(2, into.position());
            assertEquals('r', into.get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void peekLeavesTheDataQueued(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            p.client().send("peekaboo".getBytes(StandardCharsets.US_ASCII));
            byte[] peeked = new byte[8];
            assertEquals(8, p.server().recv(peeked, 0, 8, MsgFlag.PEEK, MsgFlag.WAITALL));
            byte[] taken = new byte[8];
            assertEquals(8, p.server().recv(taken, 0, 8, MsgFlag.WAITALL));
            assertArrayEquals(peeked, taken);
            assertEquals("peekaboo", new String(taken, StandardCharsets.US_ASCII));
            p.server().setBlocking(false);
            assertEquals(Socket.WOULD_BLOCK, p.server().recv(taken, 0, 8, MsgFlag.PEEK));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void waitAllFillsTheBufferAcrossSeveralSends(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 4; i++) {
                        p.client().send(new byte[] {(byte) i, (byte) i, (byte) i, (byte) i});
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            sender.start();
            byte[] all = new byte[16];
            assertEquals(16, p.server().recv(all, 0, 16, MsgFlag.WAITALL));
            sender.join();
            assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, all);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void shutdownWriteGivesThePeerEndOfStream(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            p.client().send(new byte[] {42});
            p.client().shutdown(Shutdown.WRITE);
            byte[] buf = new byte[4];
            assertEquals(1, p.server().recv(buf));
            assertEquals(Socket.EOF, p.server().recv(buf));
            assertEquals(Socket.EOF, p.server().recv(ByteBuffer.allocateDirect(4)));
            // the other direction still works
            p.server().send(new byte[] {7});
            assertEquals(1, p.client().recv(buf));
            assertEquals(7, buf[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void largeTransfersThroughTheHeapPath(Family family) throws Exception {
        byte[] big = new byte[3 << 20]; // beyond the per-thread scratch that is kept
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            Thread sender = new Thread(() -> {
                try {
                    int off = 0;
                    while (off < big.length) off += p.client().send(big, off, big.length - off);
                    p.client().shutdown(Shutdown.WRITE);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            sender.start();
            byte[] got = new byte[big.length];
            assertEquals(big.length, p.server().recv(got, 0, got.length, MsgFlag.WAITALL));
            sender.join();
            assertArrayEquals(big, got);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void recvFromOnAStreamReportsTheSourceOrNone(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            p.client().send(new byte[] {1, 2, 3});
            byte[] buf = new byte[8];
            Received r = p.server().recvFrom(buf, 0, 3, MsgFlag.WAITALL);
            assertEquals(3, r.length());
            p.client().shutdown(Shutdown.WRITE);
            assertEquals(Socket.EOF, p.server().recvFrom(buf, 0, 8).length());
        }
    }

    @org.junit.jupiter.api.Test
    void anInet6SocketReachesAnIpv4PeerThroughAMappedAddress() throws Exception {
        try (Socket server = Loopback.listener(Family.INET); Socket client = Socket.open(Family.INET6, Type.STREAM)) {
            client.connect(server.localAddress());
            try (Accepted accepted = server.accept()) {
                assertEquals(server.localAddress(), client.remoteAddress()); // reported as IPv4, like the JDK does
                assertEquals(client.localAddress(), accepted.peer());
            }
        }
    }
}
