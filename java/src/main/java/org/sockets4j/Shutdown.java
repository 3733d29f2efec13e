package org.sockets4j;

/** What {@link Socket#shutdown(Shutdown)} closes ({@code SHUT_RD}, {@code SHUT_WR}, {@code SHUT_RDWR}). */
public enum Shutdown implements NativeConstant {
    /** No more receiving; data still queued is discarded ({@code SHUT_RD}). */
    READ("SHUT_RD"),
    /** No more sending; a TCP peer reads end of stream after the queued data ({@code SHUT_WR}). */
    WRITE("SHUT_WR"),
    /** Both ({@code SHUT_RDWR}). */
    BOTH("SHUT_RDWR");

    private final String cName;

    Shutdown(String cName) {
        this.cName = cName;
    }

    @Override
    public String cName() {
        return cName;
    }

    int requireNative() {
        return nativeValue().orElseThrow(() -> Unsupported.feature("shutdown " + cName));
    }
}
