package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Every public method of {@link Socket}, found by reflection so that new ones are
 * covered without being listed: a null for any reference argument, and any call
 * on a closed socket, end in a clear exception naming the argument or the state.
 */
@Timeout(10)
class BadInputTest {

    /** Arguments where null has a meaning: sendMsg's target (a connected socket needs none). */
    private static final Set<String> NULLABLE = Set.of("sendMsg.target");

    /** Methods that are fine on a closed socket. */
    private static final Set<String> SAFE_WHEN_CLOSED = Set.of("close", "isOpen", "family", "type", "protocol",
            "toString", "equals", "hashCode");

    private static Stream<Method> publicMethods() {
        return Arrays.stream(Socket.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .sorted((a, b) -> a.toString().compareTo(b.toString()));
    }

    /** Arguments that pass validation, for a socket of the given family. */
    private static Object[] validArguments(Method m, Family family) {
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i].getType();
            String name = params[i].getName();
            if (t == byte[].class) args[i] = new byte[8];
            else if (t == int.class) args[i] = name.equals("length") ? 4 : name.equals("backlog") ? 1 : 0;
            else if (t == boolean.class) args[i] = true;
            else if (t == long.class) args[i] = 0L;
            else if (t == ByteBuffer.class) args[i] = ByteBuffer.allocate(8);
            else if (t == ByteBuffer[].class) args[i] = new ByteBuffer[] {ByteBuffer.allocate(8)};
            else if (t == java.util.List.class) args[i] = java.util.List.of();
            else if (t == SocketAddress.class) args[i] = Loopback.any(family);
            else if (t == MsgFlag[].class) args[i] = new MsgFlag[0];
            else if (t == DatagramBatch.class) args[i] = DatagramBatch.allocate(4, 8);
            else if (t == Duration.class) args[i] = Duration.ofSeconds(1);
            else if (t == Shutdown.class) args[i] = Shutdown.BOTH;
            else if (t == Family.class) args[i] = family;
            else if (t == Type.class) args[i] = Type.DGRAM;
            else if (t == Protocol.class) args[i] = Protocol.DEFAULT;
            else if (t == org.sockets4j.option.SockOpt.class) args[i] = org.sockets4j.option.SocketOptions.IP_TTL;
            else if (t == Object.class && name.equals("value")) args[i] = 64; // setOption's value, for IP_TTL
            else throw new AssertionError("BadInputTest does not know how to make a " + t + " for " + m);
        }
        return args;
    }

    private static Throwable invoke(Method m, Object target, Object[] args) {
        try {
            m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @TestFactory
    List<DynamicTest> aNullArgumentIsNamedInTheException() throws Exception {
        assertTrue(Socket.class.getMethod("bind", SocketAddress.class).getParameters()[0].isNamePresent(),
                "compile with -parameters");
        List<DynamicTest> tests = new ArrayList<>();
        publicMethods().forEach(m -> {
            Parameter[] params = m.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (params[i].getType().isPrimitive() || NULLABLE.contains(m.getName() + "." + params[i].getName())) continue;
                int nulled = i;
                tests.add(dynamicTest(m.getName() + "(" + params[i].getName() + " = null)", () -> {
                    try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
                        Object[] args = validArguments(m, Family.INET);
                        args[nulled] = null;
                        Throwable e = invoke(m, s, args);
                        assertInstanceOf(NullPointerException.class, e, m + " with null " + params[nulled].getName());
                        // "<argument> is null", perhaps after what it belongs to ("IP_TTL: value is null")
                        assertTrue(e.getMessage().endsWith(params[nulled].getName() + " is null"), e.getMessage());
                    }
                }));
                if (params[i].getType() == MsgFlag[].class) {
                    tests.add(dynamicTest(m.getName() + "(flags containing null)", () -> {
                        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
                            Object[] args = validArguments(m, Family.INET);
                            args[nulled] = new MsgFlag[] {MsgFlag.PEEK, null};
                            Throwable e = invoke(m, s, args);
                            assertInstanceOf(NullPointerException.class, e);
                            assertEquals("flags contains null", e.getMessage());
                        }
                    }));
                }
            }
        });
        return tests;
    }

    @TestFactory
    Stream<DynamicTest> everyMethodOfAClosedSocketThrows() {
        return publicMethods()
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !SAFE_WHEN_CLOSED.contains(m.getName()))
                .map(m -> dynamicTest(m.toString().replace("org.sockets4j.", ""), () -> {
                    Socket s = Socket.open(Family.INET, Type.DGRAM);
                    s.close();
                    Throwable e = invoke(m, s, validArguments(m, Family.INET));
                    SocketClosedException closed = assertInstanceOf(SocketClosedException.class, e, m.toString());
                    assertTrue(closed.getMessage().contains("socket is closed"), closed.getMessage());
                }));
    }

    @TestFactory
    Stream<DynamicTest> arrayRangesAreChecked() {
        return publicMethods()
                .filter(m -> m.getParameterCount() >= 3 && m.getParameterTypes()[0] == byte[].class)
                .flatMap(m -> Stream.of(
                        range(m, -1, 4, "offset is negative: -1"),
                        range(m, 0, -1, "length is negative: -1"),
                        range(m, 6, 4, "offset 6 + length 4 exceeds "),
                        range(m, 9, 0, "offset 9 + length 0 exceeds "),
                        range(m, Integer.MAX_VALUE, 2, "offset 2147483647 + length 2 exceeds ")));
    }

    private static DynamicTest range(Method m, int offset, int length, String message) {
        return dynamicTest(m.getName() + " offset " + offset + " length " + length, () -> {
            try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
                Object[] args = validArguments(m, Family.INET);
                args[1] = offset;
                args[2] = length;
                Throwable e = invoke(m, s, args);
                assertInstanceOf(IndexOutOfBoundsException.class, e);
                assertTrue(e.getMessage().startsWith(message), e.getMessage());
            }
        });
    }

    @Test
    void readOnlyBuffersAreRefusedForReceiving() throws Exception {
        try (Socket s = Loopback.datagram(Family.INET)) {
            ByteBuffer ro = ByteBuffer.allocate(8).asReadOnlyBuffer();
            assertEquals("dst is a read-only buffer",
                    assertThrows(IllegalArgumentException.class, () -> s.recv(ro)).getMessage());
            assertEquals("dst is a read-only buffer",
                    assertThrows(IllegalArgumentException.class, () -> s.recvFrom(ro)).getMessage());
            ByteBuffer roDirect = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();
            assertThrows(IllegalArgumentException.class, () -> s.recv(roDirect));
        }
    }

    @Test
    void addressesOfTheWrongFamilyAreRefused() throws Exception {
        try (Socket inet = Socket.open(Family.INET, Type.STREAM);
             Socket inet6 = Socket.open(Family.INET6, Type.STREAM)) {
            check(() -> inet.bind(new InetSocketAddress("::1", 0)), "local is an IPv6 address, which an INET socket cannot use");
            check(() -> inet.connect(UnixDomainSocketAddress.of("/tmp/x")), "remote must be an InetSocketAddress on an INET socket");
            check(() -> inet6.connect(UnixDomainSocketAddress.of("/tmp/x"), Duration.ofSeconds(1)), "remote must be an InetSocketAddress");
            check(() -> inet.connect(InetSocketAddress.createUnresolved("example.invalid", 80)), "remote is unresolved");
            check(() -> inet.sendTo(new byte[1], 0, 1, new InetSocketAddress("::1", 9)), "target is an IPv6 address");
        }
    }

    @Test
    void unixAddressesAreCheckedToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Family.UNIX.isSupported(),
                "AF_UNIX is not supported here (Wine has none: WSAEAFNOSUPPORT)");
        try (Socket unix = Socket.open(Family.UNIX, Type.STREAM)) {
            check(() -> unix.bind(new InetSocketAddress("127.0.0.1", 0)), "local must be a UnixDomainSocketAddress or an AbstractUnixAddress on a UNIX socket");
            String tooLong = "/tmp/" + "x".repeat(200);
            check(() -> unix.bind(UnixDomainSocketAddress.of(tooLong)), "local path is 205 bytes; this platform allows");
        }
    }

    @Test
    void numbersOutOfRangeAreRefused() throws Exception {
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            check(() -> s.listen(-1), "backlog must be >= 0: -1");
            InetSocketAddress a = Loopback.any(Family.INET);
            check(() -> s.connect(a, Duration.ZERO), "timeout must be positive: PT0S");
            check(() -> s.connect(a, Duration.ofMillis(-5)), "timeout must be positive");
        }
        check(() -> Protocol.of(-1), "protocol number must be 0..255: -1");
        check(() -> Protocol.of(256), "protocol number must be 0..255: 256");
        assertEquals(Protocol.TCP, Protocol.of(Protocol.TCP.number()));
        assertEquals("253", Protocol.of(253).name());
    }

    @Test
    void anUnsupportedFamilyNamesItselfAndThePlatform() {
        for (Family f : Family.values()) {
            if (f.isSupported()) continue;
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Socket.open(f, Type.RAW));
            assertTrue(e.getMessage().startsWith("address family " + f + " (" + f.cName() + ") is not supported on "),
                    e.getMessage());
        }
    }

    @Test
    void addressesOfFamiliesWithoutACodecAreUnsupported() throws Exception {
        Family netlink = Family.NETLINK;
        org.junit.jupiter.api.Assumptions.assumeTrue(netlink.isSupported(), "no netlink here");
        try (Socket s = Socket.open(netlink, Type.RAW)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> s.bind(new InetSocketAddress(0)));
            assertTrue(e.getMessage().startsWith("socket addresses of family NETLINK is not supported"), e.getMessage());
        }
    }

    private static void check(Executable call, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
