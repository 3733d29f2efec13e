package org.sockets4j;

import java.util.OptionalInt;
import org.sockets4j.internal.NativeSocket;

/**
 * Address families ({@code AF_*}), the first argument of {@code socket()}.
 *
 * <p>Which ones exist depends on the platform and on the running kernel; ask
 * {@link #isSupported()}. On Linux {@link #ROUTE} is an alias of
 * {@link #NETLINK} (glibc defines {@code AF_ROUTE} as {@code AF_NETLINK}): a
 * routing socket there speaks rtnetlink, not the BSD routing-socket messages.
 */
public enum Family implements NativeConstant {
    /** IPv4 ({@code AF_INET}). */
    INET("AF_INET"),
    /** IPv6 ({@code AF_INET6}); also reaches IPv4 peers through IPv4-mapped addresses unless V6ONLY is set. */
    INET6("AF_INET6"),
    /** Unix domain ({@code AF_UNIX}, {@code AF_LOCAL}). */
    UNIX("AF_UNIX"),
    /** Routing sockets ({@code AF_ROUTE}). */
    ROUTE("AF_ROUTE"),
    /** Key management sockets, PF_KEY v2 ({@code AF_KEY}). */
    KEY("AF_KEY"),
    /** Link-layer packet sockets ({@code AF_PACKET}, Linux). */
    PACKET("AF_PACKET"),
    /** Netlink sockets ({@code AF_NETLINK}, Linux). */
    NETLINK("AF_NETLINK");

    private final String cName;
    private volatile int probed; // 0 unknown, 1 supported, 2 not

    Family(String cName) {
        this.cName = cName;
    }

    @Override
    public String cName() {
        return cName;
    }

    /**
     * Whether sockets of this family can be created here: the platform defines it
     * and the running kernel opens a socket of it of some type with protocol 0, or
     * refuses only for want of privilege (a family that needs root still counts).
     *
     * @return true when the platform and kernel have the family
     */
    public boolean isSupported() {
        int known = probed;
        if (known == 0) {
            OptionalInt value = nativeValue();
            known = value.isPresent() && NativeSocket.familySupported(value.getAsInt()) == 1 ? 1 : 2;
            probed = known;
        }
        return known == 1;
    }

    int requireNative() {
        if (!isSupported()) {
            throw Unsupported.feature("address family " + this + " (" + cName + ")");
        }
        return nativeValue().getAsInt();
    }
}
