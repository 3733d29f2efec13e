package org.sockets4j.option;

import java.net.SocketOption;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.sockets4j.internal.NativeConstants;

/**
 * One socket option of {@link SocketOptions}, typed: its level, its C name, the
 * Java type of its value, whether it can be read and written, the C type it
 * crosses as, the values it accepts, and a typical value (used by the
 * {@code options} command and the tests to show a round trip). Immutable; the
 * constants live in {@link SocketOptions}. Use with
 * {@code Socket.getOption}/{@code Socket.setOption}.
 *
 * @param <T> the value type
 */
public final class SockOpt<T> implements SocketOption<T> {

    private final String name;
    private final Level level;
    private final String cName;
    private final Class<T> type;
    private final Access access;
    private final Codec codec;
    private final Predicate<T> valid;
    private final String rule;
    private final T sample;
    private final String description;

    SockOpt(String name, Level level, String cName, Class<T> type, Access access, Codec codec, Predicate<T> valid,
            String rule, T sample, String description) {
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
    }

    /**
     * The option's C name, e.g. {@code SO_RCVBUF}; where the OSes spell it apart, the most common
     * spelling ({@link #cName()} names its row in the constants table).
     */
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
     * @return the level
     */
    public Level level() {
        return level;
    }

    /**
     * The name of its number in the native constants table (a portable {@code S4J_*} alias where OSes differ).
     *
     * @return the constants table's name
     */
    public String cName() {
        return cName;
    }

    /**
     * Whether it can be read, written, or both.
     *
     * @return the access
     */
    public Access access() {
        return access;
    }

    /**
     * The C type its value crosses as.
     *
     * @return the codec
     */
    public Codec codec() {
        return codec;
    }

    /**
     * What values it accepts, in words.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }

    /**
     * A typical value, for a set/get round trip; null for get-only options.
     *
     * @return a typical value, or null
     */
    public T sample() {
        return sample;
    }

    /**
     * What it does, in one line.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * This platform's number for the option, or empty when its headers do not define it.
     *
     * @return the number, or empty
     */
    public OptionalInt nativeName() {
        return NativeConstants.get(cName);
    }

    /**
     * Whether this platform defines the option (whether a given socket takes it shows when it is used).
     *
     * @return true when the platform defines it
     */
    public boolean isSupported() {
        return nativeName().isPresent() && level.nativeValue().isPresent();
    }

    /**
     * Checks a value before any native call.
     *
     * @param value the value
     * @throws NullPointerException     if value is null
     * @throws IllegalArgumentException if the value is of the wrong type or outside {@link #rule()}, naming both
     */
    public void check(Object value) {
        if (value == null) throw new NullPointerException(name + ": value is null");
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " takes a " + type.getSimpleName() + ", not "
                    + value.getClass().getSimpleName() + " " + value);
        }
        if (!valid.test(type.cast(value))) {
            throw new IllegalArgumentException(name + " must be " + rule + ": " + value);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
