package org.sockets4j;

import org.sockets4j.internal.NativeSocket;

/**
 * A socket's descriptor under {@link InFlight}'s close rule: every call brackets its native work with
 * {@link #begin} and {@link #end}. A close while calls are in flight first has C wake them and park a
 * dead socket on the number ({@code preclose}); whoever leaves last releases the number. So a
 * descriptor is never closed while a call can still reach it, and never reused under one.
 */
final class Handle extends InFlight {

    private final long fd;

    Handle(long fd) {
        this.fd = fd;
    }

    /** Enters a call; returns the descriptor, valid until {@link #end}. */
    long begin(String operation) throws SocketClosedException {
        if (!tryEnter()) throw new SocketClosedException(operation, false);
        return fd;
    }

    /** Leaves a call; true when the socket was closed while it was under way. */
    boolean end() {
        return leave();
    }

    /** The descriptor, for diagnostics; it may be closed at any moment. */
    long fd() {
        return fd;
    }

    @Override
    void wake() {
        NativeSocket.preClose(fd);
    }

    @Override
    void release() {
        NativeSocket.close(fd);
    }
}
