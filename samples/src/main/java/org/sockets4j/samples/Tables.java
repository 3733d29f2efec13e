package org.sockets4j.samples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sockets4j.Errno;
import org.sockets4j.option.Access;
import org.sockets4j.option.Os;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tables}: the library's own tables as Markdown: every socket option
 * of {@link SocketOptions#ALL} and every portable error code. README.md shows
 * this output between its {@code <!-- tables:... -->} markers, and a test
 * keeps the two the same, so the tables are declared once, in the code.
 */
@Command(name = "tables",
        mixinStandardHelpOptions = true,
        // The first element is the summary `sockets4j --help` lists: whole sentences, which picocli wraps.
        description = {"Prints the library's tables as Markdown, as README.md shows them: the socket options"
                + " (--options) or the portable error codes (--errors)."})
public final class Tables implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--options", description = "The socket option table.")
    private boolean options;

    @Option(names = "--errors", description = "The portable error table.")
    private boolean errors;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (options || !errors) out.print(optionTable());
        if (options && errors) out.println();
        if (errors) out.print(errorTable());
        out.flush();
        return 0;
    }

    /**
     * Every option: level, name, C type, what Linux, macOS and Windows do with it (get, set, both, or none: the
     * per-platform access of the option table), accepted values, and what it does.
     */
    static String optionTable() {
        StringBuilder b = new StringBuilder("| level | option | C type |");
        for (Os os : Os.values()) b.append(' ').append(os.displayName()).append(" |");
        b.append(" values | what it does |\n|---|---|---|");
        for (Os ignored : Os.values()) b.append("---|");
        b.append("---|---|\n");
        for (SockOpt<?> o : SocketOptions.ALL) {
            String level = switch (o.level()) {
                case IP_BY_FAMILY -> "IPPROTO_IP / IPPROTO_IPV6";
                default -> o.level().cName();
            };
            b.append("| ").append(level).append(" | ").append(o.name()).append(" | ").append(o.codec().cType())
                    .append(" |");
            for (Os os : Os.values()) b.append(' ').append(access(o.access(os))).append(" |");
            b.append(' ').append(o.rule()).append(" | ").append(o.description()).append(" |\n");
        }
        return b.toString();
    }

    private static String access(Access access) {
        return switch (access) {
            case GET_SET -> "get, set";
            case GET_ONLY -> "get";
            case SET_ONLY -> "set";
            case NONE -> "none";
        };
    }

    /** Every portable error code with its text, the same on every OS. */
    static String errorTable() {
        StringBuilder b = new StringBuilder("| error | text (the same on every OS) |\n|---|---|\n");
        for (Errno e : Errno.values()) {
            b.append("| ").append(e.name()).append(" | ").append(e.description()).append(" |\n");
        }
        return b.toString();
    }
}
