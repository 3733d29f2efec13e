package org.sockets4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sockets4j.NativeConstant;
import org.sockets4j.Protocol;
import org.sockets4j.option.SockOpt;

/**
 * Every C name Java asks the native constants table for is a row of it
 * (core/platform_constants.inc, or a portable row of core/constants.c), so a
 * misspelt name cannot pass for "this platform does not define it". The
 * library lists every row's name, defined on this platform or not, which is
 * what lets this run on every platform without the C sources at hand.
 *
 * <p>Java asks in two ways, and both are covered: a class initializer that
 * looks a name up ({@code NativeConstants.require("S4J_CMSG_HEADER")}; a name
 * that is no row is refused there, so initializing every class of the library
 * checks them), and a declared constant that carries its C name
 * ({@link NativeConstant} enums and fields, {@link Protocol}, {@link SockOpt}),
 * looked up when used; those are collected here and checked by name.
 */
class ConstantNamesTest {

    @Test
    void everyNameJavaAsksForIsARowOfTheTable() throws Exception {
        Set<String> rows = NativeConstants.rowNames();
        Map<String, String> asked = new TreeMap<>(); // where -> C name
        for (String className : libraryClasses()) {
            Class<?> c;
            try {
                c = Class.forName(className, true, NativeConstants.class.getClassLoader());
            } catch (ExceptionInInitializerError e) {
                throw new AssertionError("initializing " + className + " failed: " + e.getCause(), e);
            }
            if (c.isEnum() && NativeConstant.class.isAssignableFrom(c)) {
                for (Object constant : c.getEnumConstants()) {
                    asked.put(c.getSimpleName() + "." + constant, ((NativeConstant) constant).cName());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !f.trySetAccessible()) continue;
                Object value = f.get(null);
                String where = c.getSimpleName() + "." + f.getName();
                if (value instanceof NativeConstant n) asked.put(where, n.cName());
                else if (value instanceof SockOpt<?> o) asked.put(where, o.cName());
                else if (value instanceof Protocol p && p != Protocol.DEFAULT) asked.put(where, p.name());
            }
        }
        assertTrue(asked.size() > 100, "too few declared C names found: " + asked.size());
        String misspelt = asked.entrySet().stream()
                .filter(e -> !rows.contains(e.getValue()))
                .map(e -> e.getKey() + " asks for " + e.getValue())
                .collect(Collectors.joining("; "));
        assertEquals("", misspelt, "C names that are no row of the native constants table");
    }

    @Test
    void aNameThatIsNoRowIsRefusedNotReportedAbsent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeConstants.get("AF_INTE"));
        assertTrue(e.getMessage().contains("AF_INTE"), e.getMessage());
    }

    @Test
    void everyDefinedNameIsARow() {
        Set<String> rows = NativeConstants.rowNames();
        assertFalse(NativeConstants.defined().isEmpty());
        List<String> strays = NativeConstants.defined().keySet().stream().filter(n -> !rows.contains(n)).toList();
        assertEquals(List.of(), strays);
        assertTrue(NativeConstants.get("SOCK_STREAM").isPresent());
    }

    /** The binary names of the library's classes, from its class directory or jar. */
    private static List<String> libraryClasses() throws IOException, URISyntaxException {
        Path where = Path.of(NativeConstants.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                files.filter(Files::isRegularFile).forEach(p -> entries.add(where.relativize(p).toString()));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) entries.add(e.nextElement().getName());
            }
        }
        return entries.stream()
                .map(n -> n.replace('\\', '/'))
                .filter(n -> n.startsWith("org/sockets4j/") && n.endsWith(".class"))
                .filter(n -> !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .sorted()
                .toList();
    }
}
