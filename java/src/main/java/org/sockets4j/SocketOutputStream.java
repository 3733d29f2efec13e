package org.sockets4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.IllegalBlockingModeException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Socket#outputStream()}: blocking writes over {@code send}, each returning once all its bytes
 * are sent, serialised by the socket's write lock (shared with its channel). Nothing is buffered here.
 */
final class SocketOutputStream extends OutputStream {

    private final Socket socket;
    private final ReentrantLock lock;
    /** The byte of {@link #write(int)}, guarded by the lock. */
    private final byte[] one = new byte[1];

    SocketOutputStream(Socket socket, ReentrantLock lock) {
        this.socket = socket;
        this.lock = lock;
    }

    /**
     * Sends the low eight bits of {@code b}.
     *
     * @param b the byte
     * @throws IllegalBlockingModeException if the socket is non-blocking
     * @throws SocketClosedException        if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's send timeout ran out
     * @throws IOException                  if the send fails otherwise
     */
    @Override
    public void write(int b) throws IOException {
        lock.lock();
        try {
            one[0] = (byte) b;
            sendAll(one, 0, 1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends {@code b[off, off + len)}, all of it.
     *
     * @param b   the bytes
     * @param off the index of the first byte
     * @param len how many bytes
     * @throws NullPointerException         if b is null
     * @throws IndexOutOfBoundsException    if off and len do not lie inside b
     * @throws IllegalBlockingModeException if the socket is non-blocking
     * @throws SocketClosedException        if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's send timeout ran out; part may have been sent
     * @throws IOException                  if the send fails otherwise
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Args.range(b, off, len, "b");
        if (len == 0) {
            if (!socket.isOpen()) throw new SocketClosedException("send", false);
            return;
        }
        lock.lock();
        try {
            sendAll(b, off, len);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: sends until every byte is gone. */
    private void sendAll(byte[] b, int off, int len) throws IOException {
        if (!socket.isBlocking()) throw new IllegalBlockingModeException();
        while (len > 0) {
            int r = socket.send(b, off, len);
            // the socket became non-blocking during the call
            if (r == Socket.WOULD_BLOCK) throw new IllegalBlockingModeException();
            off += r;
            len -= r;
        }
    }

    /**
     * Does nothing: every write has reached the kernel when it returns.
     *
     * @throws SocketClosedException if the socket is closed
     */
    @Override
    public void flush() throws IOException {
        if (!socket.isOpen()) throw new SocketClosedException("flush", false);
    }

    /** Closes the socket, as closing {@link java.net.Socket#getOutputStream()}'s stream does. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "SocketOutputStream[" + socket + "]";
    }
}
