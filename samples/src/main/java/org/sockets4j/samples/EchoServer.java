package org.sockets4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockets4j.Family;
import org.sockets4j.Socket;
import org.sockets4j.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sockets4j echo-server}: the classic Winsock tutorial's {@code serv.cpp} in Java. It opens a
 * stream socket, binds it, listens, and accepts connections; every chunk a client
 * sends is printed and sent back. How clients are served is the {@code --model}
 * ({@link Model}): a thread per client as in the notes (the default), a virtual
 * thread per client, or one thread running a {@link org.sockets4j.Poller} event loop.
 *
 * <p>It prints {@code listening on ADDR} once connections can be made (with the
 * port the kernel picked for {@code --port 0}). A shutdown hook (Ctrl-C, SIGTERM)
 * stops the model's {@link EchoService}, which closes every client socket,
 * removes the Unix socket file the server created, and ends the JVM with exit
 * code 0 instead of the signal's 128 + n.
 */
@Command(name = "echo-server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // The first element is the summary `sockets4j --help` lists: whole sentences, which picocli wraps.
        description = {
            "Accepts TCP or Unix stream connections and sends back every byte received.",
            "By default a thread per client serves it, as in the notes; --model virtual gives each client a virtual"
                    + " thread (Java 21+), --model poller serves all clients from one thread with a Poller.",
            "Prints 'listening on ADDR' once ready. Ctrl-C stops it.",
        })
public final class EchoServer implements Callable<Integer> {

    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
            description = "TCP port, 0 for any free one (default: " + Endpoints.DEFAULT_PORT + ")")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "local address or host name (default: the family's wildcard address)")
    private String bind;

    @Option(names = "--family", paramLabel = "FAMILY", converter = FamilyConverter.class,
            description = FamilyConverter.CHOICES + " (default: inet; that of --bind; unix with --path)")
    private Family family;

    @Option(names = "--path", paramLabel = "P",
            description = "socket file to create, for --family unix; a stale one is replaced")
    private Path path;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "16",
            description = "listen() backlog (default: ${DEFAULT-VALUE})")
    private int backlog;

    @Option(names = "--model", paramLabel = "MODEL", converter = ModelConverter.class,
            defaultValue = "thread-per-client",
            description = "how clients are served: " + Model.CHOICES + " (default: ${DEFAULT-VALUE})")
    private Model model;

    private final CompletableFuture<SocketAddress> listening = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile EchoService service;
    private volatile boolean stopping;
    private PrintWriter out;
    private PrintWriter err;
    /** The Unix socket file this server's bind created, and its file key, until it is removed. */
    private Path createdFile;
    private Object createdFileKey;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        Family chosen = chooseFamily();
        service = model.create(new EchoLog(out, err));
        if (stopping) service.stop(); // stop() ran before there was a service to stop
        Thread hook = new Thread(this::onShutdown, "echo-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            serve(chosen, localAddress(chosen));
            out.println("echo-server: stopped");
            return 0;
        } catch (IOException | RuntimeException | Error e) {
            listening.completeExceptionally(e);
            throw e;
        } finally {
            listening.completeExceptionally(new IOException("the server stopped before it was listening"));
            cleanup();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is what stopped this server.
            }
            out.flush();
            finished.countDown();
        }
    }

    // ---- options ------------------------------------------------------------------------------------------------

    private Family chooseFamily() {
        if (backlog < 0) throw usage("--backlog must be 0 or more, not " + backlog);
        if (model == Model.VIRTUAL && !VirtualThreads.available()) {
            throw usage("--model virtual: " + VirtualThreads.missing());
        }
        Family chosen = family != null ? family : path != null ? Family.UNIX : null;
        if (chosen == Family.UNIX) {
            if (path == null) throw usage("--family unix needs --path P, the socket file to create");
            if (bind != null) throw usage("--bind is for inet and inet6; a unix server listens on --path");
            if (port != null) throw usage("--port is for inet and inet6; a unix server listens on --path");
        } else if (path != null) {
            throw usage("--path is for --family unix, not " + chosen.name().toLowerCase(Locale.ROOT));
        }
        return chosen; // null: inet, or the family of --bind
    }

    private SocketAddress localAddress(Family chosen) throws IOException {
        if (chosen == Family.UNIX) return UnixDomainSocketAddress.of(path);
        int p = port == null ? Endpoints.DEFAULT_PORT : port;
        if (bind == null) return Endpoints.wildcard(chosen == null ? Family.INET : chosen, p);
        return Endpoints.resolve(bind, p, chosen);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    // ---- the server ---------------------------------------------------------------------------------------------

    private void serve(Family chosen, SocketAddress local) throws IOException {
        Family f = chosen != null ? chosen : Endpoints.familyOf(((InetSocketAddress) local).getAddress());
        if (f == Family.UNIX) removeStaleSocketFile(path);
        try (Socket server = Socket.open(f, Type.STREAM)) {
            if (stopping) return;
            server.bind(local);
            if (f == Family.UNIX) rememberCreatedFile(path);
            server.listen(backlog);
            SocketAddress bound = server.localAddress();
            out.println("listening on " + Endpoints.format(bound));
            out.flush();
            listening.complete(bound);
            service.serve(server);
        }
    }

    // ---- Unix socket file ----------------------------------------------------------------------------------------

    /**
     * A socket file left by a server that died keeps {@code bind} failing with
     * EADDRINUSE. Removes the file at {@code file} only if it is a socket file and
     * a connection to it is refused; a live server there is an error.
     */
    private void removeStaleSocketFile(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        if (!attributes.isOther()) return; // not a socket: leave it alone, bind reports EADDRINUSE
        try (Socket probe = Socket.open(Family.UNIX, Type.STREAM)) {
            probe.connect(UnixDomainSocketAddress.of(file));
        } catch (ConnectException refused) {
            Files.deleteIfExists(file);
            out.println("removed stale socket file " + file);
            return;
        }
        throw new IOException("bind " + file + ": another server is listening there");
    }

    private synchronized void rememberCreatedFile(Path file) throws IOException {
        createdFile = file;
        createdFileKey = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Removes the socket file this server created, unless something else has replaced it since. */
    private synchronized void removeCreatedFile() {
        Path file = createdFile;
        if (file == null) return;
        createdFile = null;
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (Objects.equals(key, createdFileKey)) Files.delete(file);
        } catch (NoSuchFileException gone) {
            // already removed
        } catch (IOException e) {
            err.println("echo-server: cannot remove " + file + ": " + e.getMessage());
        }
    }

    // ---- stopping -------------------------------------------------------------------------------------------------

    /**
     * Stops the server from any thread: stops the model's service, which closes
     * every client socket. {@link #call()} then returns 0.
     */
    void stop() {
        stopping = true;
        EchoService running = service;
        if (running != null) running.stop();
    }

    /**
     * Waits until the server listens.
     *
     * @return the bound address, with the port the kernel chose for {@code --port 0}
     * @throws IOException if the server failed or stopped first, or did not listen in time
     */
    SocketAddress awaitListening(Duration timeout) throws IOException, InterruptedException {
        try {
            return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("echo-server did not start: " + CliErrors.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("echo-server did not listen within " + timeout.toMillis() + " ms");
        }
    }

    /** Stops the service if it is still running (serve() has waited for its clients) and removes the socket file. */
    private void cleanup() {
        stop();
        removeCreatedFile();
    }

    /**
     * The shutdown hook: stops the server, lets {@link #call()} finish its cleanup,
     * and ends the JVM with 0, since a stop by signal is this server's normal end.
     */
    private void onShutdown() {
        stop();
        try {
            finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeCreatedFile();
        if (out != null) out.flush();
        if (err != null) err.flush();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
