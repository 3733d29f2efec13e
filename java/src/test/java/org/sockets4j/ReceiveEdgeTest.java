package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a receive reports at its edges: truncation, a close during WAITALL, an abstract sender. */
@Timeout(30)
class ReceiveEdgeTest {

    @Test
    void recvFromReportsATruncatedDatagram() throws Exception {
        try (Socket rx = Loopback.datagram(Family.INET); Socket tx = Loopback.datagram(Family.INET)) {
            tx.sendTo(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6, rx.localAddress());
            tx.sendTo(new byte[] {7, 8}, 0, 2, rx.localAddress());
            byte[] dst = new byte[4];
            Received cut = rx.recvFrom(dst, 0, dst.length);
            assertTrue(cut.truncated(), "a 6-byte datagram in 4 bytes must say it was truncated");
            assertEquals(4, cut.length());
            assertArrayEquals(new byte[] {1, 2, 3, 4}, dst);
            ByteBuffer whole = ByteBuffer.allocateDirect(4);
            Received fits = rx.recvFrom(whole);
            assertFalse(fits.truncated());
            assertEquals(2, fits.length());
            assertEquals(tx.localAddress(), fits.source());

            tx.sendTo(new byte[9], 0, 9, rx.localAddress());
            ByteBuffer heap = ByteBuffer.allocate(5);
            Received heapCut = rx.recvFrom(heap);
            assertTrue(heapCut.truncated());
            assertEquals(5, heap.position());
        }
    }

    @Test
    void aWaitAllRecvWokenByCloseThrowsClosed() throws Exception {
        Loopback.Pair p = Loopback.tcpPair(Family.INET);
        try (p) {
            p.client().send(new byte[] {1, 2, 3});
            CompletableFuture<Integer> recv = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.server().recv(new byte[10], 0, 10, MsgFlag.WAITALL);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(recv.isDone(), "WAITALL returned before 10 bytes arrived");
            p.server().close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> recv.get(2, TimeUnit.SECONDS),
                    "a WAITALL recv woken by close returned a partial count");
            SocketClosedException closed = assertInstanceOf(SocketClosedException.class, e.getCause().getCause());
            assertTrue(closed.whileBlocked());
        }
    }

    @Test
    void anAbstractSenderCanBeAnswered() throws Exception {
        assumeTrue(AbstractUnixAddress.isSupported(), "the abstract Unix namespace is Linux's only");
        AbstractUnixAddress name = AbstractUnixAddress.of("sockets4j-test-" + ProcessHandle.current().pid());
        try (Socket sender = Socket.open(Family.UNIX, Type.DGRAM); Socket rx = Socket.open(Family.UNIX, Type.DGRAM)) {
            sender.bind(name);
            assertEquals(name, sender.localAddress());
            rx.bind(AbstractUnixAddress.of("sockets4j-rx-" + ProcessHandle.current().pid()));
            sender.sendTo(new byte[] {42}, 0, 1, rx.localAddress());
            Received r = rx.recvFrom(new byte[1], 0, 1);
            assertEquals(name, r.source(), "the abstract sender's name was lost");
            rx.sendTo(new byte[] {43}, 0, 1, r.source()); // the reply goes back to it
            byte[] reply = new byte[1];
            assertEquals(1, sender.recv(reply));
            assertEquals(43, reply[0]);
        }
    }
}
