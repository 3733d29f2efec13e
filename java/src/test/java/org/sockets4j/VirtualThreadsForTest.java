package org.sockets4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Virtual threads for tests compiled for Java 17: started through {@code Thread.startVirtualThread} when the JDK has it. */
final class VirtualThreadsForTest {

    private static final MethodHandle START = lookup();

    private VirtualThreadsForTest() {}

    private static MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** Skips the calling test on a JDK without virtual threads (before 21). */
    static void assumeAvailable() {
        assumeTrue(START != null, "virtual threads need Java 21 or later; this is " + Runtime.version());
    }

    static boolean available() {
        return START != null;
    }

    /** Starts {@code task} in a new virtual thread. */
    static Thread start(Runnable task) {
        try {
            return (Thread) START.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
