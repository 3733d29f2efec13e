package org.sockets4j;

import java.io.IOException;

/**
 * The descriptor controls of the sockets API that this library offers
 * ({@code fcntl}, {@code ioctl}, {@code sockatmark}), as {@link Socket} methods,
 * each with its probe: {@link #isSupported()} tries the call on a datagram socket.
 */
public enum IoControl {
    /** {@code F_SETFL O_NONBLOCK} / {@code FIONBIO}: {@link Socket#setBlocking(boolean)}. */
    NON_BLOCKING,
    /** {@code FIONREAD}: {@link Socket#bytesAvailable()}. */
    BYTES_AVAILABLE,
    /** {@code SIOCATMARK} / {@code sockatmark}: {@link Socket#atMark()} (Windows' SIOCATMARK answers another question). */
    AT_MARK,
    /** {@code O_ASYNC} / {@code FIOASYNC}: {@link Socket#setAsync(boolean)} (not on Windows). */
    ASYNC,
    /** {@code F_SETOWN} / {@code F_GETOWN}: {@link Socket#setOwner(long)} (not on Windows). */
    OWNER,
    /** {@code SIOCGIFCONF}: {@link Socket#interfaces()} (Windows: see the interface list of a later release). */
    INTERFACES;

    private volatile int probed; // 0 unknown, 1 yes, 2 no

    /**
     * Whether this platform can make the call.
     *
     * @return true when the call exists here
     */
    public boolean isSupported() {
        int known = probed;
        if (known == 0) {
            known = probe() ? 1 : 2;
            probed = known;
        }
        return known == 1;
    }

    private boolean probe() {
        try (Socket s = Socket.open(Family.INET, Type.DGRAM)) {
            switch (this) {
                case NON_BLOCKING -> s.setBlocking(true);
                case BYTES_AVAILABLE -> s.bytesAvailable();
                case AT_MARK -> {
                    try (SocketPair p = Socket.pair(Family.INET, Type.STREAM)) {
                        p.first().atMark();
                    }
                }
                case ASYNC -> s.isAsync();
                case OWNER -> s.owner();
                case INTERFACES -> s.interfaces();
            }
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // the platform has no such call (ENOSYS from the backend)
        } catch (IOException e) {
            return true; // the call exists; it failed for another reason
        }
    }
}
