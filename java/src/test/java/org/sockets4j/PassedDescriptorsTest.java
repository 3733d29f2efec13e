package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.internal.NativeConstants;

/**
 * Descriptors a peer passes with SCM_RIGHTS: recvMsg closes them as they arrive (the API has
 * no type for them yet), so however many arrive, none stays open in this process.
 */
@Timeout(20)
class PassedDescriptorsTest {

    /** SCM_RIGHTS is 1 on Linux and on the BSDs, macOS included; the library's table has no entry for it. */
    private static final int SCM_RIGHTS = 1;

    private static byte[] fdBytes(long... fds) {
        ByteBuffer b = ByteBuffer.allocate(4 * fds.length).order(ByteOrder.nativeOrder());
        for (long fd : fds) b.putInt((int) fd);
        return b.array();
    }

    @Test
    void descriptorsPassedToRecvMsgAreClosedNotLeaked() throws Exception {
        assumeTrue(Descriptors.countable(), Descriptors.NOT_COUNTABLE);
        assumeTrue(Family.UNIX.isSupported() && !System.getProperty("os.name", "").startsWith("Windows"),
                "SCM_RIGHTS needs POSIX Unix domain sockets");
        int solSocket = NativeConstants.require("SOL_SOCKET");
        try (SocketPair pair = Socket.pair(Family.UNIX, Type.DGRAM);
             Socket passed = Socket.open(Family.INET, Type.DGRAM);
             Socket other = Socket.open(Family.INET, Type.DGRAM)) {
            int before = Descriptors.count();
            List<ControlMessage> received = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                ControlMessage rights = new ControlMessage.Raw(solSocket, SCM_RIGHTS,
                        fdBytes(passed.handle(), other.handle()));
                ByteBuffer one = ByteBuffer.allocateDirect(1).put(0, (byte) round);
                assertEquals(1, pair.first().sendMsg(new ByteBuffer[] {one}, null, List.of(rights)));
                // control room for two records of any kind: the descriptors fit, and come back as nothing
                Message m = pair.second().recvMsg(new ByteBuffer[] {ByteBuffer.allocateDirect(8)}, 256);
                assertEquals(1, m.length());
                assertFalse(m.controlTruncated());
                received.addAll(m.control());
            }
            assertEquals(before, Descriptors.count(), "descriptors left open after receiving 10 passed ones");
            assertEquals(List.of(), received, "the passed descriptors are reported as nothing");
            // the originals are untouched: the closed ones were the copies the kernel made
            passed.localAddress();
            other.localAddress();
        }
    }
}
