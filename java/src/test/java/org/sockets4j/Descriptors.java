package org.sockets4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** This process's open descriptors, counted in /proc/self/fd (Linux) or /dev/fd. */
final class Descriptors {

    /** Why {@link #countable()} is false. */
    static final String NOT_COUNTABLE = "cannot count this process's descriptors here"
            + " (no /proc/self/fd or /dev/fd; under Wine they are Linux's fds, not Windows sockets)";

    private Descriptors() {}

    static boolean countable() {
        // Under Wine, /proc/self/fd reaches the Linux process's fds through Z:, which say nothing of sockets.
        if (System.getProperty("os.name", "").startsWith("Windows")) return false;
        return Files.isDirectory(Path.of("/proc/self/fd")) || Files.isDirectory(Path.of("/dev/fd"));
    }

    static int count() throws IOException {
        Path dir = Files.isDirectory(Path.of("/proc/self/fd")) ? Path.of("/proc/self/fd") : Path.of("/dev/fd");
        try (Stream<Path> fds = Files.list(dir)) {
            return (int) fds.count();
        }
    }

    /** Waits up to 5 s for the count to come back to {@code expected}, nudging the GC; returns the last count. */
    static int settle(int expected) throws IOException, InterruptedException {
        int now = count();
        for (int i = 0; i < 50 && now != expected; i++) {
            System.gc();
            Thread.sleep(100);
            now = count();
        }
        return now;
    }
}
