package org.sockets4j.samples;

import java.io.IOException;
import org.sockets4j.Socket;

/**
 * One way of serving echo clients: what {@code echo-server --model} chooses.
 * {@link EchoServer} opens, binds and listens; the service accepts and echoes
 * until {@link #stop()}.
 */
interface EchoService {

    /**
     * Accepts connections on {@code listener} and echoes every client until
     * {@link #stop()} is called, then closes every client and returns. Returns at
     * once if {@code stop()} came first. The caller closes {@code listener} afterwards;
     * {@code stop()} may close it earlier to wake a blocked {@code accept}.
     *
     * @throws IOException if accepting fails for a reason other than stopping
     */
    void serve(Socket listener) throws IOException;

    /** Makes {@link #serve} return soon; callable from any thread, before, during or after {@code serve}. */
    void stop();
}
