package org.sockets4j.internal;

/**
 * A getsockopt or setsockopt the kernel refused, as the negative packed error of the native call: how an
 * option's codec hands the error to {@code Socket}, which turns it into the exception the user sees once the
 * call's bracket is closed. Thrown only on failure and without a stack trace, so the success path costs nothing.
 */
public final class OptionFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient int result;

    private OptionFailure(int result) {
        super(null, null, false, false);
        this.result = result;
    }

    /** The native call's result: a negative packed error. */
    public int result() {
        return result;
    }

    /** {@code result} itself when the call succeeded (not negative), else throws it as a failure. */
    public static int check(int result) throws OptionFailure {
        if (result < 0) throw new OptionFailure(result);
        return result;
    }

    /** The same for a result carried in a long (the value of {@link NativeOption#getIntValue}). */
    public static long check(long result) throws OptionFailure {
        if (result < 0) throw new OptionFailure((int) result);
        return result;
    }
}
