package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class UnixTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void unixDomainSockets() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Family.UNIX.isSupported(),
                "AF_UNIX is not supported here (Wine has none: WSAEAFNOSUPPORT)");
    }

    @Test
    void streamEchoOverAPath() throws Exception {
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of(dir.resolve("echo.sock"));
        try (Socket server = Socket.open(Family.UNIX, Type.STREAM); Socket client = Socket.open(Family.UNIX, Type.STREAM)) {
            server.bind(path);
            server.listen(4);
            assertEquals(path, server.localAddress());
            client.connect(path);
            assertEquals(path, client.remoteAddress());
            try (Accepted accepted = server.accept()) {
                assertEquals(UnixDomainSocketAddress.of(""), accepted.peer()); // the client never bound: unnamed
                client.send(new byte[] {1, 2, 3});
                byte[] buf = new byte[3];
                assertEquals(3, accepted.socket().recv(buf, 0, 3, MsgFlag.WAITALL));
                assertArrayEquals(new byte[] {1, 2, 3}, buf);
            }
        }
    }

    @Test
    void datagramsCarryTheSendersPath() throws Exception {
        UnixDomainSocketAddress a = UnixDomainSocketAddress.of(dir.resolve("a.sock"));
        UnixDomainSocketAddress b = UnixDomainSocketAddress.of(dir.resolve("b.sock"));
        try (Socket sa = Socket.open(Family.UNIX, Type.DGRAM); Socket sb = Socket.open(Family.UNIX, Type.DGRAM)) {
            sa.bind(a);
            sb.bind(b);
            sa.sendTo(new byte[] {7}, 0, 1, b);
            Received r = sb.recvFrom(new byte[4], 0, 4);
            assertEquals(1, r.length());
            assertEquals(a, r.source());
        }
    }

    @Test
    void connectingToAPathNobodyListensOnIsRefused() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (Socket s = Socket.open(Family.UNIX, Type.STREAM)) {
            s.bind(UnixDomainSocketAddress.of(stale));
        }
        try (Socket c = Socket.open(Family.UNIX, Type.STREAM)) {
            ConnectException e = assertThrows(ConnectException.class, () -> c.connect(UnixDomainSocketAddress.of(stale)));
            assertEquals(Errno.ECONNREFUSED, ((NativeError) e).errno());
        }
        Files.delete(stale);
        try (Socket c = Socket.open(Family.UNIX, Type.STREAM)) {
            var e = assertThrows(java.io.IOException.class, () -> c.connect(UnixDomainSocketAddress.of(stale)));
            assertEquals(Errno.ENOENT, ((NativeError) e).errno());
        }
    }
}
