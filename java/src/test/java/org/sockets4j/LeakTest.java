package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LeakTest {

    @BeforeEach
    void countable() throws Exception {
        assumeTrue(Descriptors.countable(), Descriptors.NOT_COUNTABLE);
        Loopback.tcpPair(Family.INET).close(); // classes, library and scratch loaded before counting
    }

    @Test
    void tenThousandOpenCloseCyclesLeaveNoDescriptor() throws Exception {
        int before = Descriptors.count();
        for (int i = 0; i < 10_000; i++) {
            Socket.open(i % 2 == 0 ? Family.INET : Family.INET6, i % 3 == 0 ? Type.DGRAM : Type.STREAM).close();
        }
        assertEquals(before, Descriptors.count());
    }

    @Test
    void aThousandConnectAcceptCloseCyclesLeaveNoDescriptor() throws Exception {
        try (Socket server = Loopback.listener(Family.INET)) {
            int before = Descriptors.count();
            for (int i = 0; i < 1_000; i++) {
                try (Socket client = Socket.open(Family.INET, Type.STREAM)) {
                    client.connect(server.localAddress());
                    try (Accepted accepted = server.accept()) {
                        client.send(new byte[] {1});
                        accepted.socket().recv(new byte[1]);
                    }
                }
            }
            assertEquals(before, Descriptors.count());
        }
    }

    @Test
    void failedCallsLeaveNoDescriptor() throws Exception {
        int before = Descriptors.count();
        for (int i = 0; i < 1_000; i++) {
            try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", 1));
            } catch (java.net.ConnectException expected) {
                // refused, as it should be
            }
            try {
                Socket.open(Family.INET, Type.STREAM, Protocol.UDP).close();
            } catch (java.io.IOException expected) {
                // EPROTONOSUPPORT: no descriptor was made
            }
        }
        assertEquals(before, Descriptors.count());
    }
}
