package org.sockets4j.option;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The checks the request records share, with messages naming the field. */
final class Requests {

    private Requests() {}

    static void multicast4(InetAddress group, String name) {
        multicast(group, name, true);
        if (!(group instanceof Inet4Address)) throw new IllegalArgumentException(name + " must be IPv4: " + group);
    }

    static void multicast(InetAddress group, String name, boolean eitherFamily) {
        if (group == null) throw new NullPointerException(name + " is null");
        if (!group.isMulticastAddress()) throw new IllegalArgumentException(name + " is not a multicast address: " + group);
        if (!eitherFamily && group instanceof Inet4Address) {
            throw new IllegalArgumentException(name + " must be IPv6: " + group);
        }
    }

    static void unicast(InetAddress address, String name, boolean required) {
        if (address == null) {
            if (required) throw new NullPointerException(name + " is null");
            return;
        }
        if (address.isMulticastAddress()) throw new IllegalArgumentException(name + " must not be multicast: " + address);
    }

    static void optional4(InetAddress address, String name) {
        if (address != null && !(address instanceof Inet4Address)) {
            throw new IllegalArgumentException(name + " must be IPv4: " + address);
        }
    }

    static void index(int interfaceIndex) {
        if (interfaceIndex < 0) throw new IllegalArgumentException("interfaceIndex must be >= 0: " + interfaceIndex);
    }
}
