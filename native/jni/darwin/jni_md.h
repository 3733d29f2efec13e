/*
 * jni_md.h for macOS (x86_64 and arm64), the project's own: jni.h comes from the JDK
 * that runs the build, but a Linux JDK ships only the Linux jni_md.h, and the macOS
 * builds are cross-compiled from Linux (platforms/toolchains/osx-*.cmake).
 *
 * It declares what jni.h expects of this header, with the types and attributes of a
 * macOS JDK: JNIEXPORT/JNIIMPORT as default visibility (the library is compiled with
 * -fvisibility=hidden, so only JNIEXPORT functions leave the .dylib), an empty JNICALL,
 * and the three platform-sized integer types (jlong is "long" on LP64, as in the JDK).
 */
#ifndef SOCKETS4J_DARWIN_JNI_MD_H
#define SOCKETS4J_DARWIN_JNI_MD_H

#define JNIEXPORT __attribute__((visibility("default")))
#define JNIIMPORT __attribute__((visibility("default")))
#define JNICALL

typedef int jint;
#if defined(__LP64__) || defined(_LP64)
typedef long jlong;
#else
typedef long long jlong;
#endif
typedef signed char jbyte;

#endif
