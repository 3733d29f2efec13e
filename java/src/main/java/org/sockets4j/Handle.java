package org.sockets4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.sockets4j.internal.NativeSocket;

/**
 * A socket's descriptor and the state word that makes close safe under
 * concurrency: the top bit says closed, the rest counts calls in flight.
 *
 * <p>Every call brackets its native work with {@link #begin} and {@link #end}.
 * {@link #close} marks the word closed; if calls are in flight it first has C
 * wake them and park a dead socket on the number, and whoever leaves last
 * releases the number. So a descriptor is never closed while a call can still
 * reach it, and never reused under one. Also the {@link java.lang.ref.Cleaner}
 * action of a socket dropped unclosed; it holds no reference to the socket.
 */
final class Handle implements Runnable {

    private static final int CLOSED = 1 << 31;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Handle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long fd;
    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    Handle(long fd) {
        this.fd = fd;
    }

    /** Enters a call; returns the descriptor, valid until {@link #end}. */
    long begin(String operation) throws SocketClosedException {
        for (;;) {
            int s = state;
            if ((s & CLOSED) != 0) throw new SocketClosedException(operation, false);
            if (STATE.compareAndSet(this, s, s + 1)) return fd;
        }
    }

    /** Leaves a call; true when the socket was closed while it was under way. */
    boolean end() {
        int s = (int) STATE.getAndAdd(this, -1) - 1;
        if (s == CLOSED) NativeSocket.close(fd);
        return (s & CLOSED) != 0;
    }

    /** Closes once; later calls do nothing. */
    void close() {
        int s;
        do {
            s = state;
            if ((s & CLOSED) != 0) return;
        } while (!STATE.compareAndSet(this, s, (s | CLOSED) + 1));
        // The closer counts as a call in flight, so the number outlives the preclose.
        if ((s & ~CLOSED) != 0) NativeSocket.preClose(fd);
        end();
    }

    boolean isClosed() {
        return (state & CLOSED) != 0;
    }

    /** The descriptor, for diagnostics; it may be closed at any moment. */
    long fd() {
        return fd;
    }

    @Override
    public void run() {
        close();
    }
}
