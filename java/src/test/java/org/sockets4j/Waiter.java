package org.sockets4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** A blocking call run on a platform or a virtual thread, whose outcome a test can wait for. */
final class Waiter<T> {

    /** The kinds of thread a blocking call may run on. */
    enum Kind {
        PLATFORM, VIRTUAL;

        /** Skips the calling test where this kind does not exist. */
        void assume() {
            if (this == VIRTUAL) VirtualThreadsForTest.assumeAvailable();
        }
    }

    /** A blocking call. */
    interface Call<T> {
        T call() throws Exception;
    }

    final Thread thread;
    private final Kind kind;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    private Waiter(Kind kind, Call<T> call) {
        this.kind = kind;
        Runnable task = () -> {
            try {
                outcome.complete(call.call());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        };
        if (kind == Kind.VIRTUAL) {
            thread = VirtualThreadsForTest.start(task);
        } else {
            thread = new Thread(task, "waiter");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static <T> Waiter<T> start(Kind kind, Call<T> call) {
        kind.assume();
        return new Waiter<>(kind, call);
    }

    /** Waits until the thread is parked or blocked (or done), so that the test acts on a waiting call. */
    Waiter<T> waiting() {
        // A parked thread reads as WAITING at once; one blocked in the kernel reads as RUNNABLE throughout, and a
        // platform thread may be either: it gets a short look, a virtual thread (always parked) a long one.
        long until = System.nanoTime() + (kind == Kind.VIRTUAL ? TimeUnit.SECONDS.toNanos(10) : 300_000_000L);
        while (System.nanoTime() < until && !outcome.isDone()) {
            Thread.State s = thread.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) break;
            LockSupport.parkNanos(1_000_000);
        }
        // a platform thread in the kernel reads as RUNNABLE: give it the time to get there
        LockSupport.parkNanos(100_000_000);
        return this;
    }

    /** The call's result; its exception, if it threw, as the cause of an ExecutionException. */
    T result(long seconds) throws InterruptedException, ExecutionException, TimeoutException {
        return outcome.get(seconds, TimeUnit.SECONDS);
    }

    /** What the call threw, or null if it returned. */
    Throwable failure(long seconds) throws InterruptedException, TimeoutException {
        try {
            outcome.get(seconds, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    boolean isDone() {
        return outcome.isDone();
    }
}
