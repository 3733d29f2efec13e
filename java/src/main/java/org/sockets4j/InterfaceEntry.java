package org.sockets4j;

import java.net.InetAddress;

/**
 * One row of the interface list that {@code SIOCGIFCONF} gives: an interface's
 * name and one IPv4 address of it (an interface with several has a row for each).
 *
 * @param name    the interface's name, e.g. {@code lo}, {@code eth0}
 * @param address one of its IPv4 addresses
 */
public record InterfaceEntry(String name, InetAddress address) {}
