/*
 * org.sockets4j.internal.NativeMemory: the address of a direct buffer that
 * Java allocated, asked once per buffer so that hot paths pass plain longs.
 * Pure JNI, no OS call, so there is no core header behind it. Also the
 * bound check of the buffers that the other glue files take.
 */
#include "glue.h"
#include "sockets4j/errors.h"

static jlong JNICALL j_address(JNIEnv *env, jclass cls, jobject buffer) {
    (void)cls;
    return (jlong)(uintptr_t)(*env)->GetDirectBufferAddress(env, buffer);
}

char *s4j_jni_region(JNIEnv *env, jobject buffer, jint offset, jint length, int32_t *error) {
    char *base = buffer == NULL ? NULL : (*env)->GetDirectBufferAddress(env, buffer);
    jlong capacity = base == NULL ? -1 : (*env)->GetDirectBufferCapacity(env, buffer);
    if (capacity < 0) {
        *error = s4j_error(S4J_EFAULT, 0);
        return NULL;
    }
    /* offset + length could overflow: compare length with what remains after offset instead */
    if (offset < 0 || length < 0 || offset > capacity || length > capacity - offset) {
        *error = s4j_error(S4J_EINVAL, 0);
        return NULL;
    }
    return base + offset;
}

static const JNINativeMethod methods[] = {
    {"address", "(Ljava/nio/ByteBuffer;)J", (void *)j_address},
};

jint s4j_jni_register_memory(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeMemory"), methods, S4J_COUNT(methods));
}
