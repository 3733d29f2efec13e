package org.sockets4j;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.sockets4j.internal.NativeConstants;

/**
 * The third argument of {@code socket()}: a protocol number, with constants for
 * the IP protocols this library's sockets are commonly opened with. Any other
 * number can be had with {@link #of(int)}.
 * Immutable; equal when name and number are.
 */
public final class Protocol {

    /** The family's and type's default protocol (0). */
    public static final Protocol DEFAULT = new Protocol("0", 0, true);
    /** TCP ({@code IPPROTO_TCP}). */
    public static final Protocol TCP = named("IPPROTO_TCP");
    /** UDP ({@code IPPROTO_UDP}). */
    public static final Protocol UDP = named("IPPROTO_UDP");
    /** SCTP ({@code IPPROTO_SCTP}). */
    public static final Protocol SCTP = named("IPPROTO_SCTP");
    /** ICMP ({@code IPPROTO_ICMP}), for raw ping sockets. */
    public static final Protocol ICMP = named("IPPROTO_ICMP");
    /** ICMPv6 ({@code IPPROTO_ICMPV6}). */
    public static final Protocol ICMPV6 = named("IPPROTO_ICMPV6");
    /** Raw IP ({@code IPPROTO_RAW}): the application writes whole IP headers. */
    public static final Protocol RAW = named("IPPROTO_RAW");

    private static final List<Protocol> NAMED = List.of(TCP, UDP, SCTP, ICMP, ICMPV6, RAW);

    private final String name;
    private final int number;
    private final boolean supported;

    private Protocol(String name, int number, boolean supported) {
        this.name = name;
        this.number = number;
        this.supported = supported;
    }

    /**
     * The protocol with this number, 0 to 255 (the width of the IP header's
     * protocol field): one of the named constants when one matches.
     *
     * @param number the protocol number
     * @return the protocol
     * @throws IllegalArgumentException if {@code number} is outside 0..255
     */
    public static Protocol of(int number) {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("protocol number must be 0..255: " + number);
        }
        if (number == 0) return DEFAULT;
        for (Protocol p : NAMED) {
            if (p.supported && p.number == number) return p;
        }
        return new Protocol(Integer.toString(number), number, true);
    }

    /**
     * The C name ({@code IPPROTO_TCP}), or the number in decimal for a protocol without a name here.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The protocol number; meaningless when {@link #isSupported()} is false.
     *
     * @return the number
     */
    public int number() {
        return number;
    }

    /**
     * Whether the platform's headers define this protocol (always true for a number given to {@link #of}).
     *
     * @return true when this platform has the protocol
     */
    public boolean isSupported() {
        return supported;
    }

    int requireNative() {
        if (!supported) throw Unsupported.feature("protocol " + name);
        return number;
    }

    private static Protocol named(String cName) {
        OptionalInt value = NativeConstants.get(cName);
        return new Protocol(cName, value.orElse(-1), value.isPresent());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Protocol p && p.number == number && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, number);
    }

    @Override
    public String toString() {
        return name.equals(Integer.toString(number)) ? name : name + "(" + number + ")";
    }
}
