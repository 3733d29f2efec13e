package org.sockets4j;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Where blocking calls wait without blocking a thread in native code: the library's internal
 * {@link Poller}, one per process, with one platform daemon thread that polls it forever and
 * unparks the threads whose socket became ready. Started the first time a call parks.
 *
 * <p>A waiting call arms its socket's one-shot registration (see {@link Waits}) and parks with
 * {@link java.util.concurrent.locks.LockSupport}; a virtual thread so parked frees its carrier.
 * One thread and one poller serve every socket: a readiness event costs one unpark, and the
 * poller thread does nothing else.
 */
final class Parker implements Runnable {

    private static final Object LOCK = new Object();
    private static volatile Parker instance;

    final Poller poller;

    private Parker(Poller poller) {
        this.poller = poller;
    }

    /** The process's parker, started on first use. */
    static Parker get() throws IOException {
        Parker p = instance;
        if (p != null) return p;
        synchronized (LOCK) { // once per process; nothing inside parks
            if (instance == null) {
                Parker started = new Parker(Poller.open());
                Thread t = new Thread(started, "sockets4j-poller");
                t.setDaemon(true);
                t.start();
                instance = started;
            }
            return instance;
        }
    }

    @Override
    public void run() {
        Poller.Events events = new Poller.Events(256);
        for (;;) {
            int n;
            try {
                n = poller.poll(events, null);
            } catch (IOException | RuntimeException e) {
                // Cannot happen short of a broken poller; this thread must not die of it, or every wait would
                // hang. Parked calls with a deadline still end; say once per failure what went wrong.
                System.err.println("sockets4j: the internal poller failed, retrying: " + e);
                LockSupport.parkNanos(10_000_000L);
                continue;
            }
            for (int i = 0; i < n; i++) {
                try {
                    if (events.attachment(i) instanceof Waits waits) waits.ready(events.ready(i));
                } catch (RuntimeException | Error e) {
                    System.err.println("sockets4j: waking a parked call failed: " + e);
                }
            }
            events.clear(); // the entries would keep sockets dropped unclosed from their Cleaner
        }
    }
}
