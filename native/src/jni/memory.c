/*
 * org.sockets4j.internal.NativeMemory: the address of a direct buffer that
 * Java allocated, asked once per buffer so that hot paths pass plain longs.
 * Pure JNI, no OS call, so there is no core header behind it.
 */
#include "glue.h"

static jlong JNICALL j_address(JNIEnv *env, jclass cls, jobject buffer) {
    (void)cls;
    return (jlong)(uintptr_t)(*env)->GetDirectBufferAddress(env, buffer);
}

static const JNINativeMethod methods[] = {
    {"address", "(Ljava/nio/ByteBuffer;)J", (void *)j_address},
};

jint s4j_jni_register_memory(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeMemory"), methods, S4J_COUNT(methods));
}
