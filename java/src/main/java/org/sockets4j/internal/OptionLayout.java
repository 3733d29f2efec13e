package org.sockets4j.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The address layout of address.h as option codecs need it: the per-thread slot a getsockopt writes an
 * address into, and fresh slots for the addresses of a setsockopt's struct. Implemented next to the layout's
 * Java reader and writer; the codecs that carry no address never touch it.
 */
public interface OptionLayout {

    /** The native address of this thread's output slot, for a getsockopt that returns an address. */
    long outSlot();

    /** The IP address in this thread's output slot, an IPv4-mapped IPv6 one as IPv4. */
    InetAddress outIp();

    /** The socket address in this thread's output slot. */
    InetSocketAddress outSocketAddress();

    /** Three slots of the layout for one setsockopt, for the structs that carry several addresses. */
    Slots slots();

    /** Slots of one setsockopt. */
    interface Slots {

        /** Writes ip into slot i, or leaves the slot AF_UNSPEC (zero) for null; returns its native address. */
        long ip(int i, InetAddress ip);

        /** Writes an IPv6 socket address into slot i; returns its native address. */
        long socketAddress(int i, InetSocketAddress address);
    }
}
