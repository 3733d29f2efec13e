package org.sockets4j.option;

import java.util.Optional;
import org.sockets4j.internal.Platform;

/**
 * The operating systems whose option support the table records, for
 * {@link SockOpt#access(Os)}: what each documents and its kernel does.
 */
public enum Os {
    /** Linux. */
    LINUX("Linux"),
    /** macOS (Darwin, xnu). */
    MACOS("macOS"),
    /** Windows (Winsock). */
    WINDOWS("Windows");

    private final String displayName;

    Os(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The system's usual name.
     *
     * @return e.g. {@code macOS}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The system this JVM runs on.
     *
     * @return it, or empty for one the table does not record
     */
    public static Optional<Os> current() {
        // the same reading of os.name as the one that chose the native library
        return switch (Platform.current().os()) {
            case "linux" -> Optional.of(LINUX);
            case "osx" -> Optional.of(MACOS);
            case "windows" -> Optional.of(WINDOWS);
            default -> Optional.empty();
        };
    }
}
