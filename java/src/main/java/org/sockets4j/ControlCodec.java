package org.sockets4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.sockets4j.internal.NativeConstants;

/**
 * {@link ControlMessage}s <-> the portable records of message.h. The records' layouts
 * (header, {@code s4j_cmsg_ip_pktinfo}, ...) are C structs: their sizes and field
 * offsets come from the constants table when this class loads, never written here.
 */
final class ControlCodec {

    private static final int HEADER = NativeConstants.require("S4J_CMSG_HEADER");
    private static final int HEADER_KIND = NativeConstants.require("S4J_CMSG_HEADER_KIND");
    private static final int HEADER_LEVEL = NativeConstants.require("S4J_CMSG_HEADER_LEVEL");
    private static final int HEADER_TYPE = NativeConstants.require("S4J_CMSG_HEADER_TYPE");
    private static final int HEADER_LENGTH = NativeConstants.require("S4J_CMSG_HEADER_LENGTH");
    // message.h's record kinds: this library's own numbers, declared once, in C
    private static final int RAW = NativeConstants.require("S4J_CMSG_RAW");
    private static final int IP_PKTINFO = NativeConstants.require("S4J_CMSG_IP_PKTINFO");
    private static final int IP_TTL = NativeConstants.require("S4J_CMSG_IP_TTL");
    private static final int IP_TOS = NativeConstants.require("S4J_CMSG_IP_TOS");
    private static final int IPV6_PKTINFO = NativeConstants.require("S4J_CMSG_IPV6_PKTINFO");
    private static final int IPV6_HOPLIMIT = NativeConstants.require("S4J_CMSG_IPV6_HOPLIMIT");
    private static final int IPV6_TCLASS = NativeConstants.require("S4J_CMSG_IPV6_TCLASS");
    private static final int IPV6_PATHMTU = NativeConstants.require("S4J_CMSG_IPV6_PATHMTU");
    // the data of each kind: message.h's structs
    private static final int IP_PKTINFO_SIZE = NativeConstants.require("S4J_CMSG_IP_PKTINFO_SIZE");
    private static final int IP_PKTINFO_IFINDEX = NativeConstants.require("S4J_CMSG_IP_PKTINFO_IFINDEX");
    private static final int IP_PKTINFO_DESTINATION = NativeConstants.require("S4J_CMSG_IP_PKTINFO_DESTINATION");
    private static final int IP_PKTINFO_LOCAL = NativeConstants.require("S4J_CMSG_IP_PKTINFO_LOCAL");
    private static final int INT_SIZE = NativeConstants.require("S4J_CMSG_INT_SIZE");
    private static final int INT_VALUE = NativeConstants.require("S4J_CMSG_INT_VALUE");
    private static final int IPV6_PKTINFO_SIZE = NativeConstants.require("S4J_CMSG_IPV6_PKTINFO_SIZE");
    private static final int IPV6_PKTINFO_IFINDEX = NativeConstants.require("S4J_CMSG_IPV6_PKTINFO_IFINDEX");
    private static final int IPV6_PKTINFO_ADDRESS = NativeConstants.require("S4J_CMSG_IPV6_PKTINFO_ADDRESS");
    private static final int IPV6_PATHMTU_SIZE = NativeConstants.require("S4J_CMSG_IPV6_PATHMTU_SIZE");
    private static final int IPV6_PATHMTU_MTU = NativeConstants.require("S4J_CMSG_IPV6_PATHMTU_MTU");
    private static final int IPV6_PATHMTU_DESTINATION = NativeConstants.require("S4J_CMSG_IPV6_PATHMTU_DESTINATION");
    private static final int ADDRESS_SIZE = NativeConstants.require("S4J_ADDRESS_SIZE");
    /** message.h's output flags. */
    static final int OUT_TRUNC = NativeConstants.require("S4J_MSG_OUT_TRUNC");
    static final int OUT_CTRUNC = NativeConstants.require("S4J_MSG_OUT_CTRUNC");

    private ControlCodec() {}

    /** The records of {@code control} for a socket of {@code family}. */
    static byte[] encode(List<? extends ControlMessage> control, Family family) {
        ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
        boolean six = family == Family.INET6;
        for (ControlMessage m : control) {
            if (m == null) throw new NullPointerException("control contains null");
            if (m instanceof ControlMessage.PacketInfo p) {
                if (p.destination() != null) {
                    throw new IllegalArgumentException("control: a PacketInfo to send names a source, not a destination");
                }
                InetAddress local = p.local();
                if (six) {
                    ByteBuffer d = data(IPV6_PKTINFO_SIZE).putInt(IPV6_PKTINFO_IFINDEX, p.interfaceIndex());
                    if (local != null) d.put(IPV6_PKTINFO_ADDRESS, sixteen(local));
                    record(out, IPV6_PKTINFO, 0, 0, d.array());
                } else {
                    if (local != null && local.getAddress().length != 4) {
                        throw new IllegalArgumentException("control: an INET socket sends from an IPv4 address: " + local);
                    }
                    ByteBuffer d = data(IP_PKTINFO_SIZE).putInt(IP_PKTINFO_IFINDEX, p.interfaceIndex());
                    if (local != null) d.put(IP_PKTINFO_LOCAL, local.getAddress());
                    record(out, IP_PKTINFO, 0, 0, d.array());
                }
            } else if (m instanceof ControlMessage.HopLimit h) {
                record(out, six ? IPV6_HOPLIMIT : IP_TTL, 0, 0, i32(h.value()));
            } else if (m instanceof ControlMessage.TrafficClass t) {
                record(out, six ? IPV6_TCLASS : IP_TOS, 0, 0, i32(t.value()));
            } else if (m instanceof ControlMessage.Raw r) {
                record(out, RAW, r.level(), r.type(), r.data());
            } else {
                throw new IllegalArgumentException("control: " + m.getClass().getSimpleName() + " is received only");
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** The messages in {@code length} bytes of records; PacketInfo halves (BSD) are merged. */
    static List<ControlMessage> decode(byte[] records, int length) {
        ByteBuffer in = ByteBuffer.wrap(records, 0, length).order(ByteOrder.nativeOrder());
        List<ControlMessage> out = new ArrayList<>();
        while (in.remaining() >= HEADER) {
            int at = in.position();
            int kind = in.getInt(at + HEADER_KIND), level = in.getInt(at + HEADER_LEVEL);
            int type = in.getInt(at + HEADER_TYPE), len = in.getInt(at + HEADER_LENGTH);
            byte[] data = new byte[len];
            in.position(at + HEADER).get(data);
            in.position(Math.min(in.limit(), in.position() + ((4 - len % 4) % 4)));
            ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
            ControlMessage m;
            if (kind == IP_PKTINFO) {
                int index = d.getInt(IP_PKTINFO_IFINDEX);
                byte[] dst = new byte[4], local = new byte[4];
                d.get(IP_PKTINFO_DESTINATION, dst).get(IP_PKTINFO_LOCAL, local);
                m = new ControlMessage.PacketInfo(zero(dst) ? null : ip(dst), zero(local) ? null : ip(local), index);
            } else if (kind == IP_TTL || kind == IPV6_HOPLIMIT) {
                m = new ControlMessage.HopLimit(d.getInt(INT_VALUE) & 0xff);
            } else if (kind == IP_TOS || kind == IPV6_TCLASS) {
                m = new ControlMessage.TrafficClass(d.getInt(INT_VALUE) & 0xff);
            } else if (kind == IPV6_PKTINFO) {
                int index = d.getInt(IPV6_PKTINFO_IFINDEX);
                byte[] a = new byte[16];
                d.get(IPV6_PKTINFO_ADDRESS, a);
                m = new ControlMessage.PacketInfo(ip(a), null, index);
            } else if (kind == IPV6_PATHMTU) {
                int mtu = d.getInt(IPV6_PATHMTU_MTU);
                ByteBuffer slot = ByteBuffer.allocateDirect(ADDRESS_SIZE).order(ByteOrder.nativeOrder());
                slot.put(0, data, IPV6_PATHMTU_DESTINATION,
                        Math.min(ADDRESS_SIZE, data.length - IPV6_PATHMTU_DESTINATION));
                m = new ControlMessage.PathMtu((InetSocketAddress) AddressCodec.read(slot), mtu);
            } else {
                m = new ControlMessage.Raw(level, type, data);
            }
            merge(out, m);
        }
        return List.copyOf(out);
    }

    /** BSD reports destination (IP_RECVDSTADDR) and interface (IP_RECVIF) apart: one PacketInfo in Java. */
    private static void merge(List<ControlMessage> out, ControlMessage m) {
        if (m instanceof ControlMessage.PacketInfo p && !out.isEmpty()
                && out.get(out.size() - 1) instanceof ControlMessage.PacketInfo q
                && (q.destination() == null || p.destination() == null)) {
            out.set(out.size() - 1, new ControlMessage.PacketInfo(
                    q.destination() != null ? q.destination() : p.destination(),
                    q.local() != null ? q.local() : p.local(),
                    q.interfaceIndex() != 0 ? q.interfaceIndex() : p.interfaceIndex()));
            return;
        }
        out.add(m);
    }

    private static void record(ByteBuffer out, int kind, int level, int type, byte[] data) {
        ensure(out, HEADER + data.length + 3);
        int at = out.position();
        out.putInt(at + HEADER_KIND, kind).putInt(at + HEADER_LEVEL, level).putInt(at + HEADER_TYPE, type)
                .putInt(at + HEADER_LENGTH, data.length);
        out.position(at + HEADER).put(data);
        pad(out);
    }

    /** Zeroed room for one record's data, in the native order C reads it in. */
    private static ByteBuffer data(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static void ensure(ByteBuffer out, int bytes) {
        if (out.remaining() < bytes) throw new IllegalArgumentException("control: more than 4096 bytes of ancillary data");
    }

    private static void pad(ByteBuffer out) {
        while (out.position() % 4 != 0) out.put((byte) 0);
    }

    private static byte[] i32(int v) {
        return data(INT_SIZE).putInt(INT_VALUE, v).array();
    }

    private static byte[] sixteen(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) return b;
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(b, 0, mapped, 12, 4);
        return mapped;
    }

    private static boolean zero(byte[] a) {
        for (byte b : a) if (b != 0) return false;
        return true;
    }

    private static InetAddress ip(byte[] a) {
        try {
            return InetAddress.getByAddress(a); // no scope: ::1, not ::1%0; IPv4-mapped reads as IPv4, as elsewhere
        } catch (UnknownHostException e) {
            throw new IllegalStateException("native layer returned a malformed address", e);
        }
    }
}
