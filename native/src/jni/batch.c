/* org.sockets4j.internal.NativeBatch <-> sockets4j/batch.h */
#include "sockets4j/batch.h"

#include "glue.h"

/*
 * Java passes the addresses of the batch's first record and first slot to use
 * (memory it owns and keeps reachable over the call); core checks the count,
 * the slot size and every length before anything is read as a size.
 */
static jint JNICALL j_send_many(JNIEnv *env, jclass cls, jlong h, jlong records, jlong data, jint slot, jint count,
                                jint flags) {
    (void)env, (void)cls;
    return s4j_socket_send_many(h, s4j_jni_pointer(records), s4j_jni_pointer(data), slot, count, flags);
}

static jint JNICALL j_recv_many(JNIEnv *env, jclass cls, jlong h, jlong records, jlong data, jint slot, jint count,
                                jint flags) {
    (void)env, (void)cls;
    return s4j_socket_recv_many(h, s4j_jni_pointer(records), s4j_jni_pointer(data), slot, count, flags);
}

static const JNINativeMethod methods[] = {
    {"sendMany", "(JJJIII)I", (void *)j_send_many},
    {"recvMany", "(JJJIII)I", (void *)j_recv_many},
};

jint s4j_jni_register_batch(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeBatch"), methods, S4J_COUNT(methods));
}
