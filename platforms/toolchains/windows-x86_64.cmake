# windows-x86_64 from a Linux host: Debian's mingw-w64 cross gcc (gcc-mingw-w64-x86-64, its
# "win32" thread model), the project's own jni_md.h (native/jni/win32; CMakeLists.txt picks it
# since a Linux JDK has none), and the C tests run by ctest under wine64 (Debian wine64).
# The exports test reads the DLL's export table with the mingw objdump on the host.
#
#   cmake -S . -B target/cross/windows-x86_64 -DCMAKE_TOOLCHAIN_FILE=platforms/toolchains/windows-x86_64.cmake
#
# Builds sockets4j.dll, which needs nothing but system DLLs (KERNEL32, WS2_32, msvcrt and
# the api-ms-win-* sets): libgcc and, should anything pull it in, winpthreads are linked
# statically. ci/cross.d/windows-x86_64 runs ctest with WINEPREFIX and WINEDEBUG=-all set;
# without them wine uses ~/.wine and prints its fixme lines.
#
# Overridable: -DS4J_MINGW_PREFIX=x86_64-w64-mingw32- (tool prefix),
#              -DS4J_MINGW_SYSROOT=/usr/x86_64-w64-mingw32, -DS4J_WINE=/path/to/wine64

# The DLL is named sockets4j.dll (no "lib"), as System.loadLibrary("sockets4j") expects:
# CMakeLists.txt sets that on the target, for native Windows builds too.

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)

set(S4J_MINGW_PREFIX "x86_64-w64-mingw32-" CACHE STRING "prefix of the mingw-w64 cross tools")
set(S4J_MINGW_SYSROOT "/usr/x86_64-w64-mingw32" CACHE PATH "the mingw-w64 headers and import libraries")

find_program(S4J_MINGW_GCC NAMES ${S4J_MINGW_PREFIX}gcc)
if(NOT S4J_MINGW_GCC)
  message(FATAL_ERROR "windows-x86_64: ${S4J_MINGW_PREFIX}gcc not found (Debian: apt-get install gcc-mingw-w64-x86-64)")
endif()
set(CMAKE_C_COMPILER "${S4J_MINGW_GCC}")

# Named so that the exports test (CMAKE_OBJDUMP) never reads a PE file with the host's tools.
find_program(CMAKE_OBJDUMP NAMES ${S4J_MINGW_PREFIX}objdump)
find_program(CMAKE_NM NAMES ${S4J_MINGW_PREFIX}nm)
find_program(CMAKE_AR NAMES ${S4J_MINGW_PREFIX}ar)
find_program(CMAKE_RANLIB NAMES ${S4J_MINGW_PREFIX}ranlib)
find_program(CMAKE_RC_COMPILER NAMES ${S4J_MINGW_PREFIX}windres)

# No libgcc_s_seh-1.dll or libwinpthread-1.dll next to the DLL or the test programs: both
# are linked in. (-static for the programs also takes winpthreads' static archive should
# Threads::Threads resolve to it; import libraries such as ws2_32 stay imports.)
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static-libgcc -Wl,--no-undefined")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-static-libgcc")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# ctest runs every test program as: wine64 <test>.exe. The wine64 loader itself, not Debian's
# /usr/bin/wine wrapper, which looks for the 32-bit wine first and prints a hint when it is absent.
find_program(S4J_WINE NAMES wine64 wine PATHS /usr/lib/wine /usr/lib64/wine NO_DEFAULT_PATH)
find_program(S4J_WINE NAMES wine64 wine)
if(S4J_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${S4J_WINE}")
else()
  message(WARNING "windows-x86_64: wine64 not found (Debian: apt-get install wine64); ctest cannot run the C tests")
endif()

# Headers and libraries of the target only; programs (objdump, wine, the JDK's) of the host.
set(CMAKE_FIND_ROOT_PATH "${S4J_MINGW_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
