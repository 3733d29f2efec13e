package org.sockets4j.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether the calling thread is virtual. The library is built for Java 17, which has no
 * {@code Thread.isVirtual()}; from 21 on it is looked up once and called through a constant handle.
 */
public final class VirtualThreads {

    private static final MethodHandle IS_VIRTUAL = lookup();

    private VirtualThreads() {}

    private static MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // Java 17 to 20: no virtual threads
        }
    }

    /** True when the current thread is a virtual thread, which must never block in native code. */
    public static boolean current() {
        if (IS_VIRTUAL == null) return false;
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            throw new AssertionError("Thread.isVirtual() cannot fail", e);
        }
    }
}
