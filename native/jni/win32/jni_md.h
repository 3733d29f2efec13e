/*
 * jni_md.h for 64-bit Windows, the project's own. jni.h comes from the JDK that runs
 * the build; a Linux JDK ships only the Linux jni_md.h, and the Windows library is
 * cross-compiled on Linux with mingw-w64 (platforms/toolchains/windows-x86_64.cmake).
 * A build on Windows uses the JDK's include/win32/jni_md.h instead (CMakeLists.txt).
 *
 * What jni.h needs from this header, matching a Windows JDK so that code compiles the
 * same against either: JNIEXPORT marks a function for the DLL's export table (with no
 * dllexport anywhere the MinGW linker would export every global, so JNI_OnLoad and
 * JNI_OnUnload being the only JNIEXPORT functions keeps the table to those two);
 * JNICALL is __stdcall, which x64 ignores (one calling convention) but 32-bit x86 needs;
 * jint is "long" (32 bits on Windows, LLP64), jlong the 64-bit "long long".
 */
#ifndef SOCKETS4J_WIN32_JNI_MD_H
#define SOCKETS4J_WIN32_JNI_MD_H

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
