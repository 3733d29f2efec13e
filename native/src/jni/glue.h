/* What the JNI glue files share: each registers its Java class's natives. */
#ifndef SOCKETS4J_JNI_GLUE_H
#define SOCKETS4J_JNI_GLUE_H

#include <jni.h>
#include <stdint.h>

#define S4J_INTERNAL_CLASS(name) "org/sockets4j/internal/" name

/* 0 on success; a Java exception is pending otherwise. */
jint s4j_jni_register(JNIEnv *env, const char *class_name, const JNINativeMethod *methods, jint count);

jint s4j_jni_register_socket(JNIEnv *env);
jint s4j_jni_register_errors(JNIEnv *env);
jint s4j_jni_register_constants(JNIEnv *env);
jint s4j_jni_register_memory(JNIEnv *env);
jint s4j_jni_register_options(JNIEnv *env);
jint s4j_jni_register_control(JNIEnv *env);
jint s4j_jni_register_message(JNIEnv *env);
jint s4j_jni_register_poller(JNIEnv *env);
jint s4j_jni_register_batch(JNIEnv *env);

/* Java passes memory it owns as a jlong address; 0 means "none". */
static inline void *s4j_jni_pointer(jlong address) { return (void *)(uintptr_t)address; }

/*
 * The memory of [offset, offset + length) inside a direct buffer, checked against the
 * buffer's capacity whatever Java passed: a buffer whose position or limit another
 * thread moves mid-call can make Java compute any offset or length. NULL when the
 * region is not inside, with *error set: EINVAL for a region outside the capacity,
 * EFAULT for a null or non-direct buffer.
 */
char *s4j_jni_region(JNIEnv *env, jobject buffer, jint offset, jint length, int32_t *error);

/*
 * Native memory of its own (at least 1 byte; free() it) for array[offset, offset
 * + length), for the natives off the hot path that take a heap array: with
 * copy_in, filled from the array. NULL with *error set: EFAULT for a null array,
 * EINVAL for a region outside it (checked before anything is allocated), ENOMEM,
 * or EINVAL when the copy threw.
 */
char *s4j_jni_array_block(JNIEnv *env, jbyteArray array, jint offset, jint length, int copy_in, int32_t *error);

#define S4J_COUNT(array) ((jint)(sizeof(array) / sizeof((array)[0])))

#endif
