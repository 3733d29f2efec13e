/* org.sockets4j.internal.NativeMessage <-> sockets4j/message.h: buffers, control records, flags. */
#include "sockets4j/message.h"

#include "glue.h"
#include "sockets4j/errors.h"

#define S4J_CONTROL_MAX 4096

/*
 * After a JNI call that threw (an array shorter than the count, ...), nothing more is done:
 * Java throws the pending exception when the native returns, and never sees this result.
 */
#define S4J_THREW s4j_error(S4J_EINVAL, 0)

/*
 * The iovec of Java's direct buffers: each [offsets[i], offsets[i] + lengths[i]), checked
 * here against the buffer's capacity whatever Java passed.
 */
static int32_t iovec_of(JNIEnv *env, jobjectArray buffers, jintArray offsets, jintArray lengths, jint count,
                        s4j_iovec *iov) {
    if (count < 0 || count > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, 0);
    if (count == 0) return 0;
    if (buffers == NULL || offsets == NULL || lengths == NULL) return s4j_error(S4J_EFAULT, 0);
    jint off[S4J_IOV_MAX], len[S4J_IOV_MAX];
    (*env)->GetIntArrayRegion(env, offsets, 0, count, off);
    if ((*env)->ExceptionCheck(env)) return S4J_THREW;
    (*env)->GetIntArrayRegion(env, lengths, 0, count, len);
    if ((*env)->ExceptionCheck(env)) return S4J_THREW;
    for (jint i = 0; i < count; i++) {
        jobject b = (*env)->GetObjectArrayElement(env, buffers, i);
        if ((*env)->ExceptionCheck(env)) return S4J_THREW;
        int32_t error = 0;
        char *base = s4j_jni_region(env, b, off[i], len[i], &error);
        if (b != NULL) (*env)->DeleteLocalRef(env, b);
        if (base == NULL) return error;
        iov[i].base = base;
        iov[i].length = len[i];
    }
    return 0;
}

static jint JNICALL j_send(JNIEnv *env, jclass cls, jlong h, jobjectArray buffers, jintArray offsets,
                           jintArray lengths, jint count, jlong to, jbyteArray control, jint control_len, jint flags) {
    (void)cls;
    s4j_iovec iov[S4J_IOV_MAX];
    int32_t r = iovec_of(env, buffers, offsets, lengths, count, iov);
    if (r < 0) return r;
    if (control_len < 0 || control_len > S4J_CONTROL_MAX) return s4j_error(S4J_EINVAL, 0);
    signed char records[S4J_CONTROL_MAX];
    if (control_len > 0) {
        if (control == NULL) return s4j_error(S4J_EFAULT, 0);
        (*env)->GetByteArrayRegion(env, control, 0, control_len, records);
        if ((*env)->ExceptionCheck(env)) return S4J_THREW;
    }
    return s4j_socket_sendmsg(h, iov, count, s4j_jni_pointer(to), records, control_len, flags);
}

/* io[0]: in, the control room; out, the record bytes written. io[1]: out, S4J_MSG_OUT_* bits. */
static jint JNICALL j_recv(JNIEnv *env, jclass cls, jlong h, jobjectArray buffers, jintArray offsets,
                           jintArray lengths, jint count, jlong from, jbyteArray control, jintArray io, jint flags) {
    (void)cls;
    s4j_iovec iov[S4J_IOV_MAX];
    int32_t r = iovec_of(env, buffers, offsets, lengths, count, iov);
    if (r < 0) return r;
    if (io == NULL) return s4j_error(S4J_EFAULT, 0);
    jint state[2];
    (*env)->GetIntArrayRegion(env, io, 0, 2, state);
    if ((*env)->ExceptionCheck(env)) return S4J_THREW;
    /* no more room than the array has, so that writing the records back cannot fail after the receive */
    jsize array = control == NULL ? 0 : (*env)->GetArrayLength(env, control);
    int32_t room = state[0] < 0 ? 0 : state[0] > S4J_CONTROL_MAX ? S4J_CONTROL_MAX : state[0];
    if (room > array) room = array;
    signed char records[S4J_CONTROL_MAX];
    int32_t out_flags = 0;
    r = s4j_socket_recvmsg(h, iov, count, s4j_jni_pointer(from), records, &room, &out_flags, flags);
    if (r < 0) return r;
    if (room > 0) (*env)->SetByteArrayRegion(env, control, 0, room, records);
    state[0] = room;
    state[1] = out_flags;
    (*env)->SetIntArrayRegion(env, io, 0, 2, state);
    return r;
}

static jint JNICALL j_sendv(JNIEnv *env, jclass cls, jlong h, jobjectArray buffers, jintArray offsets,
                            jintArray lengths, jint count, jint flags) {
    (void)cls;
    s4j_iovec iov[S4J_IOV_MAX];
    int32_t r = iovec_of(env, buffers, offsets, lengths, count, iov);
    if (r < 0) return r;
    return s4j_socket_sendv(h, iov, count, flags);
}

static jint JNICALL j_recvv(JNIEnv *env, jclass cls, jlong h, jobjectArray buffers, jintArray offsets,
                            jintArray lengths, jint count, jint flags) {
    (void)cls;
    s4j_iovec iov[S4J_IOV_MAX];
    int32_t r = iovec_of(env, buffers, offsets, lengths, count, iov);
    if (r < 0) return r;
    return s4j_socket_recvv(h, iov, count, flags);
}

static const JNINativeMethod methods[] = {
    {"sendMsg", "(J[Ljava/nio/ByteBuffer;[I[IIJ[BII)I", (void *)j_send},
    {"recvMsg", "(J[Ljava/nio/ByteBuffer;[I[IIJ[B[II)I", (void *)j_recv},
    {"sendv", "(J[Ljava/nio/ByteBuffer;[I[III)I", (void *)j_sendv},
    {"recvv", "(J[Ljava/nio/ByteBuffer;[I[III)I", (void *)j_recvv},
};

jint s4j_jni_register_message(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeMessage"), methods, S4J_COUNT(methods));
}
