package org.sockets4j.samples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads for {@code --model virtual}, found at run time: the samples are
 * compiled for Java 17, which has no {@code Thread.ofVirtual()}, and run on any
 * JDK from 17 on. On Java 21+ this is {@code Thread.ofVirtual().factory()},
 * looked up once through a {@link MethodHandle}; after that, starting a thread is
 * a plain {@link ThreadFactory} call.
 */
final class VirtualThreads {

    /** The first Java version with virtual threads (JEP 444). */
    static final int FIRST_JAVA = 21;

    private static final ThreadFactory FACTORY = lookUp();

    private VirtualThreads() {}

    /** Whether this JVM has virtual threads. */
    static boolean available() {
        return FACTORY != null;
    }

    /**
     * A factory of unstarted virtual threads.
     *
     * @throws UnsupportedOperationException on Java before 21, naming the running version
     */
    static ThreadFactory factory() {
        if (FACTORY == null) throw new UnsupportedOperationException(missing());
        return FACTORY;
    }

    /** Why there are none: names the Java version that runs. */
    static String missing() {
        return "virtual threads need Java " + FIRST_JAVA + " or newer; this is Java " + Runtime.version().feature();
    }

    private static ThreadFactory lookUp() {
        if (Runtime.version().feature() < FIRST_JAVA) return null;
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
            // A 21+ JDK without the API would be broken; say so instead of pretending it is old.
            throw new IllegalStateException("Java " + Runtime.version().feature()
                    + " has no Thread.ofVirtual().factory(): " + e, e);
        }
    }
}
