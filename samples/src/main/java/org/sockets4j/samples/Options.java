package org.sockets4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sockets4j.Errno;
import org.sockets4j.Family;
import org.sockets4j.NativeError;
import org.sockets4j.Protocol;
import org.sockets4j.Socket;
import org.sockets4j.Type;
import org.sockets4j.option.Access;
import org.sockets4j.option.Ipv6PacketInfo;
import org.sockets4j.option.Level;
import org.sockets4j.option.Linger;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code options}: every option of {@link SocketOptions#ALL} on real sockets of each chosen family and type —
 * whether this socket takes it, the value a fresh socket has, and whether setting the option's
 * {@link SockOpt#sample() typical value} and reading it back gives the same value.
 *
 * <p>Each round trip runs on a socket of its own, so that one option cannot change what another reports
 * ({@code IPV6_V6ONLY}, {@code SO_LINGER}, ...). Whether a socket takes an option, and how (the access column), is
 * what {@link Socket#access} learns from the kernel without changing the socket: a harmless getsockopt, and for
 * set-only options (the membership requests, Linux's sticky {@code IPV6_PKTINFO}) a value too short to act on.
 *
 * <p>Values: durations in ISO-8601 ({@code PT1.5S}), byte arrays in hex, {@code SO_LINGER} as {@code on, 5 s} or
 * {@code off}, interfaces by name, a null value as {@code none}.
 */
@Command(name = "options",
        mixinStandardHelpOptions = true,
        // The first element is the summary `sockets4j --help` lists: whole sentences, which picocli wraps.
        description = {"Probes every socket option on a socket of each family and type: what the socket does with"
                + " it, its default value, and whether a set/get round trip of a typical value holds.",
                "Durations print in ISO-8601 (PT1.5S), byte strings in hex, a null value as 'none'. Raw sockets"
                + " (--type raw or all) use ICMP or ICMPv6 and usually need root."})
public final class Options implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--family", paramLabel = "F", converter = FamiliesConverter.class,
            description = "inet, inet6, unix or all (default: all, those this platform has).")
    private Families families; // null: every one of inet, inet6 and unix this platform has

    @Option(names = "--type", paramLabel = "T", converter = TypesConverter.class,
            description = "stream, dgram, seqpacket, raw or all (default: stream and dgram; all includes raw).")
    private Types types = new Types(List.of(Type.STREAM, Type.DGRAM));

    @Option(names = "--json", description = "Print one JSON array of rows instead of text tables.")
    private boolean json;

    /** The families of {@code --family}. */
    record Families(List<Family> values) {}

    /** The socket types of {@code --type}. */
    record Types(List<Type> values) {}

    /**
     * One option on one socket.
     *
     * @param family     the socket's family, e.g. {@code AF_INET6}
     * @param socketType the socket's type, e.g. {@code SOCK_STREAM}
     * @param level      the C name of the option's level for this socket
     * @param name       the option's name
     * @param cType      the C type of its value
     * @param access     what this socket does with it ({@link Socket#access}): {@code get/set}, {@code get},
     *                   {@code set} or {@code none}; the platform's access when the platform lacks it
     * @param supported  whether the platform has it and this socket takes it (access is not none)
     * @param value      what getsockopt returned on a fresh socket, rendered; null when not read
     * @param why        when {@code value} is null: why not (the error, or the platform lacks it); else null
     * @param roundTrip  {@code ok}, {@code adjusted: V}, {@code refused: ERRNO}, ...; null when not tried
     */
    record Row(String family, String socketType, String level, String name, String cType, String access,
               boolean supported, String value, String why, String roundTrip) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> skipped = new ArrayList<>();
        List<List<Row>> tables = new ArrayList<>();
        List<Family> chosen = families != null ? families.values()
                : Stream.of(Family.INET, Family.INET6, Family.UNIX).filter(Family::isSupported).toList();
        for (Family family : chosen) {
            for (Type type : types.values()) {
                String what = family.cName() + " " + type.cName();
                Protocol protocol = protocol(family, type);
                if (protocol != Protocol.DEFAULT) what += " (" + protocol.name() + ")";
                try {
                    tables.add(probe(family, type, protocol));
                } catch (IOException | UnsupportedOperationException e) {
                    skipped.add(what + ": skipped, " + CliErrors.describe(e));
                }
            }
        }
        if (tables.isEmpty()) {
            err.println(spec.name() + ": no socket could be opened: " + String.join("; ", skipped));
            err.flush();
            return CliErrors.FAILURE;
        }
        if (json) {
            printJson(out, tables);
            // A JSON reader wants only the array on standard output; what was skipped is a note on standard error.
            skipped.forEach(s -> err.println(spec.name() + ": " + s));
            err.flush();
        } else {
            printText(out, tables, skipped);
        }
        out.flush();
        return 0;
    }

    /** The protocol a socket of this family and type is opened with: 0, except ICMP or ICMPv6 for raw sockets. */
    static Protocol protocol(Family family, Type type) {
        if (type != Type.RAW) return Protocol.DEFAULT;
        return switch (family) {
            case INET -> Protocol.ICMP;
            case INET6 -> Protocol.ICMPV6;
            default -> Protocol.DEFAULT;
        };
    }

    /**
     * Every option on sockets of this family, type and protocol.
     *
     * @throws IOException if the kernel refuses to open such a socket
     */
    static List<Row> probe(Family family, Type type, Protocol protocol) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Socket fresh = Socket.open(family, type, protocol)) {
            for (SockOpt<?> option : SocketOptions.ALL) {
                rows.add(row(fresh, family, type, protocol, option));
            }
        }
        return rows;
    }

    private static <T> Row row(Socket fresh, Family family, Type type, Protocol protocol, SockOpt<T> option) {
        String level = option.level() == Level.IP_BY_FAMILY && family == Family.INET6
                ? Level.IPV6.cName() : option.level().cName();
        Access access = option.access();
        String value = null;
        String why = null;
        String roundTrip = null;
        boolean supported = false;
        if (!option.isSupported()) {
            why = "not on this platform";
        } else {
            try {
                Access taken = fresh.access(option);
                supported = taken != Access.NONE;
                if (!supported) why = "not on this socket";
                access = taken;
                if (taken.canSet() && option.sample() != null) roundTrip = roundTrip(family, type, protocol, option, taken);
                if (taken.canGet()) value = render(fresh.getOption(option));
            } catch (IOException | UnsupportedOperationException e) {
                Errno errno = errno(e);
                why = errno != null ? errno.name() : CliErrors.describe(e);
            }
        }
        return new Row(family.cName(), type.cName(), level, option.name(), option.codec().cType(), text(access),
                supported, value, why, roundTrip);
    }

    /** An access as the table shows it. */
    static String text(Access access) {
        return switch (access) {
            case GET_SET -> "get/set";
            case GET_ONLY -> "get";
            case SET_ONLY -> "set";
            case NONE -> "none";
        };
    }

    /** Sets the option's sample on a socket of its own and reads it back where the socket reads it. */
    private static <T> String roundTrip(Family family, Type type, Protocol protocol, SockOpt<T> option, Access taken) {
        T sample = option.sample();
        try (Socket socket = Socket.open(family, type, protocol)) {
            try {
                socket.setOption(option, sample);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return "refused: " + reason(e);
            }
            if (!taken.canGet()) return "set ok (set only)";
            T got;
            try {
                got = socket.getOption(option);
            } catch (IOException | UnsupportedOperationException e) {
                return "set, but get failed: " + reason(e);
            }
            return Objects.deepEquals(sample, got) ? "ok" : "adjusted: " + render(got);
        } catch (IOException e) {
            return "no socket: " + reason(e);
        }
    }

    private static Errno errno(Throwable e) {
        return e instanceof NativeError n ? n.errno() : null;
    }

    /** The portable error name of a failed call, else its one-line message. */
    private static String reason(Throwable e) {
        Errno errno = errno(e);
        return errno != null ? errno.name() : CliErrors.describe(e);
    }

    /** An option's value as the output shows it. */
    static String render(Object value) {
        if (value == null) return "none";
        if (value instanceof Duration d) return d.toString();
        if (value instanceof byte[] b) {
            StringBuilder hex = new StringBuilder();
            for (byte x : b) hex.append(String.format("%02x", x & 0xff));
            return hex.toString();
        }
        if (value instanceof Linger l) return l.on() ? "on, " + l.seconds() + " s" : "off";
        if (value instanceof NetworkInterface n) return n.getName();
        if (value instanceof InetAddress a) return address(a);
        if (value instanceof InetSocketAddress s) {
            if (s.isUnresolved()) return s.getHostString() + ":" + s.getPort();
            String host = address(s.getAddress());
            return (s.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + s.getPort();
        }
        if (value instanceof Ipv6PacketInfo p) return address(p.source()) + " ifindex " + p.interfaceIndex();
        return value.toString();
    }

    /** An address in its usual text form; IPv6 shortened as RFC 5952 says, with a scope only when there is one. */
    private static String address(InetAddress a) {
        if (!(a instanceof Inet6Address v6)) return a.getHostAddress();
        byte[] b = v6.getAddress();
        int[] group = new int[8];
        for (int i = 0; i < 8; i++) group[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLength = 1; // only runs of two or more zero groups are shortened
        for (int i = 0; i < 8; ) {
            if (group[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(group[i]));
        }
        if (v6.getScopeId() != 0) text.append('%').append(v6.getScopeId());
        return text.toString();
    }

    // ---- output -----------------------------------------------------------------------------------------------

    private static void printText(PrintWriter out, List<List<Row>> tables, List<String> skipped) {
        boolean first = true;
        for (List<Row> rows : tables) {
            if (!first) out.println();
            first = false;
            out.println(rows.get(0).family() + " " + rows.get(0).socketType());
            List<List<String>> cells = new ArrayList<>();
            cells.add(List.of("level", "name", "type", "access", "supported", "default", "round trip"));
            for (Row r : rows) {
                String supported = r.supported() ? "yes" : "no";
                String value = r.value() != null ? (r.value().isEmpty() ? "(empty)" : r.value())
                        : r.why() != null ? "- (" + r.why() + ")" : "-";
                cells.add(List.of(r.level(), r.name(), r.cType(), r.access(), supported, value,
                        r.roundTrip() != null ? r.roundTrip() : "n/a"));
            }
            table(out, cells);
        }
        out.println();
        out.println("Access is what the kernel does with the option on this socket (Socket.access): set-only options"
                + " are asked with a value too short to act on.");
        out.println("Round trips set the option's typical value on a socket of their own and read it back.");
        for (String s : skipped) out.println(s);
    }

    private static void table(PrintWriter out, List<List<String>> rows) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(r.get(i)).append(" ".repeat(width[i] - r.get(i).length()));
                if (i < r.size() - 1) line.append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void printJson(PrintWriter out, List<List<Row>> tables) {
        List<String> objects = new ArrayList<>();
        for (List<Row> rows : tables) {
            for (Row r : rows) {
                objects.add("{\"family\": " + json(r.family()) + ", \"socketType\": " + json(r.socketType())
                        + ", \"level\": " + json(r.level()) + ", \"name\": " + json(r.name())
                        + ", \"type\": " + json(r.cType()) + ", \"access\": " + json(r.access())
                        + ", \"supported\": " + r.supported()
                        + ", \"default\": " + json(r.value()) + ", \"roundTrip\": " + json(r.roundTrip()) + "}");
            }
        }
        out.println("[");
        for (int i = 0; i < objects.size(); i++) {
            out.println("  " + objects.get(i) + (i < objects.size() - 1 ? "," : ""));
        }
        out.println("]");
    }

    /** A JSON string literal (or {@code null}), ASCII only: quotes, backslashes, controls and non-ASCII escaped. */
    static String json(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    // ---- command-line values ----------------------------------------------------------------------------------

    /** Parses {@code --family}: inet, inet6, unix or all, in any case. */
    static final class FamiliesConverter implements ITypeConverter<Families> {
        @Override
        public Families convert(String value) {
            return new Families(switch (value.toLowerCase(Locale.ROOT)) {
                case "inet" -> List.of(Family.INET);
                case "inet6" -> List.of(Family.INET6);
                case "unix" -> List.of(Family.UNIX);
                case "all" -> List.of(Family.INET, Family.INET6, Family.UNIX);
                default -> throw new TypeConversionException(
                        "'" + value + "' is not an address family; use inet, inet6, unix or all");
            });
        }
    }

    /** Parses {@code --type}: stream, dgram, seqpacket, raw or all, in any case. */
    static final class TypesConverter implements ITypeConverter<Types> {
        @Override
        public Types convert(String value) {
            return new Types(switch (value.toLowerCase(Locale.ROOT)) {
                case "stream" -> List.of(Type.STREAM);
                case "dgram" -> List.of(Type.DGRAM);
                case "seqpacket" -> List.of(Type.SEQPACKET);
                case "raw" -> List.of(Type.RAW);
                case "all" -> List.of(Type.STREAM, Type.DGRAM, Type.SEQPACKET, Type.RAW);
                default -> throw new TypeConversionException(
                        "'" + value + "' is not a socket type; use stream, dgram, seqpacket, raw or all");
            });
        }
    }
}
