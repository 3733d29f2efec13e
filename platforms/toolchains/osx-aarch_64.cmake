# osx-aarch_64 (Apple silicon) from a Linux host with zig (see osx-zig.cmake for every setting and why):
#
#   platforms/toolchains/zig --install      # once: ziglang from PyPI into ~/.cache/sockets4j
#   cmake -S . -B target/cross/osx-aarch_64 -DCMAKE_TOOLCHAIN_FILE=platforms/toolchains/osx-aarch_64.cmake
#
# Builds libsockets4j.dylib (Mach-O arm64, ad-hoc signed by zig's linker, macOS 11.0+) and the
# C tests, which cannot run here; ctest -L host runs the exports check (llvm-nm -gU) on the host.
set(S4J_OSX_ARCH arm64)
set(S4J_ZIG_TARGET aarch64-macos.11.0)
include("${CMAKE_CURRENT_LIST_DIR}/osx-zig.cmake")
