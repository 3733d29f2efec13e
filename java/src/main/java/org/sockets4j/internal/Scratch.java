package org.sockets4j.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's native scratch memory: two address slots in the 128-byte layout
 * of address.h (one Java fills, one C fills), a word for a receive's flags,
 * and a data buffer of at most {@link #CHUNK} bytes through which heap arrays
 * and heap buffers reach the kernel. Direct memory, allocated once per thread,
 * so that the hot path allocates nothing. The data buffer keeps what the
 * thread last received, from any socket: copy out of it only what a call stored.
 */
public final class Scratch {

    /** Size of one address slot (address.h's S4J_ADDRESS_SIZE, checked against C when the library loads). */
    public static final int ADDRESS_SIZE = 128;

    /** The largest data buffer a thread keeps; larger transfers go through it in parts. */
    public static final int CHUNK = 1 << 20;

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    static {
        int fromC = NativeConstants.require("S4J_ADDRESS_SIZE");
        if (fromC != ADDRESS_SIZE) {
            throw new IllegalStateException("sockets4j: native address layout is " + fromC + " bytes, Java expects "
                    + ADDRESS_SIZE + ": the jar and the native library come from different builds");
        }
    }

    private final ByteBuffer in;
    private final ByteBuffer out;
    private final ByteBuffer flags;
    private final long addressBase;
    private ByteBuffer data;

    private Scratch() {
        ByteBuffer addresses = ByteBuffer.allocateDirect(2 * ADDRESS_SIZE + Long.BYTES);
        addressBase = NativeMemory.address(addresses);
        in = addresses.slice(0, ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        out = addresses.slice(ADDRESS_SIZE, ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        flags = addresses.slice(2 * ADDRESS_SIZE, Long.BYTES).order(ByteOrder.nativeOrder());
    }

    /** This thread's scratch memory. */
    public static Scratch get() {
        return LOCAL.get();
    }

    /** The slot Java writes an outgoing address into ({@link #ADDRESS_SIZE} bytes; use absolute indexes). */
    public ByteBuffer in() {
        return in;
    }

    /** Native address of {@link #in()}. */
    public long inAddress() {
        return addressBase;
    }

    /** The slot C writes an incoming address into (use absolute indexes). */
    public ByteBuffer out() {
        return out;
    }

    /** Native address of {@link #out()}. */
    public long outAddress() {
        return addressBase + ADDRESS_SIZE;
    }

    /** Native address of the word C writes a receive's portable out-flags into (message.h's S4J_MSG_OUT_*). */
    public long flagsAddress() {
        return addressBase + 2 * ADDRESS_SIZE;
    }

    /** The out-flags C wrote at {@link #flagsAddress()} in this thread's last receive that asked for them. */
    public int flags() {
        return flags.getInt(0);
    }

    /**
     * This thread's direct buffer of at least {@code size} bytes, valid until this thread asks again.
     *
     * @throws IllegalArgumentException if size is negative or over {@link #CHUNK}: larger transfers go in parts
     */
    public ByteBuffer data(int size) {
        if (size < 0 || size > CHUNK) throw new IllegalArgumentException("scratch size must be 0.." + CHUNK + ": " + size);
        if (data != null && data.capacity() >= size) return data;
        // A virtual thread has one too: a server of thousands of them keeps theirs small.
        int capacity = Math.max(size, VirtualThreads.current() ? 4 * 1024 : 64 * 1024);
        data = ByteBuffer.allocateDirect(Math.min(Integer.highestOneBit(capacity - 1) << 1, CHUNK));
        return data;
    }
}
