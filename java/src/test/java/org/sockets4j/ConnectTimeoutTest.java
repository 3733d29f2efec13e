package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timed connect against a host, in a namespace made by the test, that swallows SYNs. */
@Timeout(30)
class ConnectTimeoutTest {

    private static String unavailable;

    @BeforeAll
    static void probe() {
        unavailable = VethLink.unavailable();
    }

    @Test
    void aTimedConnectToAHostThatDropsSynsEndsInAboutTheTimeout() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink net = VethLink.create(); Socket s = Socket.open(Family.INET, Type.STREAM)) {
            // The peer's replies to this side go nowhere: SYNs arrive, nothing answers.
            net.inside("ip", "route", "add", "blackhole", net.address4.getHostAddress() + "/32");
            InetSocketAddress target = new InetSocketAddress(net.peer4, 9);
            long start = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> s.connect(target, Duration.ofMillis(1000)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 950 && millis < 3000, "took " + millis + " ms for a 1000 ms timeout");
            assertEquals(Errno.ETIMEDOUT, ((NativeError) e).errno());
            assertEquals("connect " + target + " within 1000 ms: Connection timed out (ETIMEDOUT)", e.getMessage());
            assertTrue(s.isBlocking(), "the socket is blocking again afterwards");
        }
    }

    @Test
    void theSameHostAnswersWithoutTheDropRule() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        try (VethLink net = VethLink.create(); Socket s = Socket.open(Family.INET, Type.STREAM)) {
            // Nobody listens in the namespace, so its kernel answers with a reset: the path itself works.
            java.net.ConnectException e = assertThrows(java.net.ConnectException.class,
                    () -> s.connect(new InetSocketAddress(net.peer4, 9), Duration.ofSeconds(5)));
            assertEquals(Errno.ECONNREFUSED, ((NativeError) e).errno());
        }
    }
}
