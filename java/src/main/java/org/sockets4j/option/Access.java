package org.sockets4j.option;

/** Whether an option can be read, written, both, or neither. */
public enum Access {
    /** getsockopt and setsockopt. */
    GET_SET,
    /** getsockopt only ({@code SO_ERROR}, {@code SO_TYPE}, ...). */
    GET_ONLY,
    /** setsockopt only (membership requests; Linux's sticky {@code IPV6_PKTINFO}). */
    SET_ONLY,
    /** Neither: the platform, or the socket at hand, does not take the option. */
    NONE;

    /**
     * Whether getsockopt is allowed.
     *
     * @return true for a readable option
     */
    public boolean canGet() {
        return this == GET_SET || this == GET_ONLY;
    }

    /**
     * Whether setsockopt is allowed.
     *
     * @return true for a writable option
     */
    public boolean canSet() {
        return this == GET_SET || this == SET_ONLY;
    }
}
