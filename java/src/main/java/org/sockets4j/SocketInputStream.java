package org.sockets4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.IllegalBlockingModeException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Socket#inputStream()}: blocking reads over {@code recv}, serialised by the socket's read lock
 * (shared with its channel). See {@link Socket#inputStream()} for what it promises.
 */
final class SocketInputStream extends InputStream {

    private final Socket socket;
    private final ReentrantLock lock;
    /** The byte of {@link #read()}, guarded by the lock. */
    private final byte[] one = new byte[1];

    SocketInputStream(Socket socket, ReentrantLock lock) {
        this.socket = socket;
        this.lock = lock;
    }

    /**
     * One byte, waiting for it.
     *
     * @return the byte, 0 to 255, or -1 at the end of the stream
     * @throws IllegalBlockingModeException if the socket is non-blocking
     * @throws SocketClosedException        if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's receive timeout ran out
     * @throws IOException                  if the receive fails otherwise
     */
    @Override
    public int read() throws IOException {
        lock.lock();
        try {
            int r = receive(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code len} bytes into {@code b[off, off + len)}, waiting for at least one.
     *
     * @param b   where the bytes go
     * @param off the index of the first byte
     * @param len how many bytes fit
     * @return the bytes read, 0 when {@code len} is 0, or -1 at the end of the stream
     * @throws NullPointerException         if b is null
     * @throws IndexOutOfBoundsException    if off and len do not lie inside b
     * @throws IllegalBlockingModeException if the socket is non-blocking
     * @throws SocketClosedException        if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's receive timeout ran out
     * @throws IOException                  if the receive fails otherwise
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Args.range(b, off, len, "b");
        if (len == 0) {
            if (!socket.isOpen()) throw new SocketClosedException("recv", false);
            return 0;
        }
        lock.lock();
        try {
            return receive(b, off, len);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: one recv of at least one byte, or -1. */
    private int receive(byte[] b, int off, int len) throws IOException {
        if (!socket.isBlocking()) throw new IllegalBlockingModeException();
        for (;;) {
            int r;
            try {
                r = socket.recv(b, off, len);
            } catch (IOException e) {
                if (SocketChannelView.inputShutDown(e)) return -1;
                throw e;
            }
            if (r > 0) return r;
            if (r == Socket.EOF) return -1;
            // the socket became non-blocking during the call
            if (r == Socket.WOULD_BLOCK) throw new IllegalBlockingModeException();
            // 0: an empty datagram, which an InputStream cannot show; the next one is waited for
        }
    }

    /**
     * {@code FIONREAD}: how many bytes a read could take now without waiting.
     *
     * @return the bytes queued
     * @throws SocketClosedException if the socket is closed
     * @throws IOException           if the call fails otherwise
     */
    @Override
    public int available() throws IOException {
        return socket.bytesAvailable();
    }

    /** Closes the socket, as closing {@link java.net.Socket#getInputStream()}'s stream does. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "SocketInputStream[" + socket + "]";
    }
}
