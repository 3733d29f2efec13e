package org.sockets4j.samples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.sockets4j.Errno;
import org.sockets4j.Family;
import org.sockets4j.MsgFlag;
import org.sockets4j.NativeConstant;
import org.sockets4j.Protocol;
import org.sockets4j.Shutdown;
import org.sockets4j.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capabilities}: what this platform offers, straight from the library's
 * own tables (the enums of the API and the probes behind their
 * {@code isSupported()}), so the listing can never disagree with the code.
 */
@Command(name = "capabilities",
        mixinStandardHelpOptions = true,
        // The first element is the summary `sockets4j --help` lists: whole sentences, which picocli wraps.
        description = {"Lists what sockets4j can do on this machine: address families, socket types, protocols,"
                + " message flags and the portable error codes, with this platform's numbers."})
public final class Capabilities implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--markdown", description = "Print Markdown tables instead of aligned text.")
    private boolean markdown;

    @Option(names = "--errors", description = "Also list the portable error codes.")
    private boolean errors;

    /** One row: what kind of thing, its Java name, its C name, this platform's number, whether it works here. */
    record Row(String kind, String name, String cName, String value, boolean supported) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("platform: " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + Runtime.version().feature());
        out.println();
        print(out, List.of("kind", "name", "C name", "value", "supported"), rows().stream()
                .map(r -> List.of(r.kind(), r.name(), r.cName(), r.value(), r.supported() ? "yes" : "no"))
                .toList());
        out.println();
        out.println("Protocols: 'yes' means the platform defines the number; whether the kernel has the protocol");
        out.println("(SCTP is often a module) shows when a socket is opened: EPROTONOSUPPORT.");
        if (errors) {
            out.println();
            List<List<String>> table = new ArrayList<>();
            for (Errno e : Errno.values()) {
                table.add(List.of(e.name(), Integer.toString(e.code()), e.description()));
            }
            print(out, List.of("error", "portable code", "text (the same on every OS)"), table);
        }
        out.flush();
        return 0;
    }

    /** Every value of the API's tables, with what this platform says of it. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Family f : Family.values()) rows.add(row("family", f, f.isSupported()));
        for (Type t : Type.values()) rows.add(row("type", t, t.isSupported()));
        for (Protocol p : List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP, Protocol.ICMP, Protocol.ICMPV6,
                Protocol.RAW)) {
            rows.add(new Row("protocol", p.name().replace("IPPROTO_", ""), p.name(),
                    p.isSupported() ? Integer.toString(p.number()) : "-", p.isSupported()));
        }
        for (MsgFlag m : MsgFlag.values()) rows.add(row("flag", m, m.isSupported()));
        for (Shutdown s : Shutdown.values()) rows.add(row("shutdown", s, s.nativeValue().isPresent()));
        return rows;
    }

    private static <E extends Enum<E> & NativeConstant> Row row(String kind, E value, boolean supported) {
        OptionalInt n = value.nativeValue();
        return new Row(kind, value.name(), value.cName(), n.isPresent() ? Integer.toString(n.getAsInt()) : "-",
                supported);
    }

    private void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        if (markdown) {
            out.println("| " + String.join(" | ", header) + " |");
            out.println("|" + "---|".repeat(header.size()));
            rows.forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
            return;
        }
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>(rows);
        all.add(0, header);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        }
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format("%-" + width[i] + "s", r.get(i)));
                if (i < r.size() - 1) line.append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
