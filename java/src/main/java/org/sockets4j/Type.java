package org.sockets4j;

/** Socket types ({@code SOCK_*}), the second argument of {@code socket()}. */
public enum Type implements NativeConstant {
    /** Reliable byte stream ({@code SOCK_STREAM}): TCP, SCTP one-to-one, Unix stream. */
    STREAM("SOCK_STREAM"),
    /** Datagrams ({@code SOCK_DGRAM}): UDP, Unix datagrams. */
    DGRAM("SOCK_DGRAM"),
    /** Reliable, ordered records ({@code SOCK_SEQPACKET}): SCTP one-to-many, Unix seqpacket. */
    SEQPACKET("SOCK_SEQPACKET"),
    /** Raw protocol access ({@code SOCK_RAW}); usually needs privileges. */
    RAW("SOCK_RAW");

    private final String cName;

    Type(String cName) {
        this.cName = cName;
    }

    @Override
    public String cName() {
        return cName;
    }

    /**
     * Whether the platform defines this socket type.
     *
     * @return true when the platform has the type
     */
    public boolean isSupported() {
        return nativeValue().isPresent();
    }

    int requireNative() {
        return nativeValue().orElseThrow(() -> Unsupported.feature("socket type " + this + " (" + cName + ")"));
    }
}
