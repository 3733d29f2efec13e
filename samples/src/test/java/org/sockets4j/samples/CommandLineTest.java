package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sockets4j} command line: help, version, and bad input (exit code 2, one clear line, no stack trace). */
@Timeout(5)
class CommandLineTest {

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("missing command: echo-server, echo-client, capabilities, options or tables"),
                bad("Unknown option: '--bogus'", "echo-server", "--bogus"),
                bad("Invalid value for option '--family': 'bogus' is not an address family; use inet, inet6 or unix",
                        "echo-server", "--family", "bogus"),
                bad("--family unix needs --path P, the socket file to create", "echo-server", "--family", "unix"),
                bad("Invalid value for option '--port': port 70000 is out of range (0-65535)",
                        "echo-server", "--port", "70000"),
                bad("Invalid value for option '--port': port -1 is out of range (0-65535)", "echo-server", "--port", "-1"),
                bad("Invalid value for option '--port': 'http' is not a port number (0-65535)",
                        "echo-server", "--port", "http"),
                bad("--backlog must be 0 or more, not -1", "echo-server", "--backlog", "-1"),
                bad("Invalid value for option '--model': 'fibers' is not a model; use thread-per-client, virtual or poller",
                        "echo-server", "--model", "fibers"),
                bad("--path is for --family unix, not inet", "echo-server", "--family", "inet", "--path", "x.sock"),
                bad("--port is for inet and inet6; a unix server listens on --path",
                        "echo-server", "--path", "x.sock", "--port", "1"),
                bad("--bind is for inet and inet6; a unix server listens on --path",
                        "echo-server", "--path", "x.sock", "--bind", "127.0.0.1"),
                bad("missing HOST (or --path P for a unix server)", "echo-client"),
                bad("Invalid value for option '--family': 'ipx' is not an address family; use inet, inet6 or unix",
                        "echo-client", "--family", "ipx", "127.0.0.1"),
                bad("--family unix needs --path P, the server's socket file", "echo-client", "--family", "unix"),
                bad("a unix client takes --path P, not HOST or PORT", "echo-client", "--path", "x.sock", "127.0.0.1"),
                bad("PORT must be 1-65535, not 0", "echo-client", "127.0.0.1", "0"),
                bad("Invalid value for positional parameter at index 1 (PORT): port 65536 is out of range (0-65535)",
                        "echo-client", "127.0.0.1", "65536"),
                bad("Unmatched argument at index 3: 'extra'", "echo-client", "127.0.0.1", "1", "extra"));
    }

    private static Arguments bad(String message, String... args) {
        return Arguments.of(message, args);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    void badInputIsOneLineAndExitCode2(String message, String[] args) {
        CliRun run = CliRun.sockets4j(args);
        assertEquals(2, run.exitCode(), () -> Arrays.toString(args) + "\n" + run.err());
        run.assertNoStackTrace();
        String command = args.length == 0 ? "sockets4j" : args[0];
        String qualified = args.length == 0 ? "sockets4j" : "sockets4j " + args[0];
        String[] lines = run.errLines();
        assertEquals(command + ": " + message, lines[0]);
        assertEquals("Try '" + qualified + " --help' for more information.", lines[lines.length - 1]);
        assertTrue(lines.length <= 3, () -> "short error, got:\n" + run.err()); // picocli may add a suggestion
        assertEquals("", run.out());
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.sockets4j("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: sockets4j "), run.out());
        assertTrue(run.out().contains("echo-server"), run.out());
        assertTrue(run.out().contains("echo-client"), run.out());
    }

    /** The command list shows each command's summary whole, ending its sentence, not cut at a line break. */
    @Test
    void helpGivesEveryCommandAWholeSentence() {
        CliRun run = CliRun.sockets4j("--help");
        List<String> lines = run.out().lines().toList();
        int start = lines.indexOf("Commands:");
        assertTrue(start >= 0, run.out());
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
            if (m.matches()) {
                current = m.group(1);
                summaries.put(current, m.group(2).strip());
            } else if (current != null && line.startsWith("   ")) {
                summaries.put(current, summaries.get(current) + " " + line.strip());
            }
        }
        assertEquals(List.of("echo-server", "echo-client", "capabilities", "tables", "options", "help"),
                List.copyOf(summaries.keySet()), run.out());
        summaries.forEach((command, summary) -> {
            assertTrue(summary.endsWith("."), command + ": '" + summary + "' is cut mid-sentence");
            assertTrue(Character.isUpperCase(summary.charAt(0)), command + ": " + summary);
        });
        for (String command : List.of("echo-server", "echo-client", "capabilities", "tables", "options")) {
            String own = CliRun.sockets4j(command, "--help").out();
            for (String sentence : summaries.get(command).split("(?<=\\.) ")) {
                assertTrue(own.replaceAll("\\s+", " ").contains(sentence), command + "'s help lacks: " + sentence);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo-server", "echo-client"})
    void everyCommandHasHelpAndVersion(String command) {
        CliRun help = CliRun.sockets4j(command, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: sockets4j " + command), help.out());
        assertTrue(help.out().contains("--family=FAMILY"), help.out());
        CliRun version = CliRun.sockets4j(command, "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("sockets4j " + VersionProvider.version()), version.out());
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = CliRun.sockets4j("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s)sockets4j \\d+\\.\\d+\\.\\d+\\S*\nJava .*"), run.out());
    }
}
