package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * Edge values of option values: durations below the kernel's unit or beyond any
 * long count, and nulls that getsockopt itself returns. A value that get returns
 * must be a value set takes, for every option of the table.
 */
@Timeout(30)
class OptionEdgeTest {

    @ParameterizedTest
    @ValueSource(strings = {"SO_RCVTIMEO", "SO_SNDTIMEO"})
    void aSubMillisecondTimeoutIsRoundedUpNeverToNone(String name) throws Exception {
        SockOpt<Duration> option = timeout(name);
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            // Linux keeps the timeout in jiffies (1 to 10 ms) and reads back the tick it rounded up to
            s.setOption(option, Duration.ofNanos(500_000));
            atLeastAndNear(Duration.ofMillis(1), s.getOption(option), "0.5 ms must not become 0, which means none");
            s.setOption(option, Duration.ofNanos(1));
            atLeastAndNear(Duration.ofMillis(1), s.getOption(option), "1 ns");
            s.setOption(option, Duration.ofMillis(1500).plusNanos(1));
            atLeastAndNear(Duration.ofMillis(1501), s.getOption(option), "1.5 s and 1 ns");
            s.setOption(option, Duration.ZERO);
            assertEquals(Duration.ZERO, s.getOption(option), "zero still means no timeout");
        }
    }

    private static void atLeastAndNear(Duration least, Duration got, String what) {
        assertTrue(got.compareTo(least) >= 0 && got.compareTo(least.plusMillis(10)) <= 0,
                what + ": read back " + got + ", expected " + least + " rounded up to at most one 10 ms tick");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SO_RCVTIMEO", "SO_SNDTIMEO"})
    void anEnormousTimeoutIsAnIllegalArgumentNamingTheOption(String name) throws Exception {
        SockOpt<Duration> option = timeout(name);
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            for (Duration d : List.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                    Duration.ofMillis(Integer.MAX_VALUE + 1L))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.setOption(option, d));
                assertTrue(e.getMessage().startsWith(name + " must be "), e.getMessage());
            }
            s.setOption(option, Duration.ofMillis(Integer.MAX_VALUE)); // the largest allowed still goes through
        }
    }

    @Test
    void keepaliveTimesRoundUpToWholeSecondsAndRefuseEnormousOnes() throws Exception {
        SockOpt<Duration> idle = SocketOptions.TCP_KEEPIDLE;
        assumeTrue(idle.isSupported(), "no TCP_KEEPIDLE here");
        assumeTrue(!Wine.running(), "Wine 8 has no TCP_KEEPIDLE");
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            s.setOption(idle, Duration.ofMillis(1500));
            assertEquals(Duration.ofSeconds(2), s.getOption(idle));
            s.setOption(idle, Duration.ofNanos(1));
            assertEquals(Duration.ofSeconds(1), s.getOption(idle));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.setOption(idle, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
            assertTrue(e.getMessage().startsWith("TCP_KEEPIDLE must be "), e.getMessage());
        }
    }

    @Test
    void theSystemsChoiceOfMulticastInterfaceCanBeSetBack() throws Exception {
        assumeTrue(Family.INET6.isSupported(), "no IPv6 here");
        Emulator.assumeOptionKnown(SocketOptions.IPV6_MULTICAST_IF);
        try (Socket s = Socket.open(Family.INET6, Type.DGRAM)) {
            NetworkInterface chosen = s.getOption(SocketOptions.IPV6_MULTICAST_IF);
            assertNull(chosen, "a fresh socket leaves the choice to the system");
            s.setOption(SocketOptions.IPV6_MULTICAST_IF, null);
            assertNull(s.getOption(SocketOptions.IPV6_MULTICAST_IF));
            NetworkInterface loopback = loopbackInterface();
            if (loopback != null) {
                s.setOption(SocketOptions.IPV6_MULTICAST_IF, loopback);
                assertEquals(loopback.getIndex(), s.getOption(SocketOptions.IPV6_MULTICAST_IF).getIndex());
                s.setOption(SocketOptions.IPV6_MULTICAST_IF, null); // back to the system's choice
                assertNull(s.getOption(SocketOptions.IPV6_MULTICAST_IF));
            }
        }
    }

    /**
     * The whole table: on a fresh socket of each kind, every option this socket reads can be set to
     * what it read. The kernel may refuse the set (its own answer, an {@link IOException} with an errno:
     * a read-only-after-bind option, a raw-only flag on a UDP socket); the library's own checks may not.
     */
    @Test
    void everyValueGetReturnsIsOneSetTakes() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Family family : List.of(Family.INET, Family.INET6, Family.UNIX)) {
            if (!family.isSupported()) continue;
            for (Type type : List.of(Type.STREAM, Type.DGRAM)) {
                Socket s;
                try {
                    s = Socket.open(family, type);
                } catch (IOException e) {
                    continue; // Wine has no AF_UNIX, Windows no datagram AF_UNIX: nothing to ask
                }
                try (s) {
                    for (SockOpt<?> option : SocketOptions.ALL) {
                        if (!option.isSupported() || !option.access().canGet() || !option.access().canSet()) continue;
                        Object value;
                        try {
                            value = s.getOption(option);
                        } catch (IOException e) {
                            continue; // this socket does not read it
                        }
                        tried++;
                        try {
                            setBack(s, option, value);
                        } catch (IOException e) {
                            assertTrue(e instanceof NativeError, e.toString()); // the kernel's own refusal
                        } catch (RuntimeException e) {
                            failures.add(family + " " + type + " " + option + " = " + show(value) + ": " + e);
                        }
                    }
                }
            }
        }
        assertTrue(tried > 20, "only " + tried + " options read");
        assertEquals(List.of(), failures);
    }

    @SuppressWarnings("unchecked")
    private static <T> void setBack(Socket s, SockOpt<T> option, Object value) throws IOException {
        s.setOption(option, (T) value);
    }

    private static String show(Object value) {
        return value instanceof byte[] b ? java.util.Arrays.toString(b) : String.valueOf(value);
    }

    private static SockOpt<Duration> timeout(String name) {
        return name.equals("SO_RCVTIMEO") ? SocketOptions.SO_RCVTIMEO : SocketOptions.SO_SNDTIMEO;
    }

    private static NetworkInterface loopbackInterface() throws IOException {
        for (NetworkInterface n : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isLoopback() && n.isUp() && n.getIndex() > 0) return n;
        }
        return null;
    }
}
