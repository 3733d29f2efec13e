package org.sockets4j.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads for the benchmarks that need them, found at run time: this
 * module compiles for Java 17 like the rest of the build, and bench/run starts
 * those benchmarks on a JDK 21 or newer. {@code Thread.ofVirtual().factory()} is
 * looked up once through a {@link MethodHandle}; starting a thread is then a
 * plain {@link ThreadFactory} call, so nothing reflective is on a measured path.
 */
final class VirtualThreads {

    private VirtualThreads() {}

    /**
     * Starts {@code task} on a new virtual thread.
     *
     * @throws UnsupportedOperationException before Java 21
     */
    static Thread start(Runnable task) {
        Thread thread = Holder.FACTORY.newThread(task);
        thread.start();
        return thread;
    }

    /** Fails with the reason when this JVM has no virtual threads. */
    static void require(String benchmark) {
        if (Runtime.version().feature() < 21) {
            throw new UnsupportedOperationException(benchmark + " needs virtual threads (Java 21+); this is Java "
                    + Runtime.version().feature() + ". bench/run starts it on a 21+ JDK (JAVA_VT=/path/to/java)");
        }
        Objects.requireNonNull(Holder.FACTORY); // looks it up now, in the setup, not in a measured call
    }

    private static final class Holder {
        static final ThreadFactory FACTORY = lookUp();

        private static ThreadFactory lookUp() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
                MethodHandle newBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
                MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
                return (ThreadFactory) factory.invoke(newBuilder.invoke());
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new UnsupportedOperationException("no Thread.ofVirtual() on Java " + Runtime.version().feature(), e);
            }
        }
    }
}
