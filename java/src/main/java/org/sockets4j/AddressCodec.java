package org.sockets4j;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sockets4j.internal.NativeConstants;

/**
 * JDK socket addresses <-> the 128-byte layout of address.h, and the check that
 * an address suits a socket's family. Family codes and sizes come from C.
 */
final class AddressCodec {

    private static final int AF_UNSPEC = NativeConstants.require("S4J_AF_UNSPEC");
    private static final int AF_INET = NativeConstants.require("S4J_AF_INET");
    private static final int AF_INET6 = NativeConstants.require("S4J_AF_INET6");
    private static final int AF_UNIX = NativeConstants.require("S4J_AF_UNIX");
    private static final int UNIX_PATH_MAX = NativeConstants.require("S4J_UNIX_PATH_MAX");
    private static final Charset PATH_CHARSET = pathCharset();

    private static final int FAMILY = 0;
    private static final int PORT = 2;
    private static final int FLOWINFO = 4;
    private static final int SCOPE_ID = 8;
    private static final int LENGTH = 12;
    private static final int DATA = 16;

    private AddressCodec() {}

    /**
     * Checks that {@code address} suits a socket of {@code family} and writes it
     * into {@code slot}. {@code argument} names the caller's parameter in messages.
     */
    static void write(SocketAddress address, Family family, String argument, ByteBuffer slot) {
        if (address == null) throw new NullPointerException(argument + " is null");
        switch (family) {
            case INET, INET6 -> writeInet(inet(address, family, argument), family, argument, slot);
            case UNIX -> {
                if (address instanceof AbstractUnixAddress name) writeAbstract(name, argument, slot);
                else writeUnix(unix(address, argument), argument, slot);
            }
            default -> throw Unsupported.feature("socket addresses of family " + family);
        }
    }

    private static InetSocketAddress inet(SocketAddress address, Family family, String argument) {
        if (!(address instanceof InetSocketAddress inet)) {
            throw new IllegalArgumentException(argument + " must be an InetSocketAddress on " + withArticle(family) + " socket, not "
                    + address.getClass().getSimpleName() + " " + address);
        }
        if (inet.isUnresolved()) {
            throw new IllegalArgumentException(argument + " is unresolved: " + inet);
        }
        return inet;
    }

    /** "an INET", "an INET6", "a UNIX": by how the name is spoken. */
    private static String withArticle(Family family) {
        return ("AEIOU".indexOf(family.name().charAt(0)) >= 0 ? "an " : "a ") + family;
    }

    private static UnixDomainSocketAddress unix(SocketAddress address, String argument) {
        if (!(address instanceof UnixDomainSocketAddress unix)) {
            throw new IllegalArgumentException(argument + " must be a UnixDomainSocketAddress or an AbstractUnixAddress"
                    + " on a UNIX socket, not "
                    + address.getClass().getSimpleName() + " " + address);
        }
        return unix;
    }

    private static void writeInet(InetSocketAddress inet, Family family, String argument, ByteBuffer slot) {
        InetAddress ip = inet.getAddress();
        clear(slot);
        slot.putShort(PORT, (short) inet.getPort());
        if (family == Family.INET) {
            if (!(ip instanceof Inet4Address)) {
                throw new IllegalArgumentException(argument + " is an IPv6 address, which an INET socket cannot use: " + inet);
            }
            slot.put(FAMILY, (byte) AF_INET);
            slot.putShort(LENGTH, (short) 4);
            slot.put(DATA, ip.getAddress());
            return;
        }
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet4Address) {
            // An INET6 socket reaches IPv4 peers through IPv4-mapped addresses (::ffff:a.b.c.d).
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        } else {
            slot.putInt(SCOPE_ID, ((Inet6Address) ip).getScopeId());
        }
        slot.put(FAMILY, (byte) AF_INET6);
        slot.putShort(LENGTH, (short) 16);
        slot.put(DATA, bytes);
    }

    /**
     * The family an address belongs to by its own type, for memory written before any socket is known
     * (a {@link DatagramBatch}): an IPv4 address is INET, an IPv6 one INET6, a Unix one UNIX.
     */
    static Family familyOf(SocketAddress address, String argument) {
        if (address == null) throw new NullPointerException(argument + " is null");
        if (address instanceof InetSocketAddress inet) {
            if (inet.isUnresolved()) throw new IllegalArgumentException(argument + " is unresolved: " + inet);
            return inet.getAddress() instanceof Inet4Address ? Family.INET : Family.INET6;
        }
        if (address instanceof UnixDomainSocketAddress || address instanceof AbstractUnixAddress) return Family.UNIX;
        throw new IllegalArgumentException(argument + " must be an InetSocketAddress, a UnixDomainSocketAddress or an"
                + " AbstractUnixAddress, not " + address.getClass().getSimpleName() + " " + address);
    }

    /**
     * Makes the address in {@code slot}, written by {@link #write} for its own family, one a socket of
     * {@code family} can use: an IPv4 address becomes its IPv4-mapped form for an INET6 socket, as
     * {@link #write} does; any other mismatch is refused, naming {@code argument}.
     */
    static void fit(ByteBuffer slot, Family family, String argument) {
        int code = slot.get(FAMILY);
        if (family == Family.INET6 && code == AF_INET) {
            int v4 = slot.getInt(DATA);
            slot.putLong(DATA, 0L);
            slot.putInt(DATA + 8, 0);
            slot.putShort(DATA + 10, (short) 0xffff);
            slot.putInt(DATA + 12, v4);
            slot.put(FAMILY, (byte) AF_INET6);
            slot.putShort(LENGTH, (short) 16);
            return;
        }
        int wanted = switch (family) {
            case INET -> AF_INET;
            case INET6 -> AF_INET6;
            case UNIX -> AF_UNIX;
            default -> -1;
        };
        if (code != wanted) {
            throw new IllegalArgumentException(argument + " is " + (code == AF_INET ? "an IPv4" : code == AF_INET6
                    ? "an IPv6" : code == AF_UNIX ? "a Unix" : "no") + " address, which " + withArticle(family)
                    + " socket cannot use");
        }
    }

    /** Writes an IP address (port 0) in its own family, for option structs that carry bare addresses. */
    static void writeIp(InetAddress ip, ByteBuffer slot) {
        clear(slot);
        byte[] bytes = ip.getAddress();
        slot.put(FAMILY, (byte) (bytes.length == 4 ? AF_INET : AF_INET6));
        if (ip instanceof Inet6Address six) slot.putInt(SCOPE_ID, six.getScopeId());
        slot.putShort(LENGTH, (short) bytes.length);
        slot.put(DATA, bytes);
    }

    private static void writeUnix(UnixDomainSocketAddress unix, String argument, ByteBuffer slot) {
        byte[] path = unix.getPath().toString().getBytes(PATH_CHARSET);
        if (path.length > UNIX_PATH_MAX) {
            throw new IllegalArgumentException(argument + " path is " + path.length + " bytes; this platform allows "
                    + UNIX_PATH_MAX + ": " + unix.getPath());
        }
        clear(slot);
        slot.put(FAMILY, (byte) AF_UNIX);
        slot.putShort(LENGTH, (short) path.length);
        slot.put(DATA, path);
    }

    private static void writeAbstract(AbstractUnixAddress name, String argument, ByteBuffer slot) {
        if (!AbstractUnixAddress.isSupported()) {
            throw Unsupported.feature("the abstract Unix namespace (" + argument + " " + name + ")");
        }
        byte[] bytes = name.bytes();
        clear(slot);
        slot.put(FAMILY, (byte) AF_UNIX);
        slot.putShort(LENGTH, (short) (bytes.length + 1)); // the leading NUL counts, as in sun_path
        slot.put(DATA, (byte) 0);
        slot.put(DATA + 1, bytes);
    }

    private static void clear(ByteBuffer slot) {
        for (int i = 0; i < DATA; i += 8) {
            slot.putLong(i, 0L);
        }
    }

    /** The address C wrote into {@code slot}; null for AF_UNSPEC (no address). */
    static SocketAddress read(ByteBuffer slot) {
        int family = slot.get(FAMILY);
        int port = slot.getShort(PORT) & 0xffff;
        int length = slot.getShort(LENGTH) & 0xffff;
        byte[] data = new byte[Math.min(length, slot.capacity() - DATA)];
        slot.get(DATA, data);
        try {
            if (family == AF_INET) {
                return new InetSocketAddress(InetAddress.getByAddress(data), port);
            }
            if (family == AF_INET6) {
                int scope = slot.getInt(SCOPE_ID);
                // InetAddress.getByAddress turns IPv4-mapped into Inet4Address, as the JDK's own sockets report them.
                InetAddress ip = scope != 0 && !isV4Mapped(data)
                        ? Inet6Address.getByAddress(null, data, scope)
                        : InetAddress.getByAddress(data);
                return new InetSocketAddress(ip, port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("native layer returned a malformed address of " + length + " bytes", e);
        }
        if (family == AF_UNIX) {
            if (data.length > 0 && data[0] == 0) return AbstractUnixAddress.of(Arrays.copyOfRange(data, 1, data.length));
            return UnixDomainSocketAddress.of(new String(data, PATH_CHARSET));
        }
        if (family == AF_UNSPEC) {
            return null;
        }
        throw new IllegalStateException("native layer returned address family code " + family);
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) return false;
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static Charset pathCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
