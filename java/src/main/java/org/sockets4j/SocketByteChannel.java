package org.sockets4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * A {@link Socket} as a NIO channel ({@link Socket#channel()}): {@code read} is {@code recv},
 * {@code write} is {@code send}, and the array forms scatter and gather in one call
 * ({@code readv}/{@code writev}; {@code WSARecv}/{@code WSASend} with several buffers on Windows).
 *
 * <p><b>Modes.</b> The channel has its socket's blocking mode, set with {@link Socket#setBlocking}.
 * Blocking: a read waits for at least one byte, a write returns once every byte it was given is sent,
 * and the socket's {@code SO_RCVTIMEO}/{@code SO_SNDTIMEO} end a wait with
 * {@link java.net.SocketTimeoutException}. Non-blocking: a read returns 0 and a write returns 0 when
 * nothing is ready, as a non-blocking {@link java.nio.channels.SocketChannel}'s do.
 *
 * <p><b>Results and failures.</b> A read returns -1 at the end of the stream. Buffers' positions move
 * by the bytes read or written, in order across an array. A read into a read-only buffer throws
 * {@link IllegalArgumentException}; a null buffer {@link NullPointerException}; an offset and length
 * outside an array {@link IndexOutOfBoundsException}. An array call takes at most 64 buffers at a time
 * (the buffers after the 64th wait for the next call). A closed socket throws {@link SocketClosedException},
 * a {@link java.nio.channels.ClosedChannelException}, also when another thread closes it during the call.
 * Other failures are the socket's own exceptions, which implement {@link NativeError}.
 *
 * <p><b>Threads.</b> Reads are serialised among themselves, writes among themselves (one lock for
 * each direction, shared with the socket's {@link Socket#inputStream()} and {@link Socket#outputStream()});
 * a read and a write may run at once. The locks are {@link java.util.concurrent.locks.ReentrantLock}s, so
 * a virtual thread waiting for one is not pinned.
 *
 * <p><b>Closing.</b> {@link #close()} closes the socket, and {@link #isOpen()} is the socket's. This
 * channel is not an {@link java.nio.channels.InterruptibleChannel} of its own: a thread interrupted
 * during a call gets what the socket's blocking calls do.
 */
public sealed interface SocketByteChannel extends ByteChannel, ScatteringByteChannel, GatheringByteChannel
        permits SocketChannelView {

    /**
     * The socket this channel reads and writes.
     *
     * @return the socket
     */
    Socket socket();

    /**
     * Reads into {@code dst}'s remaining space (one {@code recv}).
     *
     * @param dst where the bytes go
     * @return the bytes read, possibly 0 (no room in {@code dst}, or a non-blocking socket with nothing
     *         ready), or -1 at the end of the stream
     * @throws NullPointerException     if dst is null
     * @throws IllegalArgumentException if dst is read-only
     * @throws SocketClosedException    if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's receive timeout ran out
     * @throws IOException              if the receive fails otherwise
     */
    @Override
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes {@code src}'s remaining bytes (a blocking socket: all of them).
     *
     * @param src the bytes to send
     * @return the bytes written, possibly 0 (nothing in {@code src}, or a non-blocking socket that cannot
     *         take any now)
     * @throws NullPointerException  if src is null
     * @throws SocketClosedException if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's send timeout ran out
     * @throws IOException           if the send fails otherwise
     */
    @Override
    int write(ByteBuffer src) throws IOException;

    /**
     * Scatters into the remaining space of {@code dsts[offset, offset + length)}, in order (one {@code readv}).
     *
     * @param dsts   the buffers
     * @param offset the index of the first buffer to fill
     * @param length how many buffers, from {@code offset}, may be filled
     * @return the bytes read, possibly 0, or -1 at the end of the stream
     * @throws NullPointerException      if dsts or one of the buffers used is null
     * @throws IndexOutOfBoundsException if offset and length do not lie inside dsts
     * @throws IllegalArgumentException  if one of the buffers used is read-only
     * @throws SocketClosedException     if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's receive timeout ran out
     * @throws IOException               if the receive fails otherwise
     */
    @Override
    long read(ByteBuffer[] dsts, int offset, int length) throws IOException;

    /**
     * Scatters into the remaining space of all of {@code dsts}, in order.
     *
     * @param dsts the buffers
     * @return the bytes read, possibly 0, or -1 at the end of the stream
     * @throws NullPointerException     if dsts or one of its buffers is null
     * @throws IllegalArgumentException if one of the buffers is read-only
     * @throws SocketClosedException    if the socket is closed, also by another thread during the call
     * @throws IOException              if the receive fails otherwise
     */
    @Override
    long read(ByteBuffer[] dsts) throws IOException;

    /**
     * Gathers the remaining bytes of {@code srcs[offset, offset + length)}, in order (one {@code writev};
     * on a blocking socket, as many as it takes to send them all).
     *
     * @param srcs   the buffers
     * @param offset the index of the first buffer to send from
     * @param length how many buffers, from {@code offset}, to send from
     * @return the bytes written, possibly 0
     * @throws NullPointerException      if srcs or one of the buffers used is null
     * @throws IndexOutOfBoundsException if offset and length do not lie inside srcs
     * @throws SocketClosedException     if the socket is closed, also by another thread during the call
     * @throws java.net.SocketTimeoutException if the socket's send timeout ran out
     * @throws IOException               if the send fails otherwise
     */
    @Override
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    /**
     * Gathers the remaining bytes of all of {@code srcs}, in order.
     *
     * @param srcs the buffers
     * @return the bytes written, possibly 0
     * @throws NullPointerException  if srcs or one of its buffers is null
     * @throws SocketClosedException if the socket is closed, also by another thread during the call
     * @throws IOException           if the send fails otherwise
     */
    @Override
    long write(ByteBuffer[] srcs) throws IOException;

    /**
     * Whether the socket is open.
     *
     * @return true until the socket is closed
     */
    @Override
    boolean isOpen();

    /** Closes the socket (idempotent); calls blocked in it on other threads end in {@link SocketClosedException}. */
    @Override
    void close();
}
