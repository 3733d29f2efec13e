package org.sockets4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.sockets4j.Accepted;

/**
 * What {@code echo-server} prints about its clients, the same for every model:
 * {@code [#n peer] connected}, one {@code recv:} line per chunk received,
 * {@code disconnected}, and one line on standard error for a failed client.
 */
final class EchoLog {

    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicInteger connections = new AtomicInteger();

    EchoLog(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** A new client's name, {@code #n peer}, numbered in the order of acceptance. */
    String name(Accepted connection) {
        return "#" + connections.incrementAndGet() + " " + Endpoints.format(connection.peer());
    }

    void connected(String client) {
        out.println("[" + client + "] connected");
    }

    void received(String client, byte[] buf, int offset, int length) {
        out.println("[" + client + "] recv: " + Text.ofChunk(buf, offset, length));
    }

    void disconnected(String client) {
        out.println("[" + client + "] disconnected");
    }

    void failed(String client, IOException e) {
        err.println("echo-server: " + client + ": " + CliErrors.describe(e));
    }
}
