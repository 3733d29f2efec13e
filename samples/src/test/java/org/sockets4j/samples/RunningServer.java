package org.sockets4j.samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import picocli.CommandLine;

/**
 * An {@link EchoServer} running in this JVM on its own thread, started through
 * its command line, with its standard output and error captured. Closing it
 * stops the server and waits for {@code call()} to return.
 */
final class RunningServer implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(3);

    private final EchoServer server = new EchoServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exitCode = -1;
    private final SocketAddress address;

    private RunningServer(String... args) throws Exception {
        CommandLine commandLine = Sockets4j.configure(new CommandLine(server));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exitCode = commandLine.execute(args), "test echo-server");
        thread.setDaemon(true);
        thread.start();
        try {
            address = server.awaitListening(START);
        } catch (Exception e) {
            close();
            throw new AssertionError("echo-server " + String.join(" ", args) + " did not start; stderr: " + err, e);
        }
    }

    /** Starts {@code echo-server args...} and waits until it listens. */
    static RunningServer start(String... args) throws Exception {
        return new RunningServer(args);
    }

    /** The address it listens on, with the port the kernel chose. */
    SocketAddress address() {
        return address;
    }

    /** The TCP port it listens on. */
    int port() {
        return ((InetSocketAddress) address).getPort();
    }

    /** What it printed so far. */
    String out() {
        return out.toString();
    }

    /** What it printed on standard error so far. */
    String err() {
        return err.toString();
    }

    /** Stops the server and returns its exit code. */
    int stop() throws InterruptedException {
        server.stop();
        thread.join(START.toMillis());
        if (thread.isAlive()) throw new AssertionError("echo-server did not stop within " + START);
        return exitCode;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
