package org.sockets4j;

/**
 * Flags of {@code send}/{@code recv} and their {@code -to}/{@code -from}
 * forms ({@code MSG_*}). Pass any number of them to the I/O methods of
 * {@link Socket}; one the platform lacks throws
 * {@link UnsupportedOperationException} naming it, never silently dropped.
 */
public enum MsgFlag implements NativeConstant {
    /** Look at the data without taking it off the queue ({@code MSG_PEEK}). */
    PEEK("MSG_PEEK"),
    /** Do not block for this one call, whatever the socket's mode ({@code MSG_DONTWAIT}). */
    DONTWAIT("MSG_DONTWAIT"),
    /** Block until the whole buffer is filled, end of stream, an error or a signal ({@code MSG_WAITALL}). */
    WAITALL("MSG_WAITALL"),
    /** Send or receive out-of-band data ({@code MSG_OOB}). */
    OOB("MSG_OOB"),
    /** Bypass routing: the destination must be on a directly connected network ({@code MSG_DONTROUTE}). */
    DONTROUTE("MSG_DONTROUTE"),
    /**
     * On receive, report the datagram's real length even when it was cut to fit
     * ({@code MSG_TRUNC}). Only Linux's recv() takes it; elsewhere it is unsupported.
     */
    TRUNC("MSG_TRUNC"),
    /** End of record, for SEQPACKET and SCTP ({@code MSG_EOR}). */
    EOR("MSG_EOR");

    private final String cName;

    MsgFlag(String cName) {
        this.cName = cName;
    }

    @Override
    public String cName() {
        return cName;
    }

    /**
     * Whether the platform has this flag.
     *
     * @return true when the flag exists here
     */
    public boolean isSupported() {
        return nativeValue().isPresent();
    }

    /** The native bits of the flags; checks each is non-null and supported. */
    static int mask(MsgFlag[] flags) {
        if (flags == null) throw new NullPointerException("flags is null");
        int mask = 0;
        for (MsgFlag flag : flags) {
            if (flag == null) throw new NullPointerException("flags contains null");
            int bit = Bits.VALUES[flag.ordinal()];
            if (bit == -1) throw Unsupported.feature("message flag " + flag.cName);
            mask |= bit;
        }
        return mask;
    }

    /** Resolved once: the I/O methods must not ask C per call. */
    private static final class Bits {
        static final int[] VALUES = new int[values().length];

        static {
            for (MsgFlag flag : values()) {
                VALUES[flag.ordinal()] = flag.nativeValue().orElse(-1);
            }
        }
    }
}
