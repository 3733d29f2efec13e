/* org.sockets4j.internal.NativeSocket <-> sockets4j/socket.h */
#include "sockets4j/socket.h"

#include <stdlib.h>

#include "glue.h"
#include "sockets4j/errors.h"

static jlong JNICALL j_open(JNIEnv *env, jclass cls, jint family, jint type, jint protocol) {
    (void)env, (void)cls;
    return s4j_socket_open(family, type, protocol);
}

/* Not a hot path: the two handles come back through a long[2]. */
static jint JNICALL j_pair(JNIEnv *env, jclass cls, jint family, jint type, jint protocol, jlongArray out) {
    (void)cls;
    int64_t handles[2];
    int32_t r = s4j_socket_pair(family, type, protocol, handles);
    if (r < 0) return r;
    jlong values[2] = {handles[0], handles[1]};
    (*env)->SetLongArrayRegion(env, out, 0, 2, values);
    if ((*env)->ExceptionCheck(env)) { /* out too short: Java never learns the handles, so they must not stay open */
        s4j_socket_close(handles[0]);
        s4j_socket_close(handles[1]);
        return s4j_error(S4J_EINVAL, 0);
    }
    return 0;
}

static jint JNICALL j_family_supported(JNIEnv *env, jclass cls, jint family) {
    (void)env, (void)cls;
    return s4j_socket_family_supported(family);
}

static jint JNICALL j_bind(JNIEnv *env, jclass cls, jlong h, jlong address) {
    (void)env, (void)cls;
    return s4j_socket_bind(h, s4j_jni_pointer(address));
}

static jint JNICALL j_listen(JNIEnv *env, jclass cls, jlong h, jint backlog) {
    (void)env, (void)cls;
    return s4j_socket_listen(h, backlog);
}

static jlong JNICALL j_accept(JNIEnv *env, jclass cls, jlong h, jlong peer) {
    (void)env, (void)cls;
    return s4j_socket_accept(h, s4j_jni_pointer(peer));
}

static jint JNICALL j_connect(JNIEnv *env, jclass cls, jlong h, jlong address) {
    (void)env, (void)cls;
    return s4j_socket_connect(h, s4j_jni_pointer(address));
}

static jint JNICALL j_finish_connect(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_finish_connect(h);
}

/* The region is checked again here (s4j_jni_region), whatever Java checked: C never trusts it with memory. */
static jint JNICALL j_send(JNIEnv *env, jclass cls, jlong h, jobject buffer, jint offset, jint length, jint flags,
                           jlong to) {
    (void)cls;
    int32_t error = 0;
    char *data = s4j_jni_region(env, buffer, offset, length, &error);
    if (data == NULL) return error;
    return s4j_socket_send(h, data, length, flags, s4j_jni_pointer(to));
}

static jint JNICALL j_recv(JNIEnv *env, jclass cls, jlong h, jobject buffer, jint offset, jint length, jint flags,
                           jlong from, jlong flags_out) {
    (void)cls;
    int32_t error = 0;
    char *data = s4j_jni_region(env, buffer, offset, length, &error);
    if (data == NULL) return error;
    return s4j_socket_recv(h, data, length, flags, s4j_jni_pointer(from), s4j_jni_pointer(flags_out));
}

/*
 * The array natives: a datagram too large for Java's per-thread buffer goes
 * through memory of its own, freed before the call returns. Not a hot path.
 */
static jint JNICALL j_send_array(JNIEnv *env, jclass cls, jlong h, jbyteArray array, jint offset, jint length,
                                 jint flags, jlong to) {
    (void)cls;
    int32_t error = 0;
    char *data = s4j_jni_array_block(env, array, offset, length, 1, &error);
    if (data == NULL) return error;
    jint r = s4j_socket_send(h, data, length, flags, s4j_jni_pointer(to));
    free(data);
    return r;
}

static jint JNICALL j_recv_array(JNIEnv *env, jclass cls, jlong h, jbyteArray array, jint offset, jint length,
                                 jint flags, jlong from, jlong flags_out, jboolean store) {
    (void)cls;
    int32_t error = 0;
    char *data = s4j_jni_array_block(env, array, offset, length, 0, &error);
    if (data == NULL) return error;
    jint r = s4j_socket_recv(h, data, length, flags, s4j_jni_pointer(from), s4j_jni_pointer(flags_out));
    /* Only what the kernel stored, never the rest of this memory. */
    if (r > 0 && store == JNI_TRUE) (*env)->SetByteArrayRegion(env, array, offset, r < length ? r : length, (jbyte *)data);
    free(data);
    return r;
}

static jint JNICALL j_shutdown(JNIEnv *env, jclass cls, jlong h, jint how) {
    (void)env, (void)cls;
    return s4j_socket_shutdown(h, how);
}

static jint JNICALL j_local_address(JNIEnv *env, jclass cls, jlong h, jlong out) {
    (void)env, (void)cls;
    return s4j_socket_local_address(h, s4j_jni_pointer(out));
}

static jint JNICALL j_remote_address(JNIEnv *env, jclass cls, jlong h, jlong out) {
    (void)env, (void)cls;
    return s4j_socket_remote_address(h, s4j_jni_pointer(out));
}

static jint JNICALL j_set_blocking(JNIEnv *env, jclass cls, jlong h, jboolean blocking) {
    (void)env, (void)cls;
    return s4j_socket_set_blocking(h, blocking == JNI_TRUE);
}

static jint JNICALL j_type(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_type(h);
}

static jint JNICALL j_close(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_close(h);
}

static void JNICALL j_preclose(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    s4j_socket_preclose(h);
}

static const JNINativeMethod methods[] = {
    {"open", "(III)J", (void *)j_open},
    {"familySupported", "(I)I", (void *)j_family_supported},
    {"pair", "(III[J)I", (void *)j_pair},
    {"bind", "(JJ)I", (void *)j_bind},
    {"listen", "(JI)I", (void *)j_listen},
    {"accept", "(JJ)J", (void *)j_accept},
    {"connect", "(JJ)I", (void *)j_connect},
    {"finishConnect", "(J)I", (void *)j_finish_connect},
    {"send", "(JLjava/nio/ByteBuffer;IIIJ)I", (void *)j_send},
    {"recv", "(JLjava/nio/ByteBuffer;IIIJJ)I", (void *)j_recv},
    {"sendArray", "(J[BIIIJ)I", (void *)j_send_array},
    {"recvArray", "(J[BIIIJJZ)I", (void *)j_recv_array},
    {"shutdown", "(JI)I", (void *)j_shutdown},
    {"localAddress", "(JJ)I", (void *)j_local_address},
    {"remoteAddress", "(JJ)I", (void *)j_remote_address},
    {"setBlocking", "(JZ)I", (void *)j_set_blocking},
    {"type", "(J)I", (void *)j_type},
    {"close", "(J)I", (void *)j_close},
    {"preClose", "(J)V", (void *)j_preclose},
};

jint s4j_jni_register_socket(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeSocket"), methods, S4J_COUNT(methods));
}
