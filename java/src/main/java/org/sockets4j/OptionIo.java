package org.sockets4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.sockets4j.internal.NativeConstants;
import org.sockets4j.internal.NativeMemory;
import org.sockets4j.internal.NativeOption;
import org.sockets4j.internal.Scratch;
import org.sockets4j.option.GroupReq;
import org.sockets4j.option.GroupSourceReq;
import org.sockets4j.option.IpMreq;
import org.sockets4j.option.IpMreqSource;
import org.sockets4j.option.Ipv6Mreq;
import org.sockets4j.option.Ipv6PacketInfo;
import org.sockets4j.option.Linger;
import org.sockets4j.option.SockOpt;

/**
 * One getsockopt or setsockopt of a typed option: the value in and out of the
 * C type its codec names. Not a hot path, so it allocates freely. Results are
 * the native call's: 0 or a negative packed error, in {@link #result}.
 */
final class OptionIo {

    /** options.h's membership kinds, declared once, in C. */
    private static final int MREQ = NativeConstants.require("S4J_MREQ");
    private static final int MREQ_SOURCE = NativeConstants.require("S4J_MREQ_SOURCE");
    private static final int IPV6_MREQ = NativeConstants.require("S4J_IPV6_MREQ");
    private static final int GROUP_REQ = NativeConstants.require("S4J_GROUP_REQ");
    private static final int GROUP_SOURCE_REQ = NativeConstants.require("S4J_GROUP_SOURCE_REQ");

    private final long fd;
    private final int level;
    private final int name;
    int result;

    OptionIo(long fd, int level, int name) {
        this.fd = fd;
        this.level = level;
        this.name = name;
    }

    /** Three address slots of the layout, for the structs that carry several addresses. */
    private static final class Slots {
        final ByteBuffer memory = ByteBuffer.allocateDirect(3 * Scratch.ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        final long base = NativeMemory.address(memory);

        ByteBuffer slot(int i) {
            return memory.slice(i * Scratch.ADDRESS_SIZE, Scratch.ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        }

        long address(int i) {
            return base + (long) i * Scratch.ADDRESS_SIZE;
        }

        /** Writes ip into slot i, or leaves the slot AF_UNSPEC (zero) for null; returns its address. */
        long ip(int i, InetAddress ip) {
            if (ip != null) AddressCodec.writeIp(ip, slot(i));
            return address(i);
        }
    }

    Object get(SockOpt<?> option) throws SocketException {
        switch (option.codec()) {
            case FLAG, INT, SECONDS, IFINDEX -> {
                int[] v = new int[1];
                result = NativeOption.getInt(fd, level, name, v);
                return switch (option.codec()) {
                    case FLAG -> v[0] != 0;
                    case SECONDS -> Duration.ofSeconds(v[0]);
                    case IFINDEX -> v[0] == 0 ? null : NetworkInterface.getByIndex(v[0]);
                    default -> v[0];
                };
            }
            case LINGER -> {
                int[] v = new int[2];
                result = NativeOption.getLinger(fd, v);
                return result < 0 ? null : new Linger(v[0] != 0, Math.min(v[1], 65535));
            }
            case TIMEOUT -> {
                long[] v = new long[1];
                result = NativeOption.getTimeout(fd, name, v);
                return Duration.ofMillis(v[0]);
            }
            case BYTES -> {
                byte[] buf = new byte[256];
                result = NativeOption.getBytes(fd, level, name, buf);
                return result < 0 ? null : java.util.Arrays.copyOf(buf, result);
            }
            case IN_ADDR -> {
                Scratch scratch = Scratch.get();
                result = NativeOption.getMulticastIf4(fd, scratch.outAddress());
                return result < 0 ? null : ((InetSocketAddress) AddressCodec.read(scratch.out())).getAddress();
            }
            case SOCKADDR -> {
                Scratch scratch = Scratch.get();
                result = NativeOption.getSockaddr(fd, level, name, scratch.outAddress());
                return result < 0 ? null : AddressCodec.read(scratch.out());
            }
            case IN6_PKTINFO -> {
                Scratch scratch = Scratch.get();
                int[] index = new int[1];
                result = NativeOption.getPktinfo6(fd, name, scratch.outAddress(), index);
                if (result < 0) return null;
                InetAddress source = ((InetSocketAddress) AddressCodec.read(scratch.out())).getAddress();
                return new Ipv6PacketInfo(source instanceof java.net.Inet6Address ? source : mapped(source), index[0]);
            }
            case MTUINFO -> {
                int[] v = new int[1];
                result = NativeOption.getMtuinfo(fd, name, v);
                return v[0];
            }
            default -> throw new UnsupportedOperationException(option + " cannot be read: it is write only");
        }
    }

    void set(SockOpt<?> option, Object value) {
        switch (option.codec()) {
            case FLAG -> result = NativeOption.setInt(fd, level, name, (Boolean) value ? 1 : 0);
            case INT -> result = NativeOption.setInt(fd, level, name, (Integer) value);
            case SECONDS -> result = NativeOption.setInt(fd, level, name, (int) ceilSeconds((Duration) value));
            // null is what get returns for "the system's choice", index 0 to the kernel
            case IFINDEX -> result = NativeOption.setInt(fd, level, name,
                    value == null ? 0 : ((NetworkInterface) value).getIndex());
            case LINGER -> result = NativeOption.setLinger(fd, ((Linger) value).on(), ((Linger) value).seconds());
            case TIMEOUT -> result = NativeOption.setTimeout(fd, name, ceilMillis((Duration) value));
            case BYTES -> result = NativeOption.setBytes(fd, level, name, (byte[]) value, 0, ((byte[]) value).length);
            case IN_ADDR -> {
                Slots s = new Slots();
                result = NativeOption.setMulticastIf4(fd, s.ip(0, (InetAddress) value), 0);
            }
            case SOCKADDR -> {
                InetSocketAddress a = (InetSocketAddress) value;
                Slots s = new Slots();
                AddressCodec.write(a, Family.INET6, "value", s.slot(0));
                result = NativeOption.setSockaddr(fd, level, name, s.address(0));
            }
            case IN6_PKTINFO -> {
                Ipv6PacketInfo p = (Ipv6PacketInfo) value;
                Slots s = new Slots();
                result = NativeOption.setPktinfo6(fd, name, s.ip(0, p.source()), p.interfaceIndex());
            }
            case IP_MREQ -> {
                IpMreq m = (IpMreq) value;
                Slots s = new Slots();
                result = NativeOption.setMembership(fd, level, name, MREQ, s.ip(0, m.group()), 0L,
                        s.ip(2, m.interfaceAddress()), m.interfaceIndex());
            }
            case IP_MREQ_SOURCE -> {
                IpMreqSource m = (IpMreqSource) value;
                Slots s = new Slots();
                result = NativeOption.setMembership(fd, level, name, MREQ_SOURCE, s.ip(0, m.group()),
                        s.ip(1, m.source()), s.ip(2, m.interfaceAddress()), 0);
            }
            case IPV6_MREQ -> {
                Ipv6Mreq m = (Ipv6Mreq) value;
                Slots s = new Slots();
                result = NativeOption.setMembership(fd, level, name, IPV6_MREQ, s.ip(0, m.group()), 0L, 0L,
                        m.interfaceIndex());
            }
            case GROUP_REQ -> {
                GroupReq g = (GroupReq) value;
                Slots s = new Slots();
                result = NativeOption.setMembership(fd, level, name, GROUP_REQ, s.ip(0, g.group()), 0L, 0L,
                        g.interfaceIndex());
            }
            case GROUP_SOURCE_REQ -> {
                GroupSourceReq g = (GroupSourceReq) value;
                Slots s = new Slots();
                result = NativeOption.setMembership(fd, level, name, GROUP_SOURCE_REQ, s.ip(0, g.group()),
                        s.ip(1, g.source()), 0L, g.interfaceIndex());
            }
            default -> throw new UnsupportedOperationException(option + " cannot be set: it is read only");
        }
    }

    /**
     * Whole milliseconds, rounded up: 0.5 ms must not become 0, which the kernel takes as "no timeout".
     * The option's rule has bounded the duration, so nothing here overflows.
     */
    static long ceilMillis(Duration d) {
        long millis = d.getSeconds() * 1000 + d.getNano() / 1_000_000;
        return d.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /** Whole seconds, rounded up, for the same reason; bounded by the option's rule. */
    static long ceilSeconds(Duration d) {
        return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
    }

    /** An IPv4 address as its IPv4-mapped IPv6 form (the layout reader turns mapped ones into IPv4). */
    private static InetAddress mapped(InetAddress v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xff;
        a[11] = (byte) 0xff;
        System.arraycopy(v4.getAddress(), 0, a, 12, 4);
        try {
            return java.net.Inet6Address.getByAddress(null, a, 0);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
