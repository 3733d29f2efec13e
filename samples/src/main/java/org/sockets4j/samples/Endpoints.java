package org.sockets4j.samples;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import org.sockets4j.Family;

/**
 * Socket addresses for the samples: the wildcard address of a family, a host
 * name resolved to an address of the wanted family, and the short text the
 * samples print for an address ({@code 127.0.0.1:10086}, {@code [::1]:10086},
 * a Unix path).
 */
final class Endpoints {

    /** The samples' default port, the one the classic Winsock tutorial's client.cpp and serv.cpp use. */
    static final int DEFAULT_PORT = 10086;

    private Endpoints() {}

    /** {@code INADDR_ANY} or {@code in6addr_any} with {@code port}. */
    static InetSocketAddress wildcard(Family family, int port) {
        byte[] any = new byte[family == Family.INET6 ? 16 : 4];
        try {
            return new InetSocketAddress(InetAddress.getByAddress(any), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4 or 16 byte address is always valid", e);
        }
    }

    /**
     * The first address of {@code host} that suits {@code family}, or its first
     * address when {@code family} is null.
     *
     * @throws UnknownHostException if the name does not resolve, or has no address of that family
     */
    static InetSocketAddress resolve(String host, int port, Family family) throws UnknownHostException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host " + host);
        }
        for (InetAddress address : all) {
            if (family == null || familyOf(address) == family) {
                return new InetSocketAddress(address, port);
            }
        }
        throw new UnknownHostException(host + " has no " + (family == Family.INET6 ? "IPv6" : "IPv4") + " address");
    }

    /** {@link Family#INET} for an IPv4 address, {@link Family#INET6} for an IPv6 one. */
    static Family familyOf(InetAddress address) {
        return address instanceof Inet6Address ? Family.INET6 : Family.INET;
    }

    /** {@code 127.0.0.1:10086}, {@code [::1]:10086}, the path of a Unix address, or "unnamed". */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            InetAddress ip = inet.getAddress();
            String host = ip instanceof Inet6Address v6 ? "[" + text(v6) + "]" : ip.getHostAddress();
            return host + ":" + inet.getPort();
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            String path = unix.getPath().toString();
            return path.isEmpty() ? "unnamed" : path;
        }
        return String.valueOf(address);
    }

    /**
     * An IPv6 address in its short form (RFC 5952: lower case, no leading zeros,
     * the longest run of two or more zero groups as {@code ::}), with its scope;
     * the JDK's own text writes every group ({@code 0:0:0:0:0:0:0:1}).
     */
    static String text(Inet6Address ip) {
        byte[] bytes = ip.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < 8 && groups[end] == 0) end++;
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = end;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(groups[i]));
        }
        String full = ip.getHostAddress();
        int scope = full.indexOf('%');
        return scope < 0 ? text.toString() : text + full.substring(scope);
    }
}
