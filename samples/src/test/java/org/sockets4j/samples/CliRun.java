package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of a command line in this JVM with its output captured, the way the
 * jar's {@code main} runs it (same error handling).
 *
 * @param exitCode what {@code execute} returned
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code sockets4j args...}. */
    static CliRun sockets4j(String... args) {
        return run(Sockets4j.commandLine(), args);
    }

    /** Runs {@code sockets4j echo-client args...} with {@code stdin} as its standard input. */
    static CliRun echoClient(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return run(Sockets4j.configure(new CommandLine(new EchoClient(in))), args);
    }

    private static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The lines of standard error. */
    String[] errLines() {
        return err.lines().toArray(String[]::new);
    }

    /** Fails if standard error looks like a stack trace. */
    CliRun assertNoStackTrace() {
        assertFalse(err.contains("\tat ") || err.contains("Exception:") || err.contains("Exception\n"),
                () -> "stack trace on stderr:\n" + err);
        return this;
    }
}
