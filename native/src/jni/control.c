/* org.sockets4j.internal.NativeControl <-> sockets4j/control.h */
#include "sockets4j/control.h"

#include "glue.h"

static jint JNICALL j_bytes_available(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_bytes_available(h);
}

static jint JNICALL j_at_mark(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_at_mark(h);
}

static jint JNICALL j_set_async(JNIEnv *env, jclass cls, jlong h, jboolean on) {
    (void)env, (void)cls;
    return s4j_socket_set_async(h, on == JNI_TRUE);
}

static jint JNICALL j_is_async(JNIEnv *env, jclass cls, jlong h) {
    (void)env, (void)cls;
    return s4j_socket_is_async(h);
}

static jint JNICALL j_set_owner(JNIEnv *env, jclass cls, jlong h, jlong owner) {
    (void)env, (void)cls;
    return s4j_socket_set_owner(h, owner);
}

static jint JNICALL j_owner(JNIEnv *env, jclass cls, jlong h, jlongArray out) {
    (void)cls;
    int64_t owner = 0;
    int32_t r = s4j_socket_owner(h, &owner);
    jlong v = owner;
    if (r == 0) (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
    return r;
}

static jint JNICALL j_interfaces(JNIEnv *env, jclass cls, jlong h, jlong out, jint max) {
    (void)env, (void)cls;
    return s4j_socket_interfaces(h, s4j_jni_pointer(out), max);
}

static const JNINativeMethod methods[] = {
    {"bytesAvailable", "(J)I", (void *)j_bytes_available},
    {"atMark", "(J)I", (void *)j_at_mark},
    {"setAsync", "(JZ)I", (void *)j_set_async},
    {"isAsync", "(J)I", (void *)j_is_async},
    {"setOwner", "(JJ)I", (void *)j_set_owner},
    {"owner", "(J[J)I", (void *)j_owner},
    {"interfaces", "(JJI)I", (void *)j_interfaces},
};

jint s4j_jni_register_control(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeControl"), methods, S4J_COUNT(methods));
}
