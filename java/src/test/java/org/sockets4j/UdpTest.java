package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(10)
class UdpTest {

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void sendToRecvFromWithArrays(Family family) throws Exception {
        try (Socket a = Loopback.datagram(family); Socket b = Loopback.datagram(family)) {
            byte[] msg = {1, 2, 3, 4, 5};
            assertEquals(5, a.sendTo(msg, 0, 5, b.localAddress()));
            byte[] buf = new byte[16];
            Received r = b.recvFrom(buf, 2, 10);
            assertEquals(5, r.length());
            assertEquals(a.localAddress(), r.source());
            assertArrayEquals(msg, java.util.Arrays.copyOfRange(buf, 2, 7));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void sendToRecvFromWithDirectAndHeapBuffers(Family family) throws Exception {
        try (Socket a = Loopback.datagram(family); Socket b = Loopback.datagram(family)) {
            ByteBuffer out = ByteBuffer.allocateDirect(8).put(new byte[] {9, 8, 7}).flip();
            assertEquals(3, a.sendTo(out, b.localAddress()));
            assertEquals(3, out.position());
            ByteBuffer in = ByteBuffer.allocate(8);
            Received r = b.recvFrom(in);
            assertEquals(3, r.length());
            assertEquals(3, in.position());
            assertEquals(a.localAddress(), r.source());
            assertEquals(7, in.get(2));

            ByteBuffer heapOut = ByteBuffer.wrap(new byte[] {5, 5});
            b.sendTo(heapOut, a.localAddress());
            ByteBuffer directIn = ByteBuffer.allocateDirect(8);
            assertEquals(b.localAddress(), a.recvFrom(directIn).source());
            assertEquals(2, directIn.position());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void datagramsKeepTheirBoundariesAndEmptyOnesArrive(Family family) throws Exception {
        try (Socket a = Loopback.datagram(family); Socket b = Loopback.datagram(family)) {
            a.sendTo(new byte[3], 0, 3, b.localAddress());
            a.sendTo(new byte[0], 0, 0, b.localAddress());
            a.sendTo(new byte[7], 0, 7, b.localAddress());
            byte[] buf = new byte[64];
            assertEquals(3, b.recvFrom(buf, 0, 64).length());
            assertEquals(0, b.recvFrom(buf, 0, 64).length());
            assertEquals(7, b.recv(buf));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void truncReportsTheRealLength(Family family) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(MsgFlag.TRUNC.isSupported(), "MSG_TRUNC not on this platform");
        try (Socket a = Loopback.datagram(family); Socket b = Loopback.datagram(family)) {
            a.sendTo(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10, b.localAddress());
            byte[] small = new byte[4];
            Received r = b.recvFrom(small, 0, 4, MsgFlag.TRUNC);
            assertEquals(10, r.length());
            assertArrayEquals(new byte[] {1, 2, 3, 4}, small);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void connectedSocketLearnsOfAnUnreachablePort(Family family) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Wine.running(),
                "Wine 8 does not pass an ICMP port unreachable on to a connected UDP socket");
        // Bound first: connect() would otherwise pick an ephemeral port, perhaps the one just freed,
        // and the socket would be talking to itself.
        try (Socket s = Loopback.datagram(family)) {
            int closedPort;
            try (Socket probe = Loopback.datagram(family)) {
                closedPort = ((InetSocketAddress) probe.localAddress()).getPort();
            }
            s.connect(new InetSocketAddress(Loopback.address(family), closedPort));
            s.send(new byte[] {1});
            PortUnreachableException e = assertThrows(PortUnreachableException.class, () -> s.recv(new byte[4]));
            assertEquals(Errno.ECONNREFUSED, ((NativeError) e).errno());
            assertEquals("recv", ((NativeError) e).operation());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void nonBlockingRecvFromReturnsNull(Family family) throws Exception {
        try (Socket s = Loopback.datagram(family)) {
            s.setBlocking(false);
            assertNull(s.recvFrom(new byte[4], 0, 4));
            assertNull(s.recvFrom(ByteBuffer.allocateDirect(4)));
            assertEquals(Socket.WOULD_BLOCK, s.recv(new byte[4]));
        }
    }
}
