package org.sockets4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The views of one socket: this channel, and the input and output streams that share its two locks,
 * so that a stream read and a channel read never interleave in one socket. Made once per socket by
 * {@link Socket#channel()}, {@link Socket#inputStream()} or {@link Socket#outputStream()}, whichever
 * comes first.
 */
final class SocketChannelView implements SocketByteChannel {

    private final Socket socket;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final SocketInputStream input;
    private final SocketOutputStream output;
    /** The buffers of one readv or writev, each guarded by its direction's lock; cleared after the call. */
    private final ByteBuffer[] readVector = new ByteBuffer[Socket.VECTOR_MAX];
    private final ByteBuffer[] writeVector = new ByteBuffer[Socket.VECTOR_MAX];

    SocketChannelView(Socket socket) {
        this.socket = socket;
        this.input = new SocketInputStream(socket, readLock);
        this.output = new SocketOutputStream(socket, writeLock);
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Args.writable(dst, "dst");
        if (!dst.hasRemaining()) return nothing("recv");
        readLock.lock();
        try {
            int r = socket.recv(dst);
            return r == Socket.WOULD_BLOCK ? 0 : r; // EOF is -1, as NIO's
        } catch (IOException e) {
            if (inputShutDown(e)) return -1;
            throw e;
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        Args.notNull(src, "src");
        if (!src.hasRemaining()) return nothing("send");
        writeLock.lock();
        try {
            int written = 0;
            do { // a blocking send of a heap buffer goes in parts; a channel's blocking write sends all
                int r = socket.send(src);
                if (r == Socket.WOULD_BLOCK) break;
                written += r;
                if (r == 0) break;
            } while (src.hasRemaining() && socket.isBlocking());
            return written;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        check(dsts, offset, length, true, "dsts");
        readLock.lock();
        try {
            int count = vector(dsts, offset, length, readVector);
            if (count == 0) return nothing("readv");
            try {
                int r = socket.readVector(readVector, count);
                return r == Socket.WOULD_BLOCK ? 0 : r;
            } catch (IOException e) {
                if (inputShutDown(e)) return -1;
                throw e;
            } finally {
                Arrays.fill(readVector, 0, count, null); // keep no caller's buffer reachable
            }
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return read(Args.notNull(dsts, "dsts"), 0, dsts.length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check(srcs, offset, length, false, "srcs");
        writeLock.lock();
        try {
            long written = 0;
            for (;;) { // a blocking write sends all: the kernel or Gather's cut at one chunk of heap may send part
                int count = vector(srcs, offset, length, writeVector);
                if (count == 0) return written > 0 ? written : nothing("writev");
                int r;
                try {
                    r = socket.writeVector(writeVector, count);
                } catch (IOException e) {
                    if (written > 0 && !(e instanceof SocketClosedException)) return written; // the error comes next
                    throw e;
                } finally {
                    Arrays.fill(writeVector, 0, count, null);
                }
                if (r == Socket.WOULD_BLOCK) return written;
                written += r;
                if (r == 0 || !socket.isBlocking()) return written;
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(Args.notNull(srcs, "srcs"), 0, srcs.length);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "SocketByteChannel[" + socket + "]";
    }

    /**
     * Whether a receive failed because this side shut down its input: Winsock answers {@code WSAESHUTDOWN}
     * where POSIX answers the end of the stream. The views read it as the end of the stream on every
     * platform, as java.net.Socket's stream does after {@code shutdownInput}.
     */
    static boolean inputShutDown(IOException e) {
        return e instanceof NativeError n && !(e instanceof SocketClosedException) && n.errno() == Errno.ESHUTDOWN;
    }

    /** A call with nothing to move: 0, once it is known the socket is open (no native call: Winsock could wait). */
    private int nothing(String operation) throws SocketClosedException {
        if (!socket.isOpen()) throw new SocketClosedException(operation, false);
        return 0;
    }

    /** The checks of ScatteringByteChannel and GatheringByteChannel, on every buffer of the range. */
    private static void check(ByteBuffer[] buffers, int offset, int length, boolean writable, String name) {
        Args.notNull(buffers, name);
        Objects.checkFromIndexSize(offset, length, buffers.length);
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i] == null) throw new NullPointerException(name + "[" + i + "] is null");
            if (writable && buffers[i].isReadOnly()) {
                throw new IllegalArgumentException(name + "[" + i + "] is a read-only buffer");
            }
        }
    }

    /**
     * The buffers of the range that have room or bytes left, the first {@link Socket#VECTOR_MAX} of them,
     * into {@code vector}: how many.
     */
    private static int vector(ByteBuffer[] buffers, int offset, int length, ByteBuffer[] vector) {
        int count = 0;
        for (int i = offset; i < offset + length && count < vector.length; i++) {
            if (buffers[i].hasRemaining()) vector[count++] = buffers[i];
        }
        return count;
    }
}
