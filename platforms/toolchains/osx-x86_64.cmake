# osx-x86_64 from a Linux host with zig (see osx-zig.cmake for every setting and why):
#
#   platforms/toolchains/zig --install      # once: ziglang from PyPI into ~/.cache/sockets4j
#   cmake -S . -B target/cross/osx-x86_64 -DCMAKE_TOOLCHAIN_FILE=platforms/toolchains/osx-x86_64.cmake
#
# Builds libsockets4j.dylib (Mach-O x86_64, macOS 11.0+) and the C tests, which cannot run
# here; ctest -L host runs the exports check (llvm-nm -gU) on the host.
set(S4J_OSX_ARCH x86_64)
set(S4J_ZIG_TARGET x86_64-macos.11.0)
include("${CMAKE_CURRENT_LIST_DIR}/osx-zig.cmake")
