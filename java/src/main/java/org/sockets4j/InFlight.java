package org.sockets4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A native resource that calls on several threads use while another may close it: the state word that
 * makes that safe. The top bit says closed, the rest counts calls in flight. A call enters
 * ({@link #tryEnter}) and leaves ({@link #leave}); {@link #close} marks the word closed and, if calls
 * are in flight, has them woken ({@link #wake}); whoever leaves last releases the resource
 * ({@link #release}). So the resource is never released while a call can still reach it. Also the
 * {@link java.lang.ref.Cleaner} action of its owner; it holds no reference to the owner.
 */
abstract class InFlight implements Runnable {

    private static final int CLOSED = 1 << 31;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(InFlight.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    /** Enters a call; false when closed. */
    final boolean tryEnter() {
        for (;;) {
            int s = state;
            if ((s & CLOSED) != 0) return false;
            if (STATE.compareAndSet(this, s, s + 1)) return true;
        }
    }

    /** Leaves a call; true when the resource was closed while the call was under way. */
    final boolean leave() {
        int s = (int) STATE.getAndAdd(this, -1) - 1;
        if (s == CLOSED) release();
        return (s & CLOSED) != 0;
    }

    /** Closes once; later calls do nothing. */
    final void close() {
        int s;
        do {
            s = state;
            if ((s & CLOSED) != 0) return;
        } while (!STATE.compareAndSet(this, s, (s | CLOSED) + 1));
        // The closer counts as a call in flight, so the resource outlives the wake-up.
        if ((s & ~CLOSED) != 0) wake();
        leave();
    }

    final boolean isClosed() {
        return (state & CLOSED) != 0;
    }

    /** Wakes the calls in flight when a close comes during them; the resource stays valid until released. */
    abstract void wake();

    /** Releases the resource: the last call has left a closed one. */
    abstract void release();

    @Override
    public final void run() {
        close();
    }
}
