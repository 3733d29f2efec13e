package org.sockets4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Finds and loads the native library, once per class loader.
 *
 * <p>Order: the system property {@value #PATH_PROPERTY} (a file, or a directory
 * holding the platform's file) when it is set, and nothing else then; otherwise
 * the copy bundled in the jar, extracted into a private directory under a name
 * made of its SHA-256 so that two JVMs starting at once share one intact file;
 * last, {@code System.loadLibrary} on {@code java.library.path}. When nothing
 * loads, the {@link UnsatisfiedLinkError} lists every attempt and why it failed.
 */
public final class NativeLibrary {

    /** System property naming the library file, or a directory holding it. */
    public static final String PATH_PROPERTY = "sockets4j.library.path";

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static boolean loaded;
    // JNI_OnLoad's FindClass initializes the Native* classes, whose initializers call load() again on this thread.
    private static boolean loading;
    private static String loadedFrom;

    private NativeLibrary() {}

    /** Loads the library if this class loader has not yet; throws {@link UnsatisfiedLinkError} listing every attempt. */
    public static synchronized void load() {
        if (loaded || loading) return;
        Platform platform = Platform.current();
        List<String> attempts = new ArrayList<>();
        String path = System.getProperty(PATH_PROPERTY);
        boolean ok;
        loading = true;
        try {
            ok = path != null && !path.isBlank()
                    ? fromProperty(Path.of(path), platform, attempts)
                    : fromResource(platform, attempts) || fromLibraryPath(attempts);
        } finally {
            loading = false;
        }
        if (!ok) {
            throw new UnsatisfiedLinkError("sockets4j: no native library could be loaded for platform "
                    + platform.classifier() + " (os.name=" + System.getProperty("os.name") + ", os.arch="
                    + System.getProperty("os.arch") + "). Tried:\n  - " + String.join("\n  - ", attempts));
        }
        String built = NativeConstants.platform();
        if (!built.equals(platform.os())) {
            throw new UnsatisfiedLinkError("sockets4j: the library loaded from " + loadedFrom + " was built for "
                    + built + ", but this JVM runs on " + platform.classifier());
        }
        loaded = true;
    }

    /** Where the library was loaded from, for diagnostics; null before it is loaded. */
    public static synchronized String loadedFrom() {
        return loadedFrom;
    }

    private static boolean fromProperty(Path path, Platform platform, List<String> attempts) {
        Path file = Files.isDirectory(path) ? path.resolve(platform.libraryFileName()) : path;
        return tryLoad(file.toAbsolutePath(), "property " + PATH_PROPERTY + "=" + path, attempts);
    }

    private static boolean fromResource(Platform platform, List<String> attempts) {
        String resource = platform.resourcePath();
        String what = "bundled resource " + resource;
        byte[] bytes;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                attempts.add(what + ": not on the class path (is the jar for " + platform.classifier()
                        + " a dependency?)");
                return false;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            attempts.add(what + ": cannot read it: " + e);
            return false;
        }
        try {
            Path file = extract(bytes, platform.libraryFileName());
            return tryLoad(file, what + " extracted to " + file, attempts);
        } catch (IOException e) {
            attempts.add(what + ": cannot extract it: " + e);
            return false;
        }
    }

    private static boolean fromLibraryPath(List<String> attempts) {
        try {
            System.loadLibrary("sockets4j");
            loadedFrom = "java.library.path";
            return true;
        } catch (UnsatisfiedLinkError e) {
            attempts.add("System.loadLibrary(\"sockets4j\") on java.library.path="
                    + System.getProperty("java.library.path") + ": " + e.getMessage());
            return false;
        }
    }

    private static boolean tryLoad(Path file, String what, List<String> attempts) {
        if (!Files.isRegularFile(file)) {
            attempts.add(what + ": no file " + file);
            return false;
        }
        try {
            System.load(file.toString());
            loadedFrom = file.toString();
            return true;
        } catch (UnsatisfiedLinkError e) {
            attempts.add(what + ": " + e.getMessage());
            return false;
        }
    }

    /** Writes bytes to {private dir}/{sha256}/{name} unless an identical file is there already. */
    private static Path extract(byte[] bytes, String name) throws IOException {
        String digest = sha256(bytes);
        Path dir = privateDirectory().resolve(digest.substring(0, 32));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        if (holds(file, digest)) return file;
        Path partial = newPartFile(dir, name);
        try {
            Files.write(partial, bytes);
            try {
                moveIntoPlace(partial, file);
            } catch (FileSystemException e) {
                // Windows: another JVM put the same library there first and loaded it, which locks the file
                // against replacement. Its bytes are the ones this JVM would have written.
                if (!holds(file, digest)) throw e;
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    /** Whether {@code file} is a regular file whose SHA-256 is {@code digest}. */
    private static boolean holds(Path file, String digest) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && sha256(Files.readAllBytes(file)).equals(digest);
    }

    private static void moveIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A new, empty file beside the library's final name, unique to this JVM and thread. Not
     * Files.createTempFile: its random name seeds a SecureRandom, which costs a load time and
     * on Windows walks every network interface (where -Xcheck:jni flags the JDK's own native).
     */
    private static Path newPartFile(Path dir, String name) throws IOException {
        String owner = ProcessHandle.current().pid() + "-" + Thread.currentThread().getId();
        for (;;) {
            Path part = dir.resolve(name + "." + owner + "-" + System.nanoTime() + ".part");
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException taken) {
                // a leftover of an earlier JVM with this pid: the next instant names another file
            }
        }
    }

    /**
     * {tmpdir}/sockets4j-{user}, readable by its owner only. If another user owns
     * that name or has loosened it, a fresh directory of this JVM's own is used.
     */
    private static Path privateDirectory() throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = tmp.resolve("sockets4j-" + user);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return Files.createDirectories(dir);
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                // another JVM made it first: checked below like any existing one
            }
        }
        if (isPrivate(dir)) return dir;
        Path own = Files.createTempDirectory("sockets4j-", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        own.toFile().deleteOnExit();
        return own;
    }

    private static boolean isPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
        Path probe = Files.createTempFile(dir.getParent(), "sockets4j-owner", ".probe");
        try {
            UserPrincipal me = Files.getOwner(probe);
            return owner.equals(me) && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
