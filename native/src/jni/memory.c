/*
 * org.sockets4j.internal.NativeMemory: the address of a direct buffer that
 * this library allocated and keeps (the per-thread scratch for addresses and
 * flags, the interface table), asked once per buffer so that it then crosses
 * as a plain long. A caller's buffer on the data path does not: send and recv
 * pass the buffer with an offset and a length, and s4j_jni_region below asks
 * its address and capacity on every call, so that a range outside it is
 * refused rather than trusted. Pure JNI, no OS call, so there is no core
 * header behind it.
 */
#include <stdlib.h>

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

char *s4j_jni_array_block(JNIEnv *env, jbyteArray array, jint offset, jint length, int copy_in, int32_t *error) {
    if (array == NULL) {
        *error = s4j_error(S4J_EFAULT, 0);
        return NULL;
    }
    jsize size = (*env)->GetArrayLength(env, array);
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
        *error = s4j_error(S4J_EINVAL, 0);
        return NULL;
    }
    char *block = malloc(length > 0 ? (size_t)length : 1);
    if (block == NULL) {
        *error = s4j_error(S4J_ENOMEM, 0);
        return NULL;
    }
    if (copy_in) {
        (*env)->GetByteArrayRegion(env, array, offset, length, (jbyte *)block);
        if ((*env)->ExceptionCheck(env)) { /* Java throws; nothing is done */
            free(block);
            *error = s4j_error(S4J_EINVAL, 0);
            return NULL;
        }
    }
    return block;
}

static const JNINativeMethod methods[] = {
    {"address", "(Ljava/nio/ByteBuffer;)J", (void *)j_address},
};

jint s4j_jni_register_memory(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeMemory"), methods, S4J_COUNT(methods));
}
