package org.sockets4j;

import java.util.concurrent.Executor;

/**
 * Runs each task on a thread of its own, for tests whose tasks block in a socket: the common
 * ForkJoinPool has a single worker on a 2-core machine (JDK 25 then queues a second blocking task
 * behind the first; JDK 17 starts a thread per task), so two blocked tasks there would wait for
 * each other.
 */
final class OwnThread implements Executor {

    static final OwnThread EACH = new OwnThread();

    private OwnThread() {}

    @Override
    public void execute(Runnable task) {
        Thread t = new Thread(task, "sockets4j-test-task");
        t.setDaemon(true); // a task a failed test left blocked must not keep the JVM alive
        t.start();
    }
}
