package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a process it started running (an {@code echo-client}
 * or {@code echo-server} JVM, socat, python), after ending every such process,
 * so that no test outlives its run and holds a port or a file. Used with
 * {@code @ExtendWith} by the tests that start processes.
 */
final class NoProcessLeftBehind implements AfterEachCallback {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (left.isEmpty()) return;
        String names = left.stream().map(NoProcessLeftBehind::describe).collect(Collectors.joining("; "));
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : left) p.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        fail(context.getDisplayName() + " left running: " + names);
    }

    private static String describe(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        return p.pid() + " " + info.commandLine().or(info::command).orElse("?");
    }
}
