package org.sockets4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64, libsockets4j.so",
        "Linux, x86_64, linux-x86_64, libsockets4j.so",
        "Linux, aarch64, linux-aarch_64, libsockets4j.so",
        "Linux, arm64, linux-aarch_64, libsockets4j.so",
        "Mac OS X, x86_64, osx-x86_64, libsockets4j.dylib",
        "Mac OS X, aarch64, osx-aarch_64, libsockets4j.dylib",
        "macOS, arm64, osx-aarch_64, libsockets4j.dylib",
        "Darwin, x86_64, osx-x86_64, libsockets4j.dylib",
        "Windows 10, amd64, windows-x86_64, sockets4j.dll",
        "Windows 11, amd64, windows-x86_64, sockets4j.dll",
        "Windows Server 2022, amd64, windows-x86_64, sockets4j.dll",
        "Windows 11, aarch64, windows-aarch_64, sockets4j.dll",
        "FreeBSD, amd64, freebsd-x86_64, libsockets4j.so",
        "Linux, i686, linux-x86_32, libsockets4j.so",
        "Linux, riscv64, linux-riscv64, libsockets4j.so",
    })
    void mapsJvmNamesToClassifiers(String osName, String osArch, String classifier, String file) {
        Platform p = Platform.of(osName, osArch);
        assertEquals(classifier, p.classifier());
        assertEquals(file, p.libraryFileName());
        assertEquals("/org/sockets4j/native/" + classifier + "/" + file, p.resourcePath());
    }
}
