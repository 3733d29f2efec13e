package org.sockets4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sockets4j.internal.Platform;
import org.sockets4j.option.Access;
import org.sockets4j.option.Codec;
import org.sockets4j.option.Level;
import org.sockets4j.option.Os;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * The option table is its declarations: {@link SocketOptions#ALL} holds every public constant, once, in the
 * order written, and each constant's Java type is its codec's. An option of an existing C type is one
 * declaration, shown by {@code TCP_USER_TIMEOUT}.
 */
class OptionDeclarationsTest {

    private static List<Field> publicConstants() {
        List<Field> fields = new ArrayList<>();
        for (Field f : SocketOptions.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == SockOpt.class) fields.add(f);
        }
        return fields;
    }

    @Test
    void allHoldsEveryPublicConstantOnceInDeclarationOrder() throws Exception {
        List<SockOpt<?>> constants = new ArrayList<>();
        for (Field f : publicConstants()) {
            SockOpt<?> option = (SockOpt<?>) f.get(null);
            assertEquals(f.getName(), option.name(), "the constant's name is the option's");
            constants.add(option);
        }
        assertEquals(constants, SocketOptions.ALL);
        Set<String> names = new HashSet<>();
        for (SockOpt<?> o : SocketOptions.ALL) assertTrue(names.add(o.name()), o + " twice");
        // the option tables' order: the first and last rows of the first and last levels
        assertSame(SocketOptions.SO_BROADCAST, SocketOptions.ALL.get(0));
        assertSame(SocketOptions.TCP_USER_TIMEOUT, SocketOptions.ALL.get(SocketOptions.ALL.size() - 1));
    }

    @Test
    void eachConstantIsTypedAsItsCodecDecodes() throws Exception {
        for (Field f : publicConstants()) {
            SockOpt<?> option = (SockOpt<?>) f.get(null);
            var arg = ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
            Class<?> declared = arg instanceof Class<?> c ? c : byte[].class;
            assertEquals(declared, option.type(), f.getName());
            Class<?> codecType = codecType(option.codec());
            assertEquals(codecType, option.type(), f.getName() + " against its codec " + option.codec().cType());
        }
    }

    /** The Java type each codec constant is declared with, read off Codec's own fields. */
    private static Class<?> codecType(Codec<?> codec) throws Exception {
        for (Field f : Codec.class.getDeclaredFields()) {
            if (f.getType() == Codec.class && f.get(null) == codec) {
                var arg = ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
                return arg instanceof Class<?> c ? c : byte[].class;
            }
        }
        throw new AssertionError(codec + " is not a constant of Codec");
    }

    @Test
    void tcpUserTimeoutIsOneDeclarationOfAnInt() throws Exception {
        SockOpt<Integer> option = SocketOptions.TCP_USER_TIMEOUT;
        assertSame(Codec.INT, option.codec());
        assertEquals(Level.TCP, option.level());
        assertEquals(Access.GET_SET, option.access(Os.LINUX));
        assertEquals(Access.NONE, option.access(Os.MACOS));
        assertEquals(Access.NONE, option.access(Os.WINDOWS));
        assertThrows(IllegalArgumentException.class, () -> option.check(-1));
        try (Socket s = Socket.open(Family.INET, Type.STREAM)) {
            if (!Platform.current().os().equals("linux")) {
                assertFalse(option.isSupported());
                assertThrows(UnsupportedOperationException.class, () -> s.getOption(option));
                return;
            }
            assertTrue(option.isSupported(), "TCP_USER_TIMEOUT is a row of the constants table");
            assertEquals(0, s.getOption(option), "the system's choice, on a fresh socket");
            s.setOption(option, 12_345);
            assertEquals(12_345, s.getOption(option));
            assertEquals(Access.GET_SET, s.access(option));
        }
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            assertFalse(s.supports(option), "a UDP socket has no TCP options");
        }
    }
}
