package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockets4j.Family;
import org.sockets4j.option.Linger;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/** {@code sockets4j options}: every option on real sockets, as text and as JSON. */
@Timeout(20)
@ExtendWith(NoProcessLeftBehind.class)
class OptionsTest {

    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final Set<String> FIELDS =
            Set.of("family", "socketType", "level", "name", "type", "access", "supported", "default", "roundTrip");

    @Test
    void textHasOneAlignedTablePerSocketWithEveryOption() {
        CliRun run = CliRun.sockets4j("options", "--family", "inet", "--type", "dgram");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("AF_INET SOCK_DGRAM", lines.get(0));
        assertTrue(lines.get(1).matches("level +name +type +access +supported +default +round trip"), lines.get(1));
        int roundTrip = lines.get(1).indexOf("round trip");
        for (SockOpt<?> option : SocketOptions.ALL) {
            String line = lines.stream().filter(l -> l.matches("\\S+ +" + option.name() + " .*")).findFirst()
                    .orElseThrow(() -> new AssertionError(option.name() + " missing:\n" + run.out()));
            assertTrue(line.contains(option.codec().cType()), line);
            assertTrue(line.length() > roundTrip && line.charAt(roundTrip - 1) == ' ', "aligned: " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("SOL_SOCKET +SO_ERROR +int +get +yes +0 +n/a")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("IPPROTO_IP +IP_ADD_MEMBERSHIP .* set +yes +- +n/a")),
                run.out());
    }

    @Test
    void jsonOfInetDatagramHasARowForEveryOption() {
        List<Map<String, Object>> rows = json("--family", "inet", "--type", "dgram");
        assertEquals(SocketOptions.ALL.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            SockOpt<?> option = SocketOptions.ALL.get(i);
            assertEquals(FIELDS, row.keySet(), row.toString());
            assertEquals(option.name(), row.get("name"));
            assertEquals("AF_INET", row.get("family"));
            assertEquals("SOCK_DGRAM", row.get("socketType"));
            assertEquals(option.codec().cType(), row.get("type"));
            assertTrue(row.get("supported") instanceof Boolean, row.toString());
            assertTrue(row.get("default") == null || row.get("default") instanceof String, row.toString());
            assertTrue(row.get("roundTrip") == null || row.get("roundTrip") instanceof String, row.toString());
            if (!option.isSupported()) assertEquals(false, row.get("supported"), row.toString());
            if (!option.access().canGet()) assertNull(row.get("default"), row.toString());
        }
        Map<String, Object> error = row(rows, "SO_ERROR");
        assertEquals("0", error.get("default"));
        assertNull(error.get("roundTrip"));
        assertEquals("IPPROTO_IP", row(rows, "MCAST_JOIN_GROUP").get("level"));
        assertEquals(false, row(rows, "TCP_NODELAY").get("supported"), "UDP has no TCP options");
        if (LINUX) {
            Map<String, Object> rcvbuf = row(rows, "SO_RCVBUF");
            assertTrue(((String) rcvbuf.get("roundTrip")).startsWith("adjusted: "), rcvbuf.toString());
            int sample = SocketOptions.SO_RCVBUF.sample();
            assertEquals("adjusted: " + 2 * sample, rcvbuf.get("roundTrip"), "Linux doubles SO_RCVBUF");
            assertEquals("get", row(rows, "SO_SNDLOWAT").get("access"), "Linux reads SO_SNDLOWAT, sets none");
            assertNull(row(rows, "SO_SNDLOWAT").get("roundTrip"));
            assertEquals("get", row(rows, "IP_HDRINCL").get("access"), "Linux sets IP_HDRINCL on raw sockets only");
        }
    }

    @Test
    void linuxInet6DatagramShowsWhatTheKernelDoes() {
        assumeTrue(LINUX && Family.INET6.isSupported(), "Linux's IPv6 kernel");
        List<Map<String, Object>> rows = json("--family", "inet6", "--type", "dgram");
        Map<String, Object> pktinfo = row(rows, "IPV6_PKTINFO");
        assertEquals("set", pktinfo.get("access"), "sticky IPV6_PKTINFO is set only on Linux");
        assertEquals(true, pktinfo.get("supported"));
        assertNull(pktinfo.get("default"));
        assertEquals("set ok (set only)", pktinfo.get("roundTrip"));
        for (String name : List.of("IPV6_NEXTHOP", "IPV6_HOPLIMIT")) {
            assertEquals(false, row(rows, name).get("supported"), name);
            assertEquals("none", row(rows, name).get("access"), name);
        }
        assertEquals("none", row(rows, "TCP_NODELAY").get("access"));
        assertEquals("set", row(rows, "IPV6_JOIN_GROUP").get("access"));
    }

    @Test
    void inet6StreamAsTextAndJson() {
        assumeTrue(Family.INET6.isSupported(), "IPv6 sockets are not available here");
        CliRun text = CliRun.sockets4j("options", "--family", "INET6", "--type", "stream");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("AF_INET6 SOCK_STREAM\n"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("IPPROTO_TCP +TCP_NODELAY +int \\(flag\\) +get/set +yes"
                + " +false +ok")), text.out());

        List<Map<String, Object>> rows = json("--family", "inet6", "--type", "stream");
        assertEquals(SocketOptions.ALL.size(), rows.size());
        Map<String, Object> nodelay = row(rows, "TCP_NODELAY");
        assertEquals(true, nodelay.get("supported"));
        assertEquals("false", nodelay.get("default"));
        assertEquals("ok", nodelay.get("roundTrip"));
        assertEquals("IPPROTO_IPV6", row(rows, "MCAST_JOIN_GROUP").get("level"), "IP_BY_FAMILY on INET6");
        assertEquals("IPPROTO_IPV6", row(rows, "IPV6_V6ONLY").get("level"));
        assertEquals("ok", row(rows, "IPV6_V6ONLY").get("roundTrip"));
        assertNull(row(rows, "SO_ERROR").get("roundTrip"));
        assertEquals("SOCK_STREAM", row(rows, "SO_ERROR").get("socketType"));
        if (LINUX) assertTrue(((String) row(rows, "SO_RCVBUF").get("roundTrip")).startsWith("adjusted"));
    }

    @Test
    void theDefaultCoversStreamAndDatagramSocketsOfEverySupportedFamily() {
        List<Map<String, Object>> rows = json();
        List<String> sockets = rows.stream().map(r -> r.get("family") + " " + r.get("socketType")).distinct().toList();
        List<String> expected = new ArrayList<>();
        for (Family f : List.of(Family.INET, Family.INET6, Family.UNIX)) {
            if (f.isSupported()) {
                expected.add(f.cName() + " SOCK_STREAM");
                expected.add(f.cName() + " SOCK_DGRAM");
            }
        }
        assertEquals(expected, sockets);
        assertEquals(expected.size() * SocketOptions.ALL.size(), rows.size());
    }

    @Test
    void jsonParsesWithPython() throws Exception {
        CliRun run = CliRun.sockets4j("options", "--json");
        assertEquals(0, run.exitCode(), run.err());
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c",
                    "import json, sys; rows = json.load(sys.stdin); print(len(rows))")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        try (OutputStream in = python.getOutputStream()) {
            in.write(run.out().getBytes(StandardCharsets.UTF_8));
        }
        String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(10, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, python.exitValue(), "python3 json.load failed");
        assertEquals(Integer.toString(parse(run.out()).size()), printed);
    }

    @Test
    void badFamilyOrTypeIsExitCode2WithOneClearLine() {
        CliRun family = CliRun.sockets4j("options", "--family", "bogus").assertNoStackTrace();
        assertEquals(2, family.exitCode());
        assertEquals("options: Invalid value for option '--family': 'bogus' is not an address family; "
                + "use inet, inet6, unix or all", family.errLines()[0]);
        assertEquals("", family.out());

        CliRun type = CliRun.sockets4j("options", "--type", "packet").assertNoStackTrace();
        assertEquals(2, type.exitCode());
        assertEquals("options: Invalid value for option '--type': 'packet' is not a socket type; "
                + "use stream, dgram, seqpacket, raw or all", type.errLines()[0]);
    }

    @Test
    void aSocketTheOsRefusesIsSkippedAndSaidSo() {
        // No OS has IPv4 SOCK_SEQPACKET without SCTP; where SCTP is loaded the socket opens and gets a table.
        CliRun run = CliRun.sockets4j("options", "--family", "inet", "--type", "seqpacket").assertNoStackTrace();
        if (run.exitCode() == 0) {
            assertTrue(run.out().startsWith("AF_INET SOCK_SEQPACKET"), run.out());
        } else {
            assertEquals(CliErrors.FAILURE, run.exitCode());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("options: no socket could be opened: AF_INET SOCK_SEQPACKET: skipped, "),
                    run.err());
        }
    }

    @Test
    void closesEverySocketItOpens() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "no /proc/self/fd to count descriptors with");
        CliRun.sockets4j("options", "--type", "all"); // loads what the run needs, so only sockets can differ
        long before;
        try (Stream<Path> list = Files.list(fds)) {
            before = list.count();
        }
        CliRun run = CliRun.sockets4j("options", "--type", "all");
        long after;
        try (Stream<Path> list = Files.list(fds)) {
            after = list.count();
        }
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(before, after, "descriptors open before and after the run");
    }

    @Test
    void valuesRenderAsDocumented() {
        assertEquals("PT1.5S", Options.render(Duration.ofMillis(1500)));
        assertEquals("0a0bff", Options.render(new byte[] {10, 11, -1}));
        assertEquals("on, 5 s", Options.render(new Linger(true, 5)));
        assertEquals("off", Options.render(Linger.OFF));
        assertEquals("none", Options.render(null));
        assertEquals("[::1]:0", Options.render(new java.net.InetSocketAddress("::1", 0)));
        assertEquals("127.0.0.1", Options.render(java.net.InetAddress.getLoopbackAddress()));
    }

    @Test
    void jsonStringsAreEscaped() {
        String nasty = "a\"b\\c\nd\te\u0001f\u00e9\u2028";
        String literal = Options.json(nasty);
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u00e9\\u2028\"", literal);
        assertEquals(nasty, parse("[" + literal + "]").get(0));
        assertEquals("null", Options.json(null));
        assertThrows(IllegalArgumentException.class, () -> parse("[\"unterminated]"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> json(String... args) {
        List<String> all = new ArrayList<>(List.of("options", "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.sockets4j(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : parse(run.out())) {
            assertTrue(o instanceof Map, "an array of objects: " + o);
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) o;
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String name) {
        return rows.stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
    }

    /** Parses a JSON array strictly enough to catch what the command could get wrong. */
    static List<Object> parse(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at < text.length()) throw reader.error("text after the value");
        if (!(value instanceof List<?>)) throw reader.error("not an array");
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    /** A small JSON reader: objects, arrays, strings, true, false, null and integers. */
    private static final class JsonReader {
        private final String s;
        int at;

        JsonReader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + at + ": "
                    + s.substring(at, Math.min(s.length(), at + 40)));
        }

        void skipSpace() {
            while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) at++;
        }

        private void expect(char c) {
            skipSpace();
            if (at >= s.length() || s.charAt(at) != c) throw error("expected '" + c + "'");
            at++;
        }

        private boolean peek(char c) {
            skipSpace();
            return at < s.length() && s.charAt(at) == c;
        }

        Object value() {
            skipSpace();
            if (at >= s.length()) throw error("end of text");
            char c = s.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                if (peek('}')) {
                    at++;
                    return object;
                }
                do {
                    skipSpace();
                    String key = string();
                    if (object.containsKey(key)) throw error("duplicate key " + key);
                    expect(':');
                    object.put(key, value());
                } while (comma());
                expect('}');
                return object;
            }
            if (c == '[') {
                at++;
                List<Object> array = new ArrayList<>();
                if (peek(']')) {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                } while (comma());
                expect(']');
                return array;
            }
            if (c == '"') return string();
            for (String word : List.of("true", "false", "null")) {
                if (s.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            if (at < s.length() && s.charAt(at) == '-') at++;
            while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
            if (at == start) throw error("unexpected character");
            return Long.parseLong(s.substring(start, at));
        }

        private boolean comma() {
            if (peek(',')) {
                at++;
                return true;
            }
            return false;
        }

        private String string() {
            if (at >= s.length() || s.charAt(at) != '"') throw error("expected a string");
            at++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (at >= s.length()) throw error("unterminated string");
                char c = s.charAt(at++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("raw control character in a string");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (at >= s.length()) throw error("unterminated escape");
                char e = s.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (at + 4 > s.length()) throw error("short \\u escape");
                        b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }
    }
}
