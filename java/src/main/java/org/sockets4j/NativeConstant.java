package org.sockets4j;

import java.util.OptionalInt;
import org.sockets4j.internal.NativeConstants;

/**
 * A value of the C sockets API known by its C name ({@code AF_INET6},
 * {@code SOCK_DGRAM}, {@code MSG_PEEK}, ...). Its number is the platform's own,
 * asked of the native library: Java never hard-codes one.
 */
public interface NativeConstant {

    /**
     * The C name, e.g. {@code AF_INET6}.
     *
     * @return the C name
     */
    String cName();

    /**
     * This platform's number for the name, or empty when its headers do not define it.
     *
     * @return the number, or empty
     */
    default OptionalInt nativeValue() {
        return NativeConstants.get(cName());
    }
}
