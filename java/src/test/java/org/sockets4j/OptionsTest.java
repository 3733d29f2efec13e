package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.sockets4j.internal.Platform;
import org.sockets4j.option.Access;
import org.sockets4j.option.Level;
import org.sockets4j.option.Linger;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * Every option of the table, on a socket that suits it: set its typical value
 * and read it back. What the kernel changes or refuses is written down here,
 * per platform, with the reason, so a new difference fails the test.
 */
@Timeout(30)
class OptionsTest {

    /**
     * Linux refusals of options its table row calls get/set: option -> the errno of the refused call and why.
     * None: what Linux cannot do (SO_SNDLOWAT set, IPV6_NEXTHOP, IPV6_HOPLIMIT, IPV6_PKTINFO get) is in the
     * table's Linux column now, which OptionTableTruthTest checks against the kernel.
     */
    private static final Map<String, Errno> LINUX_REFUSES = Map.of();

    /** Windows refusals beyond its table column (SO_RCVLOWAT, SO_SNDLOWAT, SO_USELOOPBACK none, TCP_MAXSEG get). */
    private static final Map<String, Errno> WINDOWS_REFUSES = Map.of();

    /** Wine 8's own gaps, on top of Windows'. */
    private static final Map<String, Errno> WINE_REFUSES = Map.of(
            "SO_LINGER", Errno.ENOPROTOOPT,       // set works, getsockopt does not
            "IP_RECVDSTADDR", Errno.ENOPROTOOPT,
            "IP_RECVIF", Errno.ENOPROTOOPT,
            "IPV6_RECVRTHDR", Errno.ENOPROTOOPT,
            "IPV6_TCLASS", Errno.ENOPROTOOPT,
            "TCP_KEEPIDLE", Errno.ENOPROTOOPT,    // Windows 10 has all three; Wine 8 none
            "TCP_KEEPINTVL", Errno.ENOPROTOOPT,
            "TCP_KEEPCNT", Errno.ENOPROTOOPT);

    private static Errno refusal(SockOpt<?> option) {
        String os = Platform.current().os();
        if (os.equals("linux")) return LINUX_REFUSES.get(option.name());
        if (os.equals("windows")) {
            Errno e = WINDOWS_REFUSES.get(option.name());
            return e == null && Wine.running() ? WINE_REFUSES.get(option.name()) : e;
        }
        return null;
    }

    /** What the platform reads back instead of what was set. */
    private static Object readsBack(SockOpt<?> option, Object set) {
        if (linux() && (option.name().equals("SO_RCVBUF") || option.name().equals("SO_SNDBUF"))) {
            return 2 * (Integer) set; // Linux doubles buffer sizes for its bookkeeping
        }
        if (Wine.running() && option.name().equals("SO_DEBUG")) return false; // Wine accepts it, stores nothing
        return set;
    }

    static Socket socketFor(SockOpt<?> option) throws IOException {
        Family family = option.level() == Level.IPV6 ? Family.INET6 : Family.INET;
        if (option == SocketOptions.IP_HDRINCL || option == SocketOptions.IPV6_CHECKSUM) {
            return Socket.open(family, Type.RAW, Protocol.UDP); // raw-socket options; needs root
        }
        return Socket.open(family, option.level() == Level.TCP ? Type.STREAM : Type.DGRAM);
    }

    private static boolean linux() {
        return Platform.current().os().equals("linux");
    }

    @TestFactory
    Stream<DynamicTest> everySupportedOptionRoundTrips() {
        return SocketOptions.ALL.stream().filter(o -> o.access() == Access.GET_SET && o.sample() != null)
                .map(o -> dynamicTest(o.name(), () -> roundTrip(o)));
    }

    private static <T> void roundTrip(SockOpt<T> option) throws Exception {
        assumeTrue(option.isSupported(), option + " is not defined on " + Platform.current().classifier());
        Socket s;
        try {
            s = socketFor(option);
        } catch (IOException e) {
            Errno errno = ((NativeError) e).errno();
            assumeTrue(errno != Errno.EPERM && errno != Errno.EACCES, "raw sockets need root");
            assumeTrue(!Wine.running(), "Wine 8 opens no raw IPv6 sockets: " + errno);
            throw e;
        }
        try (s) {
            Errno refused = refusal(option);
            if (refused != null) {
                IOException e = assertThrows(IOException.class, () -> {
                    s.setOption(option, option.sample());
                    s.getOption(option);
                });
                assertEquals(refused, ((NativeError) e).errno());
                return;
            }
            Emulator.assumeOptionTranslated(option, option.sample(), () -> socketFor(option));
            s.setOption(option, option.sample());
            Object got = s.getOption(option);
            Object expected = readsBack(option, option.sample());
            if (expected instanceof byte[] b) assertArrayEquals(b, (byte[]) got);
            else assertEquals(expected, got, option.name());
        }
    }

    @TestFactory
    Stream<DynamicTest> optionsThisPlatformLacksSayWhichAndWhere() {
        return SocketOptions.ALL.stream().filter(o -> !o.isSupported()).map(o -> dynamicTest(o.name(), () -> {
            try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> {
                    // get where there is no typical value to set (IPV6_PATHMTU, where Windows has none)
                    if (o.access().canGet() || o.sample() == null) s.getOption(o);
                    else set(s, o);
                });
                assertEquals("socket option " + o + " is not supported on " + Platform.current().classifier(),
                        e.getMessage());
            }
        }));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(Socket s, SockOpt o) throws IOException {
        s.setOption(o, o.sample() != null ? o.sample() : Boolean.TRUE);
    }

    @Test
    void valuesOutsideTheRuleAreRefusedBeforeAnyNativeCall() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            int ttl = s.getOption(SocketOptions.IP_TTL);
            check(() -> s.setOption(SocketOptions.IP_TTL, 0), "IP_TTL must be 1..255: 0");
            check(() -> s.setOption(SocketOptions.IP_TTL, 256), "IP_TTL must be 1..255: 256");
            check(() -> s.setOption(SocketOptions.IP_TOS, -1), "IP_TOS must be 0..255: -1");
            check(() -> s.setOption(SocketOptions.SO_RCVBUF, 0), "SO_RCVBUF must be 1..2147483647: 0");
            check(() -> s.setOption(SocketOptions.SO_RCVTIMEO, Duration.ofMillis(-1)), "SO_RCVTIMEO must be 0 (none) to");
            check(() -> s.setOption(SocketOptions.IP_OPTIONS, new byte[41]), "IP_OPTIONS must be 0..40 bytes");
            check(() -> s.setOption(SocketOptions.IP_MULTICAST_TTL, 300), "IP_MULTICAST_TTL must be 0..255: 300");
            check(() -> s.setOption(SocketOptions.TCP_KEEPIDLE, Duration.ZERO), "TCP_KEEPIDLE must be 1..32767 s");
            check(() -> new Linger(true, 70000), "SO_LINGER seconds must be 0..65535: 70000");
            assertEquals("IP_TTL: value is null", assertThrows(NullPointerException.class,
                    () -> s.setOption(SocketOptions.IP_TTL, null)).getMessage());
            assertEquals("option is null", assertThrows(NullPointerException.class,
                    () -> s.setOption(null, 1)).getMessage());
            assertEquals(ttl, s.getOption(SocketOptions.IP_TTL), "the kernel was never asked");
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            SockOpt raw = SocketOptions.IP_TTL;
            check(() -> s.setOption(raw, "64"), "IP_TTL takes an Integer, not String 64");
        }
    }

    @Test
    void getOnlyAndSetOnlyAreHonoured() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            assertEquals("SO_ERROR cannot be set: it is read only", assertThrows(UnsupportedOperationException.class,
                    () -> s.setOption(SocketOptions.SO_ERROR, 0)).getMessage());
            assertEquals("IP_ADD_MEMBERSHIP cannot be read: it is write only",
                    assertThrows(UnsupportedOperationException.class,
                            () -> s.getOption(SocketOptions.IP_ADD_MEMBERSHIP)).getMessage());
            assertEquals(0, s.getOption(SocketOptions.SO_ERROR));
        }
    }

    @Test
    void theSocketsTypeIsReadBack() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            assertEquals(Type.STREAM.nativeValue().getAsInt(), s.getOption(SocketOptions.SO_TYPE));
        }
    }

    @Test
    void rawOptionsTakeAndGiveBytes() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            int level = Level.IP.nativeValue().getAsInt();
            int ttl = SocketOptions.IP_TTL.nativeName().getAsInt();
            byte[] value = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt(77).array();
            s.setRawOption(level, ttl, value);
            assertEquals(77, s.getOption(SocketOptions.IP_TTL));
            byte[] back = new byte[8];
            assertEquals(4, s.getRawOption(level, ttl, back));
            assertEquals(77, java.nio.ByteBuffer.wrap(back).order(java.nio.ByteOrder.nativeOrder()).getInt());
            IOException e = assertThrows(IOException.class, () -> s.getRawOption(level, 9999, new byte[4]));
            assertEquals(Errno.ENOPROTOOPT, ((NativeError) e).errno());
        }
    }

    @Test
    void levelByFamilyFollowsTheSocket() {
        assertEquals(Level.IP.nativeValue(), Level.IP_BY_FAMILY.nativeValue(Family.INET));
        assertEquals(Level.IPV6.nativeValue(), Level.IP_BY_FAMILY.nativeValue(Family.INET6));
    }

    private static void check(org.junit.jupiter.api.function.Executable call, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }
}
