package org.sockets4j.option;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.sockets4j.internal.NativeConstants;
import org.sockets4j.internal.NativeOption;
import org.sockets4j.internal.OptionFailure;
import org.sockets4j.internal.OptionLayout;

/**
 * How an option's value of type {@code T} crosses to C and back: the C type (one native conversion per C type,
 * options.h) and the mapping between that C type and {@code T}. Each {@link SockOpt} holds its codec, so
 * {@code Socket.getOption}/{@code setOption} call it without knowing the option; an option of an existing C type
 * is one declaration in {@link SocketOptions} naming one of the constants below, and a new C type is one record
 * here plus one C conversion. The read and write methods are the library's own (their layout and failure types
 * are internal); applications use {@link #cType()}.
 *
 * @param <T> the Java type of the value
 */
@SuppressWarnings("exports") // get/set name internal types: only the library calls them
public sealed interface Codec<T> {

    /**
     * The C type the value crosses as.
     *
     * @return its name, e.g. {@code struct linger}
     */
    String cType();

    /**
     * getsockopt of the option at {@code level}/{@code name} of {@code handle}, as {@code T}.
     *
     * @param handle the socket's handle
     * @param level  the option's level number
     * @param name   the option's number
     * @param layout the library's address slots, for struct values
     * @return the value
     * @throws OptionFailure if the kernel refuses (its negative result)
     * @throws IOException   if the value cannot be turned into {@code T}
     */
    T get(long handle, int level, int name, OptionLayout layout) throws OptionFailure, IOException;

    /**
     * setsockopt of {@code value}, already checked against the option's rule.
     *
     * @param handle the socket's handle
     * @param level  the option's level number
     * @param name   the option's number
     * @param value  the value
     * @param layout the library's address slots, for struct values
     * @throws OptionFailure if the kernel refuses (its negative result)
     */
    void set(long handle, int level, int name, T value, OptionLayout layout) throws OptionFailure;

    /**
     * Whether setting back the value just read cannot change the socket (no rounding, no doubling, no pinning a
     * default): what lets {@code Socket.access} ask the kernel about setting the option without side effects.
     *
     * @return true when a set of the value just read changes nothing
     */
    default boolean setsBackUnchanged() {
        return false;
    }

    /**
     * Whether the C type is a struct whose length every kernel checks before acting (a 1-byte value is refused).
     *
     * @return true for such a struct
     */
    default boolean lengthChecked() {
        return false;
    }

    /**
     * Whether null is a value (an interface index's "the system's choice").
     *
     * @return true when null may be set
     */
    default boolean takesNull() {
        return false;
    }

    // ---- the codecs ------------------------------------------------------------------------------------------------

    /** {@code int} 0/1 (a 1-byte BOOL on Windows), as {@link Boolean}. */
    Codec<Boolean> FLAG = new OfInt<>("int (flag)", v -> v != 0, b -> b ? 1 : 0, true, false);
    /** {@code int} ({@code DWORD} on Windows), as {@link Integer}. */
    Codec<Integer> INT = new OfInt<>("int", v -> v, v -> v, false, false);
    /** {@code int} seconds, as {@link Duration} (keepalive timing), rounded up to whole seconds when set. */
    Codec<Duration> SECONDS = new OfInt<>("int (seconds)", Duration::ofSeconds, d -> (int) ceilSeconds(d), true,
            false);
    /** {@code u_int} interface index, as {@link NetworkInterface} (null: the system's choice, index 0). */
    Codec<NetworkInterface> IFINDEX = new OfInt<>("u_int (ifindex)", v -> v == 0 ? null : NetworkInterface.getByIndex(v),
            n -> n == null ? 0 : n.getIndex(), true, true);
    /** {@code struct linger} in seconds (macOS: {@code SO_LINGER_SEC}; Windows: u_short fields), as {@link Linger}. */
    Codec<Linger> LINGER = new LingerStruct("struct linger");
    /** {@code struct timeval} ({@code DWORD} milliseconds on Windows), as {@link Duration}, rounded up to ms. */
    Codec<Duration> TIMEOUT = new Timeval("struct timeval");
    /** Raw bytes, as {@code byte[]}. */
    Codec<byte[]> BYTES = new Bytes("bytes");
    /** {@code struct in_addr}, as {@link InetAddress} (0.0.0.0: the system's choice). */
    Codec<InetAddress> IN_ADDR = new InAddr("struct in_addr");
    /** {@code struct sockaddr_in6}, as {@link InetSocketAddress}. */
    Codec<InetSocketAddress> SOCKADDR = new SockaddrIn6("struct sockaddr_in6");
    /** {@code struct in6_pktinfo}, as {@link Ipv6PacketInfo}. */
    Codec<Ipv6PacketInfo> IN6_PKTINFO = new In6Pktinfo("struct in6_pktinfo");
    /** {@code struct ip6_mtuinfo}'s MTU, as {@link Integer}. */
    Codec<Integer> MTUINFO = new Ip6Mtuinfo("struct ip6_mtuinfo");
    /** {@code struct ip_mreq}, as {@link IpMreq}; with an index, the way the platform's kernel reads one. */
    Codec<IpMreq> IP_MREQ = new Request<>("struct ip_mreq", "S4J_MREQ", IpMreq::group, null,
            IpMreq::interfaceAddress, IpMreq::interfaceIndex);
    /** {@code struct ip_mreq_source}, as {@link IpMreqSource}. */
    Codec<IpMreqSource> IP_MREQ_SOURCE = new Request<>("struct ip_mreq_source", "S4J_MREQ_SOURCE",
            IpMreqSource::group, IpMreqSource::source, IpMreqSource::interfaceAddress, null);
    /** {@code struct ipv6_mreq}, as {@link Ipv6Mreq}. */
    Codec<Ipv6Mreq> IPV6_MREQ = new Request<>("struct ipv6_mreq", "S4J_IPV6_MREQ", Ipv6Mreq::group, null, null,
            Ipv6Mreq::interfaceIndex);
    /** {@code struct group_req}, as {@link GroupReq}. */
    Codec<GroupReq> GROUP_REQ = new Request<>("struct group_req", "S4J_GROUP_REQ", GroupReq::group, null, null,
            GroupReq::interfaceIndex);
    /** {@code struct group_source_req}, as {@link GroupSourceReq}. */
    Codec<GroupSourceReq> GROUP_SOURCE_REQ = new Request<>("struct group_source_req", "S4J_GROUP_SOURCE_REQ",
            GroupSourceReq::group, GroupSourceReq::source, null, GroupSourceReq::interfaceIndex);

    // ---- the C types -----------------------------------------------------------------------------------------------

    /** An int's value as {@code T}; may ask the system (an interface by its index). */
    @FunctionalInterface
    interface FromInt<T> {
        /**
         * The value for the int the kernel returned.
         *
         * @param value the int
         * @return the value
         * @throws IOException if the system cannot say (an interface that is gone)
         */
        T apply(int value) throws IOException;
    }

    /**
     * A C {@code int}, read and written in the result of the native call, so a typed int or flag allocates
     * nothing beyond its boxed value.
     *
     * @param cType             the C type, as the option tables name it
     * @param fromC             the int as {@code T}
     * @param toC               {@code T} as the int
     * @param setsBackUnchanged see {@link Codec#setsBackUnchanged()}
     * @param takesNull         see {@link Codec#takesNull()}; {@code toC} then maps null
     * @param <T>               the Java type
     */
    record OfInt<T>(String cType, FromInt<T> fromC, ToIntFunction<T> toC, boolean setsBackUnchanged,
                    boolean takesNull) implements Codec<T> {
        @Override
        public T get(long handle, int level, int name, OptionLayout layout) throws OptionFailure, IOException {
            return fromC.apply((int) OptionFailure.check(NativeOption.getIntValue(handle, level, name)));
        }

        @Override
        public void set(long handle, int level, int name, T value, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.setInt(handle, level, name, toC.applyAsInt(value)));
        }
    }

    /** {@code struct linger}; seconds read back are capped to what every platform's field holds.
     *
     * @param cType the C type, as the option tables name it
     */
    record LingerStruct(String cType) implements Codec<Linger> {
        @Override
        public Linger get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            int[] v = new int[2];
            OptionFailure.check(NativeOption.getLinger(handle, v));
            return new Linger(v[0] != 0, Math.min(v[1], 65535));
        }

        @Override
        public void set(long handle, int level, int name, Linger value, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.setLinger(handle, value.on(), value.seconds()));
        }

        @Override
        public boolean setsBackUnchanged() {
            return true;
        }

        @Override
        public boolean lengthChecked() {
            return true;
        }
    }

    /**
     * {@code struct timeval}, in milliseconds on the Java side of the native call.
     *
     * @param cType the C type, as the option tables name it
     */
    record Timeval(String cType) implements Codec<Duration> {
        @Override
        public Duration get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            long[] v = new long[1];
            OptionFailure.check(NativeOption.getTimeout(handle, name, v));
            return Duration.ofMillis(v[0]);
        }

        @Override
        public void set(long handle, int level, int name, Duration value, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.setTimeout(handle, name, ceilMillis(value)));
        }
    }

    /**
     * Bytes as the OS lays them out, up to 256.
     *
     * @param cType the C type, as the option tables name it
     */
    record Bytes(String cType) implements Codec<byte[]> {
        @Override
        public byte[] get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            byte[] buf = new byte[256];
            return Arrays.copyOf(buf, OptionFailure.check(NativeOption.getBytes(handle, level, name, buf)));
        }

        @Override
        public void set(long handle, int level, int name, byte[] value, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.setBytes(handle, level, name, value, 0, value.length));
        }
    }

    /**
     * {@code struct in_addr} (IP_MULTICAST_IF, which the kernel also takes as an {@code ip_mreqn}).
     *
     * @param cType the C type, as the option tables name it
     */
    record InAddr(String cType) implements Codec<InetAddress> {
        @Override
        public InetAddress get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.getMulticastIf4(handle, layout.outSlot()));
            return layout.outIp();
        }

        @Override
        public void set(long handle, int level, int name, InetAddress value, OptionLayout layout)
                throws OptionFailure {
            withSlots(layout, s -> NativeOption.setMulticastIf4(handle, s.ip(0, value), 0));
        }
    }

    /**
     * {@code struct sockaddr_in6}.
     *
     * @param cType the C type, as the option tables name it
     */
    record SockaddrIn6(String cType) implements Codec<InetSocketAddress> {
        @Override
        public InetSocketAddress get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            OptionFailure.check(NativeOption.getSockaddr(handle, level, name, layout.outSlot()));
            return layout.outSocketAddress();
        }

        @Override
        public void set(long handle, int level, int name, InetSocketAddress value, OptionLayout layout)
                throws OptionFailure {
            withSlots(layout, s -> NativeOption.setSockaddr(handle, level, name, s.socketAddress(0, value)));
        }

        @Override
        public boolean lengthChecked() {
            return true;
        }
    }

    /**
     * {@code struct in6_pktinfo}; the source is always IPv6, a mapped IPv4 one kept mapped.
     *
     * @param cType the C type, as the option tables name it
     */
    record In6Pktinfo(String cType) implements Codec<Ipv6PacketInfo> {
        @Override
        public Ipv6PacketInfo get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            int[] index = new int[1];
            OptionFailure.check(NativeOption.getPktinfo6(handle, name, layout.outSlot(), index));
            InetAddress source = layout.outIp();
            return new Ipv6PacketInfo(source instanceof Inet6Address ? source : mapped(source), index[0]);
        }

        @Override
        public void set(long handle, int level, int name, Ipv6PacketInfo value, OptionLayout layout)
                throws OptionFailure {
            withSlots(layout, s -> NativeOption.setPktinfo6(handle, name, s.ip(0, value.source()),
                    value.interfaceIndex()));
        }

        @Override
        public boolean lengthChecked() {
            return true;
        }

        /**
     * An IPv4 address as its IPv4-mapped IPv6 form (the layout reader turns mapped ones into IPv4). */
        private static InetAddress mapped(InetAddress v4) {
            byte[] a = new byte[16];
            a[10] = (byte) 0xff;
            a[11] = (byte) 0xff;
            System.arraycopy(v4.getAddress(), 0, a, 12, 4);
            try {
                return Inet6Address.getByAddress(null, a, 0);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** {@code struct ip6_mtuinfo}, of which Java sees the MTU; read only.
     *
     * @param cType the C type, as the option tables name it
     */
    record Ip6Mtuinfo(String cType) implements Codec<Integer> {
        @Override
        public Integer get(long handle, int level, int name, OptionLayout layout) throws OptionFailure {
            int[] mtu = new int[1];
            OptionFailure.check(NativeOption.getMtuinfo(handle, name, mtu));
            return mtu[0];
        }

        @Override
        public void set(long handle, int level, int name, Integer value, OptionLayout layout) {
            throw new UnsupportedOperationException(cType() + " is read only");
        }
    }

    /**
     * A membership request (options.h's {@code S4J_*} kinds, one C conversion for all five structs); set only.
     * A field the struct lacks is null; an address field whose value is null is left AF_UNSPEC.
     *
     * @param cType            the C struct
     * @param kind             the name of its kind in the constants table
     * @param group            the group
     * @param source           the source, or null
     * @param interfaceAddress the interface's address, or null
     * @param interfaceIndex   the interface's index, or null
     * @param <T>              the request record
     */
    record Request<T>(String cType, String kind, Function<T, InetAddress> group, Function<T, InetAddress> source,
                      Function<T, InetAddress> interfaceAddress, ToIntFunction<T> interfaceIndex)
            implements Codec<T> {
        @Override
        public T get(long handle, int level, int name, OptionLayout layout) {
            throw new UnsupportedOperationException(cType + " is write only");
        }

        @Override
        public void set(long handle, int level, int name, T value, OptionLayout layout) throws OptionFailure {
            withSlots(layout, s -> NativeOption.setMembership(handle, level, name, NativeConstants.require(kind),
                    s.ip(0, group.apply(value)),
                    source == null ? 0L : s.ip(1, source.apply(value)),
                    interfaceAddress == null ? 0L : s.ip(2, interfaceAddress.apply(value)),
                    interfaceIndex == null ? 0 : interfaceIndex.applyAsInt(value)));
        }

        @Override
        public boolean lengthChecked() {
            return true;
        }
    }

    /** One setsockopt of a struct whose addresses are written into fresh slots, kept alive through the call. */
    private static void withSlots(OptionLayout layout, ToIntFunction<OptionLayout.Slots> call) throws OptionFailure {
        OptionLayout.Slots s = layout.slots();
        try {
            OptionFailure.check(call.applyAsInt(s));
        } finally {
            Reference.reachabilityFence(s); // the slots' memory lives as long as they do
        }
    }

    // ---- rounding to the C type's unit -------------------------------------------------------------------------------

    /**
     * Whole milliseconds, rounded up: 0.5 ms must not become 0, which the kernel takes as "no timeout".
     * The option's rule has bounded the duration, so nothing here overflows.
     *
     * @param d the duration
     * @return its milliseconds, rounded up
     */
    static long ceilMillis(Duration d) {
        long millis = d.getSeconds() * 1000 + d.getNano() / 1_000_000;
        return d.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /**
     * Whole seconds, rounded up, for the same reason; bounded by the option's rule.
     *
     * @param d the duration
     * @return its seconds, rounded up
     */
    static long ceilSeconds(Duration d) {
        return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
    }
}
