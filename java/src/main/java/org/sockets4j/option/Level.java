package org.sockets4j.option;

import java.util.OptionalInt;
import org.sockets4j.Family;
import org.sockets4j.NativeConstant;

/** The level of a socket option: the protocol layer that owns it. */
public enum Level implements NativeConstant {
    /** The socket itself ({@code SOL_SOCKET}). */
    SOCKET("SOL_SOCKET"),
    /** IPv4 ({@code IPPROTO_IP}). */
    IP("IPPROTO_IP"),
    /** IPv6 ({@code IPPROTO_IPV6}). */
    IPV6("IPPROTO_IPV6"),
    /** TCP ({@code IPPROTO_TCP}). */
    TCP("IPPROTO_TCP"),
    /**
     * {@code IPPROTO_IP} on an INET socket, {@code IPPROTO_IPV6} on an INET6 one:
     * the protocol-independent {@code MCAST_*} options of RFC 3678.
     */
    IP_BY_FAMILY("IPPROTO_IP");

    private final String cName;
    /** The number, looked up once: getOption and setOption resolve the level on every call. */
    private OptionalInt value;

    Level(String cName) {
        this.cName = cName;
    }

    @Override
    public String cName() {
        return cName;
    }

    @Override
    public OptionalInt nativeValue() {
        OptionalInt v = value; // racy but idempotent: every thread computes the same immutable value
        if (v == null) value = v = NativeConstant.super.nativeValue();
        return v;
    }

    /**
     * This level's number for a socket of {@code family} ({@link #IP_BY_FAMILY} depends on it).
     *
     * @param family the socket's family
     * @return the number, or empty where the platform lacks the level
     */
    public OptionalInt nativeValue(Family family) {
        return this == IP_BY_FAMILY && family == Family.INET6 ? IPV6.nativeValue() : nativeValue();
    }
}
