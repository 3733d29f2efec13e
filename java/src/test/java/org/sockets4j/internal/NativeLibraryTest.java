package org.sockets4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sockets4j.Emulator;

/** The loader, each case in a fresh JVM: a library loads once per class loader. */
@Timeout(60)
class NativeLibraryTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void childJvmsStartHere() {
        Emulator.assumeChildJvmStarts();
    }

    /** Started in a child JVM: loads the library and prints where from, or the error. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                NativeLibrary.load();
                System.out.println("LOADED " + NativeLibrary.loadedFrom());
            } catch (UnsatisfiedLinkError e) {
                System.out.println("FAILED " + e.getMessage());
            }
        }
    }

    /** What the probe printed: its one LOADED/FAILED line, and everything else the JVM said. */
    private record Result(int exit, String out, String all) {}

    private static Process start(Path tmpdir, String... properties) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xcheck:jni");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.io.tmpdir=" + tmpdir);
        for (String p : properties) cmd.add("-D" + p);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static Result finish(Process p) throws Exception {
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // the probe's verdict runs from its LOADED/FAILED line to the end (a failure lists several lines)
        int at = all.startsWith("LOADED ") || all.startsWith("FAILED ") ? 0
                : Math.max(all.indexOf("\nLOADED "), all.indexOf("\nFAILED ")) + 1;
        return new Result(p.exitValue(), all.substring(at).trim(), all);
    }

    private static Result loaded(Result r) {
        assertTrue(r.out().startsWith("LOADED "), r.all());
        assertTrue(ourWarnings(r.all()).isEmpty(), "the JVM warned: " + r.all());
        return r;
    }

    /**
     * The JVM's warnings, less -Xcheck:jni's about the JDK's own natives (under Wine,
     * NetworkInterface.getAll exceeds its local refs); a warning with no stack, such as
     * the native-access one, counts.
     */
    private static List<String> ourWarnings(String output) {
        List<String> lines = output.lines().toList();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains("WARNING")) continue;
            String next = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
            boolean jdkFrame = next.startsWith("at java.") || next.startsWith("at jdk.") || next.startsWith("at sun.");
            if (!jdkFrame) ours.add(lines.get(i));
        }
        return ours;
    }

    @Test
    void extractsTheBundledLibraryIntoAPrivateChecksumNamedDirectory() throws Exception {
        Result r = loaded(finish(start(tmp)));
        assertTrue(r.out().startsWith("LOADED " + tmp.resolve("sockets4j-" + System.getProperty("user.name"))), r.out());
        Path dir = tmp.resolve("sockets4j-" + System.getProperty("user.name"));
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> libs = files.filter(f -> f.getFileName().toString().equals(Platform.current().libraryFileName()))
                    .toList();
            assertEquals(1, libs.size());
            assertTrue(libs.get(0).getParent().getFileName().toString().matches("[0-9a-f]{32}"));
        }
        assertEquals(r.out(), loaded(finish(start(tmp))).out(), "a second JVM reuses the file");
    }

    @Test
    void twoJvmsExtractingAtOnceBothLoad() throws Exception {
        Process a = start(tmp);
        Process b = start(tmp);
        assertEquals(loaded(finish(a)).out(), loaded(finish(b)).out());
    }

    @Test
    void thePropertyNamesTheFileAndIsTheOnlyPlaceTried() throws Exception {
        Result r = finish(start(tmp, NativeLibrary.PATH_PROPERTY + "=" + tmp.resolve("missing.so")));
        assertTrue(r.out().startsWith("FAILED sockets4j: no native library could be loaded for platform "
                + Platform.current().classifier()), r.out());
        assertTrue(r.out().contains("property sockets4j.library.path=" + tmp.resolve("missing.so") + ": no file"), r.out());
        assertTrue(!r.out().contains("bundled resource"), "the property is authoritative: " + r.out());
    }

    @Test
    void thePropertyMayNameADirectory() throws Exception {
        // extract once to get a real file, then point the property at its directory
        Result first = loaded(finish(start(tmp)));
        Path file = Path.of(first.out().substring("LOADED ".length()));
        Result r = loaded(finish(start(tmp, NativeLibrary.PATH_PROPERTY + "=" + file.getParent())));
        assertEquals("LOADED " + file, r.out());
    }

    @Test
    void aBrokenLibraryIsReportedWithTheLoadersReason() throws Exception {
        Path bogus = tmp.resolve(Platform.current().libraryFileName());
        Files.writeString(bogus, "not a shared library");
        Result r = finish(start(tmp, NativeLibrary.PATH_PROPERTY + "=" + bogus));
        // HotSpot may print its own warning about the file first; the verdict is the probe's line.
        assertTrue(r.out().startsWith("FAILED sockets4j: no native library"), r.all());
        assertTrue(r.out().contains("property sockets4j.library.path=" + bogus + ": "), r.out());
    }
}
