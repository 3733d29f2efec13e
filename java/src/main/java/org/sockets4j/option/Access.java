package org.sockets4j.option;

/** Whether an option can be read, written, or both. */
public enum Access {
    /** getsockopt and setsockopt. */
    GET_SET,
    /** getsockopt only ({@code SO_ERROR}, {@code SO_TYPE}, ...). */
    GET_ONLY,
    /** setsockopt only (membership requests). */
    SET_ONLY;

    /**
     * Whether getsockopt is allowed.
     *
     * @return true for a readable option
     */
    public boolean canGet() {
        return this != SET_ONLY;
    }

    /**
     * Whether setsockopt is allowed.
     *
     * @return true for a writable option
     */
    public boolean canSet() {
        return this != GET_ONLY;
    }
}
