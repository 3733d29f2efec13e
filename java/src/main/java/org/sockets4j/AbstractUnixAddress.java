package org.sockets4j;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.sockets4j.internal.NativeConstants;

/**
 * A name in Linux's abstract Unix-domain namespace: bytes that name a socket
 * without a file, gone when the last socket bound to it closes. The JDK's
 * {@link java.net.UnixDomainSocketAddress} holds paths only, so a {@code UNIX}
 * socket reports an abstract peer, local name or sender with this type, and
 * takes it wherever it takes an address ({@code bind}, {@code connect},
 * {@code sendTo}).
 *
 * <p>The name is any sequence of bytes, NULs included, of at most
 * {@link #MAX_LENGTH}; it excludes the leading NUL that marks the namespace in
 * the kernel's {@code sun_path}. Where the namespace does not exist
 * ({@link #isSupported()} is false), a socket refuses it with
 * {@link UnsupportedOperationException}.
 */
public final class AbstractUnixAddress extends SocketAddress {

    private static final long serialVersionUID = 1L;

    /** The longest name, in bytes: {@code sun_path} less its leading NUL. */
    public static final int MAX_LENGTH = NativeConstants.require("S4J_UNIX_PATH_MAX");

    private static final boolean SUPPORTED = NativeConstants.require("S4J_UNIX_ABSTRACT") != 0;

    /** The name's bytes, without the leading NUL. */
    private final byte[] name;

    private AbstractUnixAddress(byte[] name) {
        this.name = name;
    }

    /**
     * The name's bytes (a copy).
     *
     * @param name the name, at most {@link #MAX_LENGTH} bytes
     * @return the address
     */
    public static AbstractUnixAddress of(byte[] name) {
        Args.notNull(name, "name");
        if (name.length > MAX_LENGTH) {
            throw new IllegalArgumentException("name is " + name.length + " bytes; at most " + MAX_LENGTH + " fit");
        }
        return new AbstractUnixAddress(name.clone());
    }

    /**
     * The name as UTF-8 bytes.
     *
     * @param name the name; its UTF-8 form at most {@link #MAX_LENGTH} bytes
     * @return the address
     */
    public static AbstractUnixAddress of(String name) {
        return of(Args.notNull(name, "name").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether this platform has the abstract namespace (Linux).
     *
     * @return true where the abstract namespace exists
     */
    public static boolean isSupported() {
        return SUPPORTED;
    }

    /**
     * The name's bytes, without the leading NUL (a copy).
     *
     * @return the name's bytes
     */
    public byte[] name() {
        return name.clone();
    }

    byte[] bytes() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbstractUnixAddress other && Arrays.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(name);
    }

    /** {@code @} and the name, as {@code ss} shows it: as text where it is printable ASCII, else in hex. */
    @Override
    public String toString() {
        for (byte b : name) {
            if (b < 0x20 || b > 0x7e) return "@0x" + HexFormat.of().formatHex(name);
        }
        return "@" + new String(name, StandardCharsets.US_ASCII);
    }
}
