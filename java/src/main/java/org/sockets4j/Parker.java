package org.sockets4j;

import java.io.IOException;
import java.io.UncheckedIOException;

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
            } catch (IOException e) {
                // The poller itself failed: no wait can be served any more, and saying so beats a silent hang.
                throw new UncheckedIOException("sockets4j: the internal poller failed", e);
            }
            for (int i = 0; i < n; i++) {
                if (events.attachment(i) instanceof Waits waits) waits.ready(events.ready(i));
            }
        }
    }
}
