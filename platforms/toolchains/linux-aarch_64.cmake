# linux-aarch_64 from an x86_64 Linux host: Debian's cross gcc (gcc-aarch64-linux-gnu),
# the target's libc from /usr/aarch64-linux-gnu (libc6-dev-arm64-cross), and the C tests
# run by ctest through qemu-user (qemu-user; binfmt need not be registered: qemu is called
# by name). The exports test reads the .so with the cross binutils' nm on the host.
#
#   cmake -S . -B target/cross/linux-aarch_64 -DCMAKE_TOOLCHAIN_FILE=platforms/toolchains/linux-aarch_64.cmake
#
# Overridable: -DS4J_AARCH64_PREFIX=aarch64-linux-gnu- (tool prefix), -DS4J_AARCH64_SYSROOT=/usr/aarch64-linux-gnu
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(S4J_AARCH64_PREFIX "aarch64-linux-gnu-" CACHE STRING "prefix of the aarch64 cross tools")
set(S4J_AARCH64_SYSROOT "/usr/aarch64-linux-gnu" CACHE PATH "the aarch64 libc (headers, crt, shared objects)")

find_program(S4J_AARCH64_GCC NAMES ${S4J_AARCH64_PREFIX}gcc)
if(NOT S4J_AARCH64_GCC)
  message(FATAL_ERROR "linux-aarch_64: ${S4J_AARCH64_PREFIX}gcc not found (Debian: apt-get install gcc-aarch64-linux-gnu)")
endif()
set(CMAKE_C_COMPILER "${S4J_AARCH64_GCC}")

# CMake would find these by the compiler's prefix too; named here so the exports
# test (which takes CMAKE_NM) never falls back to the host's nm.
find_program(CMAKE_NM NAMES ${S4J_AARCH64_PREFIX}nm)
find_program(CMAKE_OBJDUMP NAMES ${S4J_AARCH64_PREFIX}objdump)
find_program(CMAKE_AR NAMES ${S4J_AARCH64_PREFIX}ar)
find_program(CMAKE_RANLIB NAMES ${S4J_AARCH64_PREFIX}ranlib)

# ctest runs every test executable as: qemu-aarch64 -L <sysroot> <test>
find_program(S4J_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(S4J_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${S4J_QEMU_AARCH64};-L;${S4J_AARCH64_SYSROOT}")
else()
  message(WARNING "linux-aarch_64: qemu-aarch64 not found (Debian: apt-get install qemu-user); ctest cannot run the C tests")
endif()

# Headers and libraries of the target only; programs (nm, qemu, the JDK's) of the host.
set(CMAKE_FIND_ROOT_PATH "${S4J_AARCH64_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
