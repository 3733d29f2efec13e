package org.sockets4j.samples;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.sockets4j.Accepted;
import org.sockets4j.Errno;
import org.sockets4j.NativeError;
import org.sockets4j.Socket;
import org.sockets4j.SocketClosedException;

/**
 * serv.cpp's model: blocking calls, {@code accept} in a loop and a thread per
 * client that receives and sends every chunk back. The threads come from a
 * {@link ThreadFactory}: platform threads for {@code --model thread-per-client},
 * virtual threads for {@code --model virtual}; the code is the same.
 *
 * <p>{@link #stop()} closes the listening socket, which wakes the blocked
 * {@code accept}, and every client socket, which wakes the blocked {@code recv}s.
 */
final class ThreadPerClientEcho implements EchoService {

    private static final int BUFFER_SIZE = 4096;
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final ThreadFactory threads;
    private final EchoLog log;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile Socket listener;
    private volatile boolean stopping;

    /**
     * @param threads makes one unstarted thread per client
     * @param log     where the clients' traffic is printed
     */
    ThreadPerClientEcho(ThreadFactory threads, EchoLog log) {
        this.threads = threads;
        this.log = log;
    }

    /** Platform threads, daemons so that a stuck client cannot keep the JVM alive. */
    static ThreadFactory platformThreads() {
        return task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void serve(Socket server) throws IOException {
        listener = server;
        try {
            if (!stopping) acceptLoop(server); // else stop() ran before there was a socket to close
        } finally {
            stop();
            awaitWorkers();
        }
    }

    private void acceptLoop(Socket server) throws IOException {
        while (true) {
            Accepted connection;
            try {
                connection = server.accept();
            } catch (SocketClosedException e) {
                if (stopping) return;
                throw e;
            } catch (IOException e) {
                // The peer gave up while queued: nothing to serve, keep accepting.
                if (e instanceof NativeError n && n.errno() == Errno.ECONNABORTED) continue;
                throw e;
            }
            String client = log.name(connection);
            clients.add(connection.socket());
            if (stopping) { // stop() may have closed the clients before this one was in the set
                connection.close();
                return;
            }
            Thread worker = threads.newThread(() -> echo(connection, client));
            worker.setName("echo-server " + client);
            workers.add(worker);
            worker.start();
        }
    }

    /** serv.cpp's ClientThread: receive, print, send it all back, until the client ends the stream. */
    private void echo(Accepted connection, String client) {
        Socket socket = connection.socket();
        log.connected(client);
        byte[] buf = new byte[BUFFER_SIZE];
        try (connection) {
            int n;
            while ((n = socket.recv(buf)) != Socket.EOF) {
                log.received(client, buf, 0, n);
                SocketIo.sendAll(socket, buf, 0, n);
            }
            log.disconnected(client);
        } catch (IOException e) {
            if (!stopping) log.failed(client, e);
        } finally {
            clients.remove(socket);
            workers.remove(Thread.currentThread());
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Socket server = listener;
        if (server != null) server.close();
        for (Socket client : clients) {
            client.close();
        }
    }

    /** Waits briefly for the client threads, which stop() has woken, to end. */
    private void awaitWorkers() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
