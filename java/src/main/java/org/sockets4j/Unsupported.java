package org.sockets4j;

import org.sockets4j.internal.Platform;

/** The one wording of "this platform cannot do that". */
final class Unsupported {

    private Unsupported() {}

    static UnsupportedOperationException feature(String what) {
        return new UnsupportedOperationException(what + " is not supported on " + Platform.current().classifier());
    }
}
