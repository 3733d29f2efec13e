package org.sockets4j.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.sockets4j.Accepted;
import org.sockets4j.Errno;
import org.sockets4j.NativeError;
import org.sockets4j.Poller;
import org.sockets4j.Socket;

/**
 * {@code --model poller}: one thread, the caller's, serves every client with a
 * {@link Poller} event loop over non-blocking sockets.
 *
 * <p>The listening socket is registered for READ and accepts until it would
 * block. A client is registered for READ while it has nothing waiting to be sent:
 * what one {@code recv} brings is sent back at once, and what the kernel does not
 * take stays in the client's pending buffer. While output is pending the client
 * is registered for WRITE only, so a client that sends faster than it reads is
 * not read from until it has taken its echo: memory per client stays one buffer.
 *
 * <p>{@link #stop()} sets a flag and wakes the poller; the loop then closes every
 * client and the poller.
 */
final class PollerEcho implements EchoService {

    /** Bytes per client: one recv's worth, which is also the most that can be pending. */
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int EVENTS = 256;

    private final EchoLog log;
    private final Set<Client> clients = new HashSet<>(); // only the loop's thread touches it
    private volatile Poller poller;
    private volatile boolean stopping;

    /** @param log where the clients' traffic is printed */
    PollerEcho(EchoLog log) {
        this.log = log;
    }

    @Override
    public void serve(Socket listener) throws IOException {
        listener.setBlocking(false);
        try (Poller events = Poller.open()) {
            poller = events;
            if (stopping) return; // stop() ran before there was a poller to wake
            events.register(listener, Poller.READ, null); // the listener is the one without an attachment
            loop(events, listener);
        } finally {
            for (Client client : clients) {
                client.socket.close();
            }
            clients.clear();
        }
    }

    private void loop(Poller events, Socket listener) throws IOException {
        Poller.Events ready = new Poller.Events(EVENTS);
        while (!stopping) {
            int n = events.poll(ready, null);
            for (int i = 0; i < n && !stopping; i++) {
                Object attachment = ready.attachment(i);
                if (attachment == null) {
                    acceptAll(events, listener);
                } else {
                    ((Client) attachment).onReady();
                }
            }
        }
    }

    private void acceptAll(Poller events, Socket listener) throws IOException {
        while (true) {
            Accepted connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                // The peer gave up while queued: nothing to serve, keep accepting.
                if (e instanceof NativeError n && n.errno() == Errno.ECONNABORTED) continue;
                throw e;
            }
            if (connection == null) return; // none left: back to the poller
            String name = log.name(connection);
            Socket socket = connection.socket();
            try {
                socket.setBlocking(false); // accept() gives a blocking socket whatever the listener's mode
                Client client = new Client(socket, name);
                client.registration = events.register(socket, Poller.READ, client);
                clients.add(client);
                log.connected(name);
            } catch (IOException e) {
                socket.close();
                log.failed(name, e);
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Poller events = poller;
        if (events != null) events.wakeup();
    }

    /** One connection: its socket, its registration and its pending output. */
    private final class Client {
        final Socket socket;
        final String name;
        final byte[] array = new byte[BUFFER_SIZE];
        /** Between position and limit: received, not yet sent back. Empty while reading. */
        final ByteBuffer pending = ByteBuffer.wrap(array).limit(0);
        Poller.Registration registration;

        Client(Socket socket, String name) {
            this.socket = socket;
            this.name = name;
        }

        /**
         * The socket is ready for what it is registered for: a READ registration
         * receives (or sees the end of the stream or an error), a WRITE
         * registration sends what is pending.
         */
        void onReady() {
            try {
                if (pending.hasRemaining()) {
                    flush();
                } else {
                    receive();
                }
            } catch (IOException e) {
                if (!stopping) log.failed(name, e);
                close();
            }
        }

        private void receive() throws IOException {
            pending.clear();
            int n = socket.recv(pending);
            if (n == Socket.WOULD_BLOCK) {
                pending.limit(0);
                return;
            }
            if (n == Socket.EOF) {
                pending.limit(0);
                log.disconnected(name);
                close();
                return;
            }
            pending.flip();
            log.received(name, array, 0, n);
            flush();
        }

        /** Sends what is pending; WRITE interest while some remains, READ once all is sent. */
        private void flush() throws IOException {
            while (pending.hasRemaining()) {
                if (socket.send(pending) == Socket.WOULD_BLOCK) {
                    want(Poller.WRITE);
                    return;
                }
            }
            want(Poller.READ);
        }

        private void want(int interest) throws IOException {
            if (registration.interest() != interest) registration.setInterest(interest);
        }

        private void close() {
            clients.remove(this);
            socket.close(); // also cancels the registration
        }
    }
}
