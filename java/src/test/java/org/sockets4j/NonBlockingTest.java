package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(10)
class NonBlockingTest {

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void acceptWithNothingPendingReturnsNull(Family family) throws Exception {
        try (Socket server = Loopback.listener(family)) {
            assertTrue(server.isBlocking());
            server.setBlocking(false);
            assertFalse(server.isBlocking());
            assertNull(server.accept());
            try (Socket client = Socket.open(family, Type.STREAM)) {
                client.connect(server.localAddress());
                Accepted accepted = awaitAccept(server);
                try (accepted) {
                    assertTrue(accepted.socket().isBlocking(), "accepted sockets start blocking");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void recvWithNothingQueuedWouldBlock(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(family)) {
            p.server().setBlocking(false);
            assertEquals(Socket.WOULD_BLOCK, p.server().recv(new byte[8]));
            assertEquals(Socket.WOULD_BLOCK, p.server().recv(ByteBuffer.allocateDirect(8)));
            if (!MsgFlag.DONTWAIT.isSupported()) {
                assertEquals("message flag MSG_DONTWAIT is not supported on " + org.sockets4j.internal.Platform.current().classifier(),
                        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                                () -> p.server().recv(new byte[1], 0, 1, MsgFlag.DONTWAIT)).getMessage());
            }
            assertNull(p.server().recvFrom(new byte[8], 0, 8));
            p.client().send(new byte[] {1, 2});
            int n;
            while ((n = p.server().recv(new byte[8])) == Socket.WOULD_BLOCK) Thread.onSpinWait();
            assertEquals(2, n);
        }
    }

    @Test
    void dontWaitMakesOneCallOnABlockingSocketNonBlocking() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(MsgFlag.DONTWAIT.isSupported(), "no MSG_DONTWAIT on this platform");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            assertTrue(p.server().isBlocking());
            assertEquals(Socket.WOULD_BLOCK, p.server().recv(new byte[8], 0, 8, MsgFlag.DONTWAIT));
            assertTrue(p.server().isBlocking());
        }
    }

    @Test
    void sendOnAFullBufferWouldBlock() throws Exception {
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().setBlocking(false);
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            int r;
            while ((r = p.client().send(chunk)) != Socket.WOULD_BLOCK) {
                sent += r;
                assertTrue(sent < 1L << 30, "the kernel kept taking data");
            }
            assertTrue(sent > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INET", "INET6"})
    void connectReturnsFalseThenFinishConnectCompletes(Family family) throws Exception {
        try (Socket server = Loopback.listener(family); Socket client = Socket.open(family, Type.STREAM)) {
            client.setBlocking(false);
            boolean connected = client.connect(server.localAddress());
            // On loopback the kernel may finish at once; either way finishConnect must end up true.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!connected && System.nanoTime() < deadline) {
                connected = client.finishConnect();
                if (!connected) Thread.sleep(1);
            }
            assertTrue(connected);
            assertTrue(client.finishConnect());
            assertEquals(server.localAddress(), client.remoteAddress());
            Accepted accepted = awaitAccept(server);
            assertNotNull(accepted);
            accepted.close();
        }
    }

    private static Accepted awaitAccept(Socket server) throws Exception {
        server.setBlocking(false);
        long deadline = System.nanoTime() + 5_000_000_000L;
        Accepted a;
        while ((a = server.accept()) == null && System.nanoTime() < deadline) Thread.sleep(1);
        return a;
    }
}
