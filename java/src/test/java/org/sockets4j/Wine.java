package org.sockets4j;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Whether the tests run on Wine rather than on Windows: Wine hands the Unix
 * environment to Windows programs, so its own variables are visible.
 */
final class Wine {

    /**
     * The Wine limitation the Java 21+ runtimes meet: their {@code java.net.NetworkInterface} calls IPHLPAPI's
     * {@code GetAnycastIpAddressTable}, which Wine 8's iphlpapi does not export; the JDK loads it lazily, so
     * the first enumeration of interfaces kills the JVM (exception 0xc06d007f, delay-load procedure not
     * found). Java 17's net.dll uses older calls, which Wine has.
     */
    static final String NO_ANYCAST_TABLE = "Wine 8's iphlpapi lacks GetAnycastIpAddressTable, which"
            + " java.net.NetworkInterface of Java 21 and later calls (the JVM dies with 0xc06d007f)";

    private Wine() {}

    static boolean running() {
        return System.getProperty("os.name", "").startsWith("Windows")
                && (System.getenv("WINEPREFIX") != null || System.getenv("WINELOADER") != null
                        || System.getenv("WINEDEBUG") != null);
    }

    /**
     * True when enumerating network interfaces would kill this JVM: Java 21 or later under Wine (see
     * {@link #NO_ANYCAST_TABLE}). Not only {@code NetworkInterface} itself enumerates: so does the first
     * seeding of the default {@code SecureRandom} (its system entropy hashes the interfaces), and with it
     * every {@code Files.createTempFile}/{@code createTempDirectory} (random names) and all of TLS.
     */
    static boolean interfacesKillTheJvm() {
        return running() && Runtime.version().feature() >= 21;
    }

    /**
     * Skips the calling test where {@link #interfacesKillTheJvm()}; {@code what} says which call of the test
     * enumerates interfaces.
     */
    static void assumeInterfacesEnumerable(String what) {
        if (interfacesKillTheJvm()) abort(what + ", and " + NO_ANYCAST_TABLE);
    }

    /**
     * {@code @TempDir(factory = Wine.TempDirs.class)}: JUnit's own temporary directories, except where
     * {@link #interfacesKillTheJvm()}: there JUnit's random name would seed a {@code SecureRandom} and kill
     * the JVM, so the directory is named by this process and a counter instead, in {@code java.io.tmpdir},
     * and refused if it exists (a leftover is never reused). JUnit deletes it as it deletes its own.
     */
    static final class TempDirs implements TempDirFactory {

        private static final AtomicLong NEXT = new AtomicLong();

        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension)
                throws Exception {
            if (!interfacesKillTheJvm()) return TempDirFactory.Standard.INSTANCE.createTempDirectory(element, extension);
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            String prefix = "junit-wine-" + ProcessHandle.current().pid() + "-";
            for (;;) {
                try {
                    return Files.createDirectory(parent.resolve(prefix + NEXT.incrementAndGet()));
                } catch (FileAlreadyExistsException e) {
                    // a directory of an earlier process with the same id: take the next number
                }
            }
        }
    }
}
