package org.sockets4j;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads parked on one socket, by direction, and the socket's one-shot registration with the
 * {@link Parker}'s poller. Any number of threads may wait in either direction at once (several
 * accepting on one listener, a reader beside a writer); readiness wakes every waiter of the
 * direction, and each retries its call. The registration is armed for the directions that have
 * waiters and disarms itself when it reports; it is cancelled when the last waiter leaves, so an idle socket
 * costs the poller nothing and the poller holds no reference that would keep a dropped socket from its
 * {@link java.lang.ref.Cleaner}.
 *
 * <p>The monitor guards short bookkeeping only: nothing parks while holding it.
 */
final class Waits {

    private static final Thread[] NONE = {};

    private final Socket socket;
    private Poller.Registration registration;
    private Thread[] readers = NONE;
    private Thread[] writers = NONE;
    private boolean closed;

    Waits(Socket socket) {
        this.socket = socket;
    }

    /**
     * Adds the current thread as a waiter for {@code direction} ({@link Poller#READ} or
     * {@link Poller#WRITE}) and arms the registration. Called inside the socket's bracket, so the
     * descriptor is the socket's own while the poller learns of it.
     *
     * @param operation the waiting call, for the exception of a close
     * @throws SocketClosedException if the socket was closed meanwhile
     */
    void add(int direction, String operation) throws IOException {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (closed) throw new SocketClosedException(operation, true);
            if (direction == Poller.READ) readers = push(readers, me);
            else writers = push(writers, me);
            try {
                arm();
            } catch (IOException | RuntimeException e) {
                readers = drop(readers, me);
                writers = drop(writers, me);
                if (readers.length == 0 && writers.length == 0) release();
                // The socket's close cancelled the registration or refuses new ones: the call ends in the close.
                if (e instanceof SocketClosedException || e instanceof CancelledKeyException) {
                    throw new SocketClosedException(operation, true);
                }
                throw e;
            }
        }
    }

    /** Removes the current thread after it woke, if readiness did not already. */
    synchronized void remove() {
        Thread me = Thread.currentThread();
        readers = drop(readers, me);
        writers = drop(writers, me);
        if (readers.length == 0 && writers.length == 0) release();
    }

    /** From the poller thread: wakes the waiters the ready bits concern and re-arms for the others. */
    void ready(int ready) {
        Thread[] wake;
        synchronized (this) {
            boolean read = (ready & (Poller.READ | Poller.ERROR | Poller.HANGUP | Poller.READ_HANGUP)) != 0;
            boolean write = (ready & (Poller.WRITE | Poller.ERROR | Poller.HANGUP)) != 0;
            Thread[] r = read ? readers : NONE;
            Thread[] w = write ? writers : NONE;
            if (read) readers = NONE;
            if (write) writers = NONE;
            wake = concat(r, w);
            if (readers.length == 0 && writers.length == 0) {
                release();
            } else if (!closed) {
                try {
                    arm(); // the one-shot report disarmed it; those still waiting need it again
                } catch (IOException | RuntimeException e) {
                    wake = concat(wake, concat(readers, writers)); // closing: let them see it
                }
            }
        }
        for (Thread t : wake) LockSupport.unpark(t);
    }

    /** From {@link Socket#close()}, after the descriptor is released: every waiter wakes and sees the close. */
    void close() {
        Thread[] wake;
        synchronized (this) {
            closed = true;
            wake = concat(readers, writers);
            readers = NONE;
            writers = NONE;
            registration = null; // the socket's close cancelled it
        }
        for (Thread t : wake) LockSupport.unpark(t);
    }

    /** Cancels the registration: nobody waits (under the monitor). */
    private void release() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
    }

    /** Arms the registration for the directions that have waiters (under the monitor). */
    private void arm() throws IOException {
        int interest = (readers.length > 0 ? Poller.READ : 0) | (writers.length > 0 ? Poller.WRITE : 0);
        if (interest == 0) return;
        if (registration == null) {
            registration = Parker.get().poller.register(socket, interest, Poller.Trigger.ONE_SHOT, this);
        } else {
            registration.setInterest(interest);
        }
    }

    private static Thread[] push(Thread[] threads, Thread t) {
        Thread[] more = Arrays.copyOf(threads, threads.length + 1);
        more[threads.length] = t;
        return more;
    }

    private static Thread[] drop(Thread[] threads, Thread t) {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] == t) {
                Thread[] fewer = new Thread[threads.length - 1];
                System.arraycopy(threads, 0, fewer, 0, i);
                System.arraycopy(threads, i + 1, fewer, i, threads.length - i - 1);
                return fewer;
            }
        }
        return threads;
    }

    private static Thread[] concat(Thread[] a, Thread[] b) {
        if (b.length == 0) return a;
        if (a.length == 0) return b;
        Thread[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
