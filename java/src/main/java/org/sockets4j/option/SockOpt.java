package org.sockets4j.option;

import java.net.SocketOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.sockets4j.internal.NativeConstants;

/**
 * One socket option of the notes' tables, typed: its level, its C name, the
 * Java type of its value, whether each platform reads and writes it, the C type
 * it crosses as, the values it accepts, and a typical value (used by the
 * {@code options} command and the tests to show a round trip). Immutable; the
 * constants live in {@link SocketOptions}. Use with
 * {@code Socket.getOption}/{@code Socket.setOption}; {@code Socket.access(option)}
 * asks the kernel what the socket at hand does with it.
 *
 * @param <T> the value type
 */
public final class SockOpt<T> implements SocketOption<T> {

    private final String name;
    private final Level level;
    private final String cName;
    private final Class<T> type;
    private final Access access;
    private final Map<Os, Access> byOs;
    private final Codec<T> codec;
    private final Predicate<T> valid;
    private final String rule;
    private final T sample;
    private final String description;
    /** {@link #access()}, fixed at creation: the OS does not change under a running JVM. */
    private final Access here;
    /** This platform's number for the option, looked up once, on first use (the table is native). */
    private OptionalInt nativeName;

    private SockOpt(String name, Level level, String cName, Class<T> type, Access access, Map<Os, Access> byOs,
                    Codec<T> codec, Predicate<T> valid, String rule, T sample, String description) {
        this.byOs = byOs;
        this.name = name;
        this.level = level;
        this.cName = cName;
        this.type = type;
        this.access = access;
        this.codec = codec;
        this.valid = valid;
        this.rule = rule;
        this.sample = sample;
        this.description = description;
        this.here = Os.current().map(this::access).orElse(access);
    }

    /**
     * A row of the option table: a readable and writable option, named as in C, that takes any value of its type
     * and has no sample; the withers below give the rest.
     */
    static <T> SockOpt<T> of(Level level, String name, Class<T> type, Codec<T> codec, String description) {
        return new SockOpt<>(name, level, name, type, Access.GET_SET, Map.of(), codec, v -> true,
                SockOpt.withArticle(type.getSimpleName()), null, description);
    }

    /** This option under another entry of the native constants table (a portable {@code S4J_*} alias). */
    SockOpt<T> cName(String cName) {
        return new SockOpt<>(name, level, cName, type, access, byOs, codec, valid, rule, sample, description);
    }

    /** This option with access {@code access} where no row of {@link #on} says otherwise. */
    SockOpt<T> access(Access access) {
        return new SockOpt<>(name, level, cName, type, access, byOs, codec, valid, rule, sample, description);
    }

    /** This option taking only the values {@code valid} accepts, which {@code rule} says in words. */
    SockOpt<T> accepts(Predicate<T> valid, String rule) {
        return new SockOpt<>(name, level, cName, type, access, byOs, codec, valid, rule, sample, description);
    }

    /** This option with a typical value, for a set/get round trip. */
    SockOpt<T> sample(T sample) {
        return new SockOpt<>(name, level, cName, type, access, byOs, codec, valid, rule, sample, description);
    }

    /** The option's name as the notes give it, e.g. {@code SO_RCVBUF}. */
    @Override
    public String name() {
        return name;
    }

    /** The Java type of its value. */
    @Override
    public Class<T> type() {
        return type;
    }

    /**
     * Its level.
     *
     * @return its level
     */
    public Level level() {
        return level;
    }

    /**
     * The name of its number in the native constants table (a portable {@code S4J_*} alias where OSes differ).
     *
     * @return the name of its number in the native constants table (a portable {@code S4J_*} alias where OSes differ)
     */
    public String cName() {
        return cName;
    }

    /**
     * Whether this platform reads it, writes it, both, or neither, as its documentation and kernel say
     * (e.g. Linux: {@code SO_SNDLOWAT} get only, {@code IPV6_PKTINFO} set only, {@code IPV6_NEXTHOP} none).
     * A given socket may take less: {@code Socket.access(option)} asks the kernel.
     *
     * @return this platform's access
     */
    public Access access() {
        return here;
    }

    /**
     * Whether {@code os} reads it, writes it, both, or neither.
     *
     * @param os the os
     * @return whether {@code os} reads it, writes it, both, or neither
     */
    public Access access(Os os) {
        if (os == null) throw new NullPointerException("os is null");
        return byOs.getOrDefault(os, access);
    }

    /** A copy of this option that {@code oses} take with {@code access} instead (the table's per-platform rows). */
    SockOpt<T> on(Access access, Os... oses) {
        Map<Os, Access> map = new EnumMap<>(Os.class);
        map.putAll(byOs);
        for (Os os : oses) map.put(os, access);
        return new SockOpt<>(name, level, cName, type, this.access, Collections.unmodifiableMap(map), codec, valid,
                rule, sample, description);
    }

    /**
     * How its value crosses to C and back: the C type and the conversion.
     *
     * @return its codec
     */
    public Codec<T> codec() {
        return codec;
    }

    /**
     * What values it accepts, in words.
     *
     * @return what values it accepts, in words
     */
    public String rule() {
        return rule;
    }

    /**
     * A typical value, for a set/get round trip; null for get-only options.
     *
     * @return a typical value, or null for a get-only option
     */
    public T sample() {
        return sample;
    }

    /**
     * What it does, in one line.
     *
     * @return what it does, in one line
     */
    public String description() {
        return description;
    }

    /**
     * This platform's number for the option, or empty when its headers do not define it.
     *
     * @return this platform's number for the option, or empty when its headers do not define it
     */
    public OptionalInt nativeName() {
        OptionalInt n = nativeName; // racy but idempotent: every thread computes the same immutable value
        if (n == null) nativeName = n = NativeConstants.get(cName);
        return n;
    }

    /**
     * Whether this platform has the option: its headers define it and its kernel takes it in some way
     * ({@link #access()} is not {@link Access#NONE}). Whether a given socket takes it:
     * {@code Socket.supports(option)}.
     *
     * @return whether this platform has the option
     */
    public boolean isSupported() {
        return nativeName().isPresent() && level.nativeValue().isPresent() && access() != Access.NONE;
    }

    /**
     * Whether null is a value: for an interface index, null is "the system's choice" (index 0), which
     * getsockopt returns on a fresh socket, so setsockopt takes it back.
     *
     * @return whether null may be set
     */
    public boolean takesNull() {
        return codec.takesNull();
    }

    /**
     * Checks a value before any native call.
     *
     * @throws NullPointerException     if value is null and the option has no null value ({@link #takesNull()})
     * @throws IllegalArgumentException if the value is of the wrong type or outside {@link #rule()}, naming both
     * @param value the value
     */
    public void check(Object value) {
        if (value == null) {
            if (takesNull()) return;
            throw new NullPointerException(name + ": value is null");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " takes " + withArticle(type.getSimpleName()) + ", not "
                    + value.getClass().getSimpleName() + " " + show(value));
        }
        if (!valid.test(type.cast(value))) {
            throw new IllegalArgumentException(name + " must be " + rule + ": " + show(value));
        }
    }

    /**
     * A value as messages show it: an array by its length and contents, never its identity hash.
     *
     * @param value the value
     * @return the value as messages show it
     */
    public static String show(Object value) {
        return value instanceof byte[] b ? b.length + " bytes " + Arrays.toString(b) : String.valueOf(value);
    }

    /** {@code a} or {@code an} and the word, by how the word is spoken (an Integer, an IpMreq, a GroupReq). */
    static String withArticle(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    @Override
    public String toString() {
        return name;
    }
}
