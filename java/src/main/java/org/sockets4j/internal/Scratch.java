package org.sockets4j.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's native scratch memory: two address slots in the 128-byte layout
 * of address.h (one Java fills, one C fills), and a data buffer through which
 * heap arrays and heap buffers reach the kernel. Direct memory, allocated once
 * per thread, so that the hot path allocates nothing.
 */
public final class Scratch {

    /** Size of one address slot (address.h's S4J_ADDRESS_SIZE, checked against C when the library loads). */
    public static final int ADDRESS_SIZE = 128;

    /** Data buffers up to this size stay with the thread; larger requests get memory of their own. */
    private static final int RETAINED_DATA = 1 << 20;

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
    private final long addressBase;
    private ByteBuffer data;

    private Scratch() {
        ByteBuffer addresses = ByteBuffer.allocateDirect(2 * ADDRESS_SIZE);
        addressBase = NativeMemory.address(addresses);
        in = addresses.slice(0, ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        out = addresses.slice(ADDRESS_SIZE, ADDRESS_SIZE).order(ByteOrder.nativeOrder());
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

    /** A direct buffer of at least {@code size} bytes, valid until this thread asks again. */
    public ByteBuffer data(int size) {
        if (data != null && data.capacity() >= size) return data;
        if (size > RETAINED_DATA) return ByteBuffer.allocateDirect(size);
        int capacity = Math.max(size, 64 * 1024);
        data = ByteBuffer.allocateDirect(Math.min(Integer.highestOneBit(capacity - 1) << 1, RETAINED_DATA));
        return data;
    }
}
