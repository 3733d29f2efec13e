package org.sockets4j.internal;

import java.util.Locale;

/**
 * The operating system and processor a native library is built for, in the
 * names of the project's classifiers ({@code linux-x86_64}, {@code osx-aarch_64},
 * {@code windows-x86_64}, ...).
 *
 * @param os   {@code linux}, {@code osx}, {@code windows}, or the JVM's name
 *             for any other system, lower-cased
 * @param arch {@code x86_64}, {@code aarch_64}, or the JVM's name for any other
 *             processor, lower-cased
 */
public record Platform(String os, String arch) {

    /** The platform this JVM runs on. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * Maps the JVM's {@code os.name} and {@code os.arch} to a platform: every
     * Windows version is {@code windows}, Mac OS X and macOS are {@code osx},
     * {@code amd64} and {@code x86_64} are {@code x86_64}, {@code aarch64} and
     * {@code arm64} are {@code aarch_64}.
     */
    public static Platform of(String osName, String osArch) {
        return new Platform(os(osName), arch(osArch));
    }

    private static String os(String osName) {
        String name = normalize(osName);
        if (name.startsWith("linux")) return "linux";
        if (name.startsWith("mac") || name.startsWith("osx") || name.startsWith("darwin")) return "osx";
        if (name.startsWith("windows")) return "windows";
        return name;
    }

    private static String arch(String osArch) {
        return switch (normalize(osArch)) {
            case "amd64", "x8664", "x64", "em64t" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            case "x86", "i386", "i486", "i586", "i686", "ia32" -> "x86_32";
            default -> normalize(osArch);
        };
    }

    private static String normalize(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** The classifier of the platform's native artifact, e.g. {@code linux-x86_64}. */
    public String classifier() {
        return os + "-" + arch;
    }

    /** The file name of the native library on this platform. */
    public String libraryFileName() {
        return switch (os) {
            case "windows" -> "sockets4j.dll";
            case "osx" -> "libsockets4j.dylib";
            default -> "libsockets4j.so";
        };
    }

    /** Where the library sits inside a jar: {@code /org/sockets4j/native/<classifier>/<file>}. */
    public String resourcePath() {
        return "/org/sockets4j/native/" + classifier() + "/" + libraryFileName();
    }
}
