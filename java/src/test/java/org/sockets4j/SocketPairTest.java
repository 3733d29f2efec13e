package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class SocketPairTest {

    @ParameterizedTest
    @CsvSource({"UNIX, STREAM", "UNIX, DGRAM", "UNIX, SEQPACKET", "INET, STREAM", "INET, DGRAM", "INET6, STREAM",
            "INET6, DGRAM"})
    void bothEndsTalkToEachOther(Family family, Type type) throws Exception {
        assumeTrue(family.isSupported(), family + " is not supported here");
        assumeTrue(family != Family.UNIX || type == Type.STREAM || !org.sockets4j.internal.Platform.current().os()
                .equals("windows"), "Windows has only stream Unix domain sockets");
        assumeTrue(type != Type.SEQPACKET || org.sockets4j.internal.Platform.current().os().equals("linux"),
                "SEQPACKET Unix pairs are Linux's");
        try (SocketPair pair = Socket.pair(family, type)) {
            assertEquals(family, pair.first().family());
            assertEquals(type, pair.second().type());
            assertEquals(3, pair.first().send(new byte[] {1, 2, 3}));
            byte[] got = new byte[3];
            assertEquals(3, pair.second().recv(got, 0, 3, MsgFlag.WAITALL));
            assertArrayEquals(new byte[] {1, 2, 3}, got);
            assertEquals(1, pair.second().send(new byte[] {9}));
            assertEquals(1, pair.first().recv(got));
            assertEquals(9, got[0]);
        }
    }

    @Test
    void loopbackPairsAreEachOthersPeers() throws Exception {
        try (SocketPair pair = Socket.pair(Family.INET, Type.STREAM)) {
            assertEquals(pair.first().localAddress(), pair.second().remoteAddress());
            assertEquals(pair.second().localAddress(), pair.first().remoteAddress());
            assertEquals(Loopback.address(Family.INET), ((InetSocketAddress) pair.first().localAddress()).getAddress());
        }
    }

    @Test
    void aTypeThePlatformCannotPairIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Socket.pair(Family.INET, Type.SEQPACKET));
        assertEquals(Errno.EOPNOTSUPP, ((NativeError) e).errno());
        assertEquals("socketpair", ((NativeError) e).operation());
    }
}
