package org.sockets4j;

import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sockets4j.internal.NativeBatch;
import org.sockets4j.internal.NativeConstants;
import org.sockets4j.internal.NativeMemory;

/**
 * A reusable batch of datagrams for {@link Socket#sendMany} and {@link Socket#recvMany}
 * ({@code sendmmsg}/{@code recvmmsg} on Linux, a loop of {@code sendmsg}/{@code recvmsg} elsewhere):
 * {@link #capacity()} datagrams of at most {@link #slotSize()} bytes each, in one block of direct
 * memory allocated once. Each datagram has its bytes, a length, an address and, after a receive,
 * whether it was truncated. Nothing here allocates per datagram: the views that {@link #data} and
 * {@link #slot} return are made once with the batch, and a received source is decoded only when
 * {@link #address} asks for it.
 *
 * <pre>{@code
 * DatagramBatch batch = DatagramBatch.allocate(32, 1500);
 * int n = socket.recvMany(batch);             // waits for the first, then takes what is queued
 * for (int i = 0; i < n; i++) {
 *     handle(batch.data(i), batch.address(i)); // echo: leave them as they are, then
 * }
 * socket.sendMany(batch, 0, n);               // each back to its sender
 * }</pre>
 *
 * <p>A receive overwrites the lengths, flags and addresses of the datagrams it fills and leaves the
 * others as they were. A send reads each datagram's length and, when one was set (or received),
 * its address; a datagram without one goes to the connected peer.
 *
 * <p>Not thread-safe: like a {@link ByteBuffer}, a batch belongs to one thread at a time, and must
 * not be changed while a call of {@link Socket} uses it.
 */
public final class DatagramBatch {

    /** The most datagrams a batch holds (Linux's {@code UIO_MAXIOV}, which bounds {@code sendmmsg} too). */
    public static final int MAX_CAPACITY = NativeConstants.require("S4J_BATCH_MAX");

    /** The largest slot, in bytes: more than any UDP datagram (65,507 bytes of payload) and most Unix ones. */
    public static final int MAX_SLOT_SIZE = 1 << 20;

    /** The most memory for the datagrams' bytes of one batch ({@code capacity * slotSize}). */
    public static final long MAX_BYTES = 64L << 20;

    private static final int RECORD = NativeConstants.require("S4J_DATAGRAM_SIZE");
    private static final int LENGTH = NativeConstants.require("S4J_DATAGRAM_LENGTH");
    private static final int FLAGS = NativeConstants.require("S4J_DATAGRAM_FLAGS");
    private static final int ADDRESSED = NativeConstants.require("S4J_DATAGRAM_ADDRESSED");
    private static final int ADDRESS = NativeConstants.require("S4J_DATAGRAM_ADDRESS");
    private static final int ADDRESS_SIZE = NativeConstants.require("S4J_ADDRESS_SIZE");

    private final int capacity;
    private final int slotSize;
    private final ByteBuffer memory;
    private final long recordBase;
    private final long dataBase;
    private final int dataOffset;
    private final ByteBuffer[] views;
    private final ByteBuffer[] addresses;

    private DatagramBatch(int capacity, int slotSize) {
        this.capacity = capacity;
        this.slotSize = slotSize;
        this.dataOffset = capacity * RECORD; // a multiple of 8 (batch.h), so every slot starts aligned
        this.memory = ByteBuffer.allocateDirect(dataOffset + capacity * slotSize).order(ByteOrder.nativeOrder());
        this.recordBase = NativeMemory.address(memory);
        this.dataBase = recordBase + dataOffset;
        this.views = new ByteBuffer[capacity];
        this.addresses = new ByteBuffer[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = memory.slice(dataOffset + i * slotSize, slotSize);
            addresses[i] = memory.slice(i * RECORD + ADDRESS, ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        }
    }

    /**
     * A batch of {@code capacity} datagrams of at most {@code slotSize} bytes each, all of length 0
     * and without addresses.
     *
     * @param capacity how many datagrams: 1 to {@link #MAX_CAPACITY}
     * @param slotSize the bytes each can hold: 1 to {@link #MAX_SLOT_SIZE}; a received datagram longer
     *                 than this is cut to fit and marked {@link #truncated}
     * @return the batch
     * @throws IllegalArgumentException if capacity or slotSize is out of range, or their product is
     *                                  more than {@link #MAX_BYTES}
     */
    public static DatagramBatch allocate(int capacity, int slotSize) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + ": " + capacity);
        }
        if (slotSize < 1 || slotSize > MAX_SLOT_SIZE) {
            throw new IllegalArgumentException("slotSize must be 1.." + MAX_SLOT_SIZE + ": " + slotSize);
        }
        if ((long) capacity * slotSize > MAX_BYTES) {
            throw new IllegalArgumentException("capacity " + capacity + " * slotSize " + slotSize
                    + " is more than " + MAX_BYTES + " bytes");
        }
        return new DatagramBatch(capacity, slotSize);
    }

    /**
     * How many datagrams this batch holds.
     *
     * @return the capacity given to {@link #allocate}
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The most bytes each datagram holds.
     *
     * @return the slot size given to {@link #allocate}
     */
    public int slotSize() {
        return slotSize;
    }

    /**
     * Datagram {@code index}'s bytes: a view of its slot with position 0 and limit its {@link #length}.
     * The same object every call (so that reading a batch allocates nothing); each call resets its
     * position and limit, so use it before asking for this index again.
     *
     * @param index 0 to capacity - 1
     * @return the view
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public ByteBuffer data(int index) {
        int length = length(index);
        return views[index].limit(length).position(0);
    }

    /**
     * Datagram {@code index}'s whole slot, for filling before a send: a view with position 0 and limit
     * {@link #slotSize()} (the same object {@link #data} returns, reset). Then set the length with
     * {@link #setLength}, e.g. {@code batch.setLength(i, slot.position())}.
     *
     * @param index 0 to capacity - 1
     * @return the view
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public ByteBuffer slot(int index) {
        return views[check(index)].clear();
    }

    /**
     * Datagram {@code index}'s length: after a receive, the bytes stored (at most the slot size);
     * before a send, the bytes to send.
     *
     * @param index 0 to capacity - 1
     * @return the length
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public int length(int index) {
        int length = memory.getInt(record(index) + LENGTH);
        // The record is memory C writes: never trust it as an index.
        return length < 0 || length > slotSize ? 0 : length;
    }

    /**
     * Sets how many bytes of datagram {@code index}'s slot a send takes.
     *
     * @param index  0 to capacity - 1
     * @param length 0 to the slot size
     * @return this batch
     * @throws IndexOutOfBoundsException if index or length is out of range
     */
    public DatagramBatch setLength(int index, int length) {
        int at = record(index);
        if (length < 0 || length > slotSize) {
            throw new IndexOutOfBoundsException("length must be 0.." + slotSize + ": " + length);
        }
        memory.putInt(at + LENGTH, length);
        return this;
    }

    /**
     * Copies {@code src}'s remaining bytes into datagram {@code index}'s slot and sets its length to
     * their count; src's position advances past them.
     *
     * @param index 0 to capacity - 1
     * @param src   the bytes, at most the slot size of them
     * @return this batch
     * @throws IndexOutOfBoundsException if index is out of range
     * @throws IllegalArgumentException  if src has more bytes remaining than a slot holds
     */
    public DatagramBatch put(int index, ByteBuffer src) {
        check(index);
        Args.notNull(src, "src");
        int length = src.remaining();
        if (length > slotSize) {
            throw new IllegalArgumentException("src has " + length + " bytes remaining; a slot holds " + slotSize);
        }
        views[index].clear().put(src);
        memory.putInt(index * RECORD + LENGTH, length);
        return this;
    }

    /**
     * Copies {@code src[offset, offset + length)} into datagram {@code index}'s slot and sets its length.
     *
     * @param index  0 to capacity - 1
     * @param src    the bytes
     * @param offset the index in src of the first byte
     * @param length how many: at most the slot size
     * @return this batch
     * @throws IndexOutOfBoundsException if index, offset or length is out of range
     * @throws IllegalArgumentException  if length is more than a slot holds
     */
    public DatagramBatch put(int index, byte[] src, int offset, int length) {
        check(index);
        Args.range(src, offset, length, "src");
        if (length > slotSize) {
            throw new IllegalArgumentException("length " + length + " is more than a slot holds: " + slotSize);
        }
        views[index].clear().put(src, offset, length);
        memory.putInt(index * RECORD + LENGTH, length);
        return this;
    }

    /**
     * Datagram {@code index}'s address: after a receive, its source; before a send, its destination.
     * Decoded now, so it allocates: a loop that never asks allocates nothing.
     *
     * @param index 0 to capacity - 1
     * @return the address, or null when it has none (a send to the connected peer, or a source the
     *         kernel did not report, e.g. an unbound Unix sender)
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public SocketAddress address(int index) {
        int at = record(index);
        if (memory.getInt(at + ADDRESSED) == 0) return null;
        return AddressCodec.read(addresses[index]);
    }

    /**
     * Sets where a send takes datagram {@code index}: a datagram with an address goes there, one
     * without to the connected peer. A receive replaces it with the datagram's source, so a batch
     * received and sent again goes back to its senders. {@link Socket#sendMany} checks that the
     * address suits the socket's family (an IPv4 address on an INET6 socket goes IPv4-mapped).
     *
     * @param index  0 to capacity - 1
     * @param target an {@link java.net.InetSocketAddress}, a {@link java.net.UnixDomainSocketAddress} or an
     *               {@link AbstractUnixAddress}; null for none
     * @return this batch
     * @throws IndexOutOfBoundsException if index is out of range
     * @throws IllegalArgumentException  if target is of another type, unresolved, or a path too long
     */
    public DatagramBatch setAddress(int index, SocketAddress target) {
        int at = record(index);
        if (target == null) {
            memory.putInt(at + ADDRESSED, 0);
            return this;
        }
        AddressCodec.write(target, AddressCodec.familyOf(target, "target"), "target", addresses[index]);
        memory.putInt(at + ADDRESSED, 1);
        return this;
    }

    /**
     * Whether datagram {@code index}, as last received, was longer than its slot: the rest was
     * discarded ({@code MSG_TRUNC} in its flags; on Windows, {@code WSAEMSGSIZE}).
     *
     * @param index 0 to capacity - 1
     * @return true when it was cut to fit
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public boolean truncated(int index) {
        return (memory.getInt(record(index) + FLAGS) & ControlCodec.OUT_TRUNC) != 0;
    }

    @Override
    public String toString() {
        return "DatagramBatch[capacity=" + capacity + " slotSize=" + slotSize + "]";
    }

    // ---- for Socket ---------------------------------------------------------------------------------------------

    /** Checks that {@code [from, from + count)} are datagrams of this batch. */
    void range(int from, int count) {
        if (from < 0 || count < 0 || from > capacity - count) {
            throw new IndexOutOfBoundsException("from " + from + " and count " + count + " must lie inside a batch of "
                    + capacity);
        }
    }

    /** Makes the addresses a send of {@code [from, from + count)} uses suit a socket of {@code family}. */
    void fitAddresses(int from, int count, Family family) {
        for (int i = from; i < from + count; i++) {
            if (memory.getInt(i * RECORD + ADDRESSED) != 0) AddressCodec.fit(addresses[i], family, "batch address " + i);
        }
    }

    int send(long fd, int from, int count, int mask) {
        try {
            return NativeBatch.sendMany(fd, recordBase + (long) from * RECORD, dataBase + (long) from * slotSize,
                    slotSize, count, mask);
        } finally {
            Reference.reachabilityFence(memory);
        }
    }

    int receive(long fd, int from, int count, int mask) {
        try {
            return NativeBatch.recvMany(fd, recordBase + (long) from * RECORD, dataBase + (long) from * slotSize,
                    slotSize, count, mask);
        } finally {
            Reference.reachabilityFence(memory);
        }
    }

    /**
     * How many of {@code n} received datagrams to keep when a close raced the receive: without the
     * empty ones at the end, which may be the close's own wake-ups (Linux's shutdown() reads as an
     * empty datagram, BSD's preclose sends one), not the peer's.
     */
    int keptAfterClose(int from, int n) {
        while (n > 0 && memory.getInt((from + n - 1) * RECORD + LENGTH) == 0) n--;
        return n;
    }

    private int record(int index) {
        return check(index) * RECORD;
    }

    private int check(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index must be 0.." + (capacity - 1) + ": " + index);
        }
        return index;
    }
}
