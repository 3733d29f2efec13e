package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The notes' fcntl/ioctl table: each row does what it says, where the platform has it. */
@Timeout(20)
class IoControlTest {

    @Test
    void bytesAvailableCountsWhatIsQueued() throws Exception {
        assumeTrue(IoControl.BYTES_AVAILABLE.isSupported(), "no FIONREAD here");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            assertEquals(0, p.server().bytesAvailable());
            p.client().send(new byte[5]);
            byte[] peek = new byte[5];
            assertEquals(5, p.server().recv(peek, 0, 5, MsgFlag.PEEK, MsgFlag.WAITALL));
            assertEquals(5, p.server().bytesAvailable());
        }
    }

    @Test
    void atMarkTellsWhereTheOutOfBandByteIs() throws Exception {
        assumeTrue(IoControl.AT_MARK.isSupported(), "no sockatmark here");
        try (Loopback.Pair p = Loopback.tcpPair(Family.INET)) {
            p.client().send(new byte[] {'a', 'b'});
            p.client().send(new byte[] {'!'}, 0, 1, MsgFlag.OOB);
            Thread.sleep(100);
            assertFalse(p.server().atMark(), "two ordinary bytes come before the mark");
            byte[] buf = new byte[8];
            assertEquals(2, p.server().recv(buf), "recv stops at the mark");
            assertTrue(p.server().atMark());
            assertEquals(1, p.server().recv(buf, 0, 1, MsgFlag.OOB));
            assertEquals('!', buf[0]);
        }
    }

    @Test
    void signalDrivenIoSignalsTheOwner() throws Exception {
        assumeTrue(IoControl.ASYNC.isSupported() && IoControl.OWNER.isSupported(), "no O_ASYNC/F_SETOWN here");
        // The owner is a child process whose default action for SIGIO is to die: that is the proof.
        Emulator.assumeStarts("sleep", "0");
        Process child = new ProcessBuilder("sleep", "30").start();
        try (Socket s = Loopback.datagram(Family.INET); Socket sender = Socket.open(Family.INET, Type.DGRAM)) {
            assertEquals(0, s.owner());
            s.setOwner(child.pid());
            assertEquals(child.pid(), s.owner());
            assertFalse(s.isAsync());
            s.setAsync(true);
            assertTrue(s.isAsync());
            assertTrue(child.isAlive());
            sender.sendTo(new byte[] {1}, 0, 1, s.localAddress());
            assertTrue(child.waitFor(5, TimeUnit.SECONDS), "the owner got no SIGIO");
            assertTrue(child.exitValue() > 128, "killed by a signal: " + child.exitValue());
            s.setAsync(false);
            assertFalse(s.isAsync());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theInterfaceListHasTheLoopback() throws Exception {
        assumeTrue(IoControl.INTERFACES.isSupported(), "no SIOCGIFCONF here");
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            var rows = s.interfaces();
            assertTrue(rows.contains(new InterfaceEntry("lo", InetAddress.getByName("127.0.0.1")))
                    || rows.stream().anyMatch(r -> r.address().isLoopbackAddress()), rows.toString());
        }
    }

    @Test
    void theProbesMatchThePlatform() {
        boolean posix = !org.sockets4j.internal.Platform.current().os().equals("windows");
        assertTrue(IoControl.NON_BLOCKING.isSupported());
        assertTrue(IoControl.BYTES_AVAILABLE.isSupported());
        assertEquals(posix, IoControl.AT_MARK.isSupported());
        assertEquals(posix, IoControl.ASYNC.isSupported());
        assertEquals(posix, IoControl.OWNER.isSupported());
        assertEquals(posix, IoControl.INTERFACES.isSupported());
    }
}
