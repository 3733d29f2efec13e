package org.sockets4j.samples;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockets4j.Family;
import org.sockets4j.Shutdown;
import org.sockets4j.Socket;
import org.sockets4j.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockets4j echo-client}: the classic Winsock tutorial's {@code client.cpp} in Java. It connects,
 * then sends each line of standard input (with its newline) and prints what the
 * server sent back, {@code recv: <n> bytes: <text>}, once all of that line's bytes
 * are back. At the end of input it shuts down its sending side ({@code SHUT_WR}),
 * reads until the server ends the stream, and closes.
 */
@Command(name = "echo-client",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        customSynopsis = {
            "sockets4j echo-client [-hV] [--family=FAMILY] HOST [PORT]",
            "       sockets4j echo-client [-hV] [--family=unix] --path=P",
        },
        // The first element is the summary `sockets4j --help` lists: whole sentences, which picocli wraps.
        description = {
            "Connects to an echo server, sends each line of standard input and prints what comes back.",
            "At the end of input, shuts down sending, drains and exits.",
        })
public final class EchoClient implements Callable<Integer> {

    /** Bytes sent before waiting for their echo: a long line never fills both directions' buffers at once. */
    private static final int CHUNK = 16 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--family", paramLabel = "FAMILY", converter = FamilyConverter.class,
            description = FamilyConverter.CHOICES + " (default: that of HOST's first address; unix with --path)")
    private Family family;

    @Option(names = "--path", paramLabel = "P", description = "the server's socket file, for --family unix")
    private Path path;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST", description = "server host name or address")
    private String host;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PORT", converter = PortConverter.class,
            description = "server port (default: " + Endpoints.DEFAULT_PORT + ")")
    private Integer port;

    private final InputStream stdin;

    /** A client that reads the lines to send from {@link System#in}. */
    public EchoClient() {
        this(System.in);
    }

    /** A client that reads the lines to send from {@code stdin}. */
    EchoClient(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        Family chosen = family != null ? family : path != null ? Family.UNIX : null;
        SocketAddress remote = remoteAddress(chosen);
        if (chosen == null) chosen = Endpoints.familyOf(((InetSocketAddress) remote).getAddress());
        PrintWriter out = spec.commandLine().getOut();
        try (Socket socket = Socket.open(chosen, Type.STREAM)) {
            socket.connect(remote);
            converse(socket, stdin, out);
        } finally {
            out.flush();
        }
        return 0;
    }

    private SocketAddress remoteAddress(Family chosen) throws IOException {
        if (chosen == Family.UNIX) {
            if (path == null) throw usage("--family unix needs --path P, the server's socket file");
            if (host != null) throw usage("a unix client takes --path P, not HOST or PORT");
            return UnixDomainSocketAddress.of(path);
        }
        if (path != null) throw usage("--path is for --family unix; an inet client takes HOST [PORT]");
        if (host == null) throw usage("missing HOST (or --path P for a unix server)");
        if (port != null && port == 0) throw usage("PORT must be 1-" + PortConverter.MAX + ", not 0");
        return Endpoints.resolve(host, port == null ? Endpoints.DEFAULT_PORT : port, chosen);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * The client's conversation on a connected socket: each line of {@code in} out,
     * its echo back and printed to {@code out}; then {@code shutdown(WRITE)} and
     * whatever the server still sends, until it ends the stream.
     *
     * @throws java.io.EOFException if the server ends the stream before a line's echo is complete
     */
    static void converse(Socket socket, InputStream in, PrintWriter out) throws IOException {
        InputStream lines = new BufferedInputStream(in);
        byte[] line;
        while ((line = readLine(lines)) != null) {
            byte[] echoed = new byte[line.length];
            for (int offset = 0; offset < line.length; offset += CHUNK) {
                int length = Math.min(CHUNK, line.length - offset);
                SocketIo.sendAll(socket, line, offset, length);
                SocketIo.recvFully(socket, echoed, offset, length);
            }
            out.println("recv: " + echoed.length + " bytes: " + Text.ofChunk(echoed, 0, echoed.length));
            out.flush();
        }
        socket.shutdown(Shutdown.WRITE);
        byte[] rest = new byte[4096];
        int n;
        while ((n = socket.recv(rest)) != Socket.EOF) {
            out.println("recv: " + n + " bytes: " + Text.ofChunk(rest, 0, n));
        }
        out.flush();
    }

    /** The next line of {@code in} with its {@code '\n'} (the last one may lack it), or null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') break;
        }
        return b == -1 && line.size() == 0 ? null : line.toByteArray();
    }
}
