package org.sockets4j.option;

import java.util.Locale;
import java.util.Optional;

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
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) return Optional.of(LINUX);
        if (name.startsWith("mac") || name.startsWith("darwin")) return Optional.of(MACOS);
        if (name.startsWith("windows")) return Optional.of(WINDOWS);
        return Optional.empty();
    }
}
