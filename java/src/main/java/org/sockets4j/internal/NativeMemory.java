package org.sockets4j.internal;

import java.nio.ByteBuffer;

/** The address of a direct buffer, asked once per buffer so that hot paths pass plain longs. */
public final class NativeMemory {

    static {
        NativeLibrary.load();
    }

    private NativeMemory() {}

    /** The buffer's base address; 0 when the buffer is not direct. */
    public static native long address(ByteBuffer direct);
}
