# Shared part of osx-x86_64.cmake and osx-aarch_64.cmake: macOS from a Linux host with
# zig as the C compiler (PyPI "ziglang", run through ./zig-cc; ./zig --install fetches it).
# zig carries the macOS libc headers and libSystem stubs, so no SDK or Xcode is needed;
# it compiles with clang and links with its own Mach-O linker, which also ad-hoc signs
# arm64 output as macOS requires. Compile and link only: nothing built here runs on Linux.
#
# The caller sets S4J_OSX_ARCH (x86_64 | arm64) and S4J_ZIG_TARGET (zig's target triple).
#
# What the Darwin platform files of CMake would otherwise do, and the settings that stop it:
# - CMAKE_OSX_SYSROOT empty: no "-isysroot <SDK>" and no xcrun lookup of an SDK path;
#   zig's bundled headers are the SDK.
# - CMAKE_OSX_ARCHITECTURES empty: no "-arch" flags; the architecture comes from the target.
# - CMAKE_OSX_DEPLOYMENT_TARGET empty: zig ignores -mmacosx-version-min; the minimum macOS
#   version is part of the target instead (x86_64-macos.11.0), recorded in LC_BUILD_VERSION.
#   11.0 is the first macOS on arm64 and below every macOS the CI matrix runs.
# - CMAKE_C_COMPILER_TARGET: CMake passes it as --target=<triple>, which zig cc accepts,
#   to the compiler checks as well as the build.
# - CMAKE_AR / CMAKE_RANLIB: zig's (llvm-ar), which write the Mach-O symbol index the
#   linker wants; GNU ar from binutils cannot read Mach-O objects.
# - CMAKE_NM: llvm-nm (Debian package llvm), which reads Mach-O; the exports test runs
#   "nm -gU" on the .dylib with it. GNU nm cannot, and zig has no nm.
# - CMAKE_INSTALL_NAME_TOOL: llvm-install-name-tool if present (only `cmake --install`
#   would use it); xcode-select and sw_vers, which CMake also tries, fail harmlessly.
# - CMAKE_INSTALL_NAME_DIR @rpath, applied in the build tree too: CMake only uses @rpath
#   install names when sw_vers reports macOS >= 10.5, and there is no sw_vers here, so it
#   would write the absolute build path into the .dylib (LC_ID_DYLIB). The JVM loads the
#   library by path, so this is cosmetic; @rpath/libsockets4j.dylib is what a macOS build gives.
# - No codesign step: CMake calls codesign only for the Xcode generator.
# - The CMake checks (try_compile) link real executables against zig's libSystem stubs.
set(CMAKE_SYSTEM_NAME Darwin)
set(CMAKE_SYSTEM_PROCESSOR ${S4J_OSX_ARCH})
set(CMAKE_SYSTEM_VERSION 20.0)  # Darwin 20 = macOS 11, matching the target's minimum

set(CMAKE_C_COMPILER "${CMAKE_CURRENT_LIST_DIR}/zig-cc")
set(CMAKE_C_COMPILER_TARGET "${S4J_ZIG_TARGET}")
set(CMAKE_AR "${CMAKE_CURRENT_LIST_DIR}/zig-ar" CACHE FILEPATH "zig ar")
set(CMAKE_RANLIB "${CMAKE_CURRENT_LIST_DIR}/zig-ranlib" CACHE FILEPATH "zig ranlib")

set(CMAKE_INSTALL_NAME_DIR "@rpath")
set(CMAKE_BUILD_WITH_INSTALL_NAME_DIR ON)

set(CMAKE_OSX_SYSROOT "" CACHE STRING "empty: zig's bundled macOS headers")
set(CMAKE_OSX_ARCHITECTURES "" CACHE STRING "empty: the architecture is in the zig target")
set(CMAKE_OSX_DEPLOYMENT_TARGET "" CACHE STRING "empty: the minimum macOS is in the zig target")

# llvm-nm under its plain name or a versioned one (Debian: llvm, llvm-14, ...)
find_program(CMAKE_NM NAMES llvm-nm llvm-nm-19 llvm-nm-18 llvm-nm-17 llvm-nm-16 llvm-nm-15 llvm-nm-14)
if(NOT CMAKE_NM)
  message(WARNING "osx: no llvm-nm (Debian: apt-get install llvm); the exports test cannot read the .dylib")
endif()
find_program(CMAKE_INSTALL_NAME_TOOL NAMES llvm-install-name-tool llvm-install-name-tool-19 llvm-install-name-tool-18
             llvm-install-name-tool-17 llvm-install-name-tool-16 llvm-install-name-tool-15 llvm-install-name-tool-14)

if(NOT EXISTS "${CMAKE_C_COMPILER}")
  message(FATAL_ERROR "osx: ${CMAKE_C_COMPILER} missing")
endif()

# Nothing of the Linux host is searched for the target: no sysroot, zig brings its own.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
