/* org.sockets4j.internal.NativeOption <-> sockets4j/options.h. Values return through arrays,
 * except getIntValue's, the typed get of ints and flags. */
#include "sockets4j/options.h"

#include <stdlib.h>

#include "glue.h"
#include "sockets4j/errors.h"

static jint JNICALL j_get_int(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jintArray out) {
    (void)cls;
    int32_t value = 0;
    int32_t r = s4j_option_get_int(h, level, name, &value);
    jint v = value; /* jint is long on Windows */
    if (r == 0) (*env)->SetIntArrayRegion(env, out, 0, 1, &v);
    return r;
}

/*
 * The typed get of ints and flags, on the hot path: the value comes back in the result rather than through an
 * array, so the Java caller allocates nothing. The value as an unsigned 32-bit number, or a negative packed error.
 */
static jlong JNICALL j_get_int_value(JNIEnv *env, jclass cls, jlong h, jint level, jint name) {
    (void)env, (void)cls;
    int32_t value = 0;
    int32_t r = s4j_option_get_int(h, level, name, &value);
    return r < 0 ? (jlong)r : (jlong)(uint32_t)value;
}

static jint JNICALL j_set_int(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jint value) {
    (void)env, (void)cls;
    return s4j_option_set_int(h, level, name, value);
}

static jint JNICALL j_get_linger(JNIEnv *env, jclass cls, jlong h, jintArray out) {
    (void)cls;
    int32_t on = 0, seconds = 0;
    int32_t r = s4j_option_get_linger(h, &on, &seconds);
    jint v[2] = {on, seconds};
    if (r == 0) (*env)->SetIntArrayRegion(env, out, 0, 2, v);
    return r;
}

static jint JNICALL j_set_linger(JNIEnv *env, jclass cls, jlong h, jboolean on, jint seconds) {
    (void)env, (void)cls;
    return s4j_option_set_linger(h, on == JNI_TRUE, seconds);
}

static jint JNICALL j_get_timeout(JNIEnv *env, jclass cls, jlong h, jint name, jlongArray out) {
    (void)cls;
    int64_t millis = 0;
    int32_t r = s4j_option_get_timeout(h, name, &millis);
    jlong v = millis;
    if (r == 0) (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
    return r;
}

static jint JNICALL j_set_timeout(JNIEnv *env, jclass cls, jlong h, jint name, jlong millis) {
    (void)env, (void)cls;
    return s4j_option_set_timeout(h, name, millis);
}

/* Returns the bytes written into buf, or an error. */
static jint JNICALL j_get_bytes(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jbyteArray buf) {
    (void)cls;
    jsize room = (*env)->GetArrayLength(env, buf);
    void *tmp = malloc(room > 0 ? (size_t)room : 1);
    if (tmp == NULL) return s4j_error(S4J_ENOMEM, 0);
    int32_t len = room;
    int32_t r = s4j_option_get_bytes(h, level, name, tmp, &len);
    if (r == 0) {
        if (len > room) len = room;
        (*env)->SetByteArrayRegion(env, buf, 0, len, tmp);
        r = len;
    }
    free(tmp);
    return r;
}

static jint JNICALL j_set_bytes(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jbyteArray buf, jint offset,
                                jint length) {
    (void)cls;
    int32_t error = 0;
    char *tmp = s4j_jni_array_block(env, buf, offset, length, 1, &error);
    if (tmp == NULL) return error;
    int32_t r = s4j_option_set_bytes(h, level, name, tmp, length);
    free(tmp);
    return r;
}

static jint JNICALL j_get_multicast_if4(JNIEnv *env, jclass cls, jlong h, jlong out) {
    (void)env, (void)cls;
    return s4j_option_get_multicast_if4(h, s4j_jni_pointer(out));
}

static jint JNICALL j_set_multicast_if4(JNIEnv *env, jclass cls, jlong h, jlong address, jint ifindex) {
    (void)env, (void)cls;
    return s4j_option_set_multicast_if4(h, s4j_jni_pointer(address), (uint32_t)ifindex);
}

static jint JNICALL j_set_membership(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jint kind, jlong group,
                                     jlong source, jlong interface_address, jint ifindex) {
    (void)env, (void)cls;
    return s4j_option_set_membership(h, level, name, kind, s4j_jni_pointer(group), s4j_jni_pointer(source),
                                     s4j_jni_pointer(interface_address), (uint32_t)ifindex);
}

static jint JNICALL j_get_sockaddr(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jlong out) {
    (void)env, (void)cls;
    return s4j_option_get_sockaddr(h, level, name, s4j_jni_pointer(out));
}

static jint JNICALL j_set_sockaddr(JNIEnv *env, jclass cls, jlong h, jint level, jint name, jlong address) {
    (void)env, (void)cls;
    return s4j_option_set_sockaddr(h, level, name, s4j_jni_pointer(address));
}

static jint JNICALL j_get_pktinfo6(JNIEnv *env, jclass cls, jlong h, jint name, jlong source, jintArray ifindex) {
    (void)cls;
    uint32_t index = 0;
    int32_t r = s4j_option_get_pktinfo6(h, name, s4j_jni_pointer(source), &index);
    jint v = (jint)index;
    if (r == 0) (*env)->SetIntArrayRegion(env, ifindex, 0, 1, &v);
    return r;
}

static jint JNICALL j_set_pktinfo6(JNIEnv *env, jclass cls, jlong h, jint name, jlong source, jint ifindex) {
    (void)env, (void)cls;
    return s4j_option_set_pktinfo6(h, name, s4j_jni_pointer(source), (uint32_t)ifindex);
}

static jint JNICALL j_get_mtuinfo(JNIEnv *env, jclass cls, jlong h, jint name, jintArray out) {
    (void)cls;
    int32_t mtu = 0;
    int32_t r = s4j_option_get_mtuinfo(h, name, &mtu);
    jint v = mtu;
    if (r == 0) (*env)->SetIntArrayRegion(env, out, 0, 1, &v);
    return r;
}

static const JNINativeMethod methods[] = {
    {"getInt", "(JII[I)I", (void *)j_get_int},
    {"getIntValue", "(JII)J", (void *)j_get_int_value},
    {"setInt", "(JIII)I", (void *)j_set_int},
    {"getLinger", "(J[I)I", (void *)j_get_linger},
    {"setLinger", "(JZI)I", (void *)j_set_linger},
    {"getTimeout", "(JI[J)I", (void *)j_get_timeout},
    {"setTimeout", "(JIJ)I", (void *)j_set_timeout},
    {"getBytes", "(JII[B)I", (void *)j_get_bytes},
    {"setBytes", "(JII[BII)I", (void *)j_set_bytes},
    {"getMulticastIf4", "(JJ)I", (void *)j_get_multicast_if4},
    {"setMulticastIf4", "(JJI)I", (void *)j_set_multicast_if4},
    {"setMembership", "(JIIIJJJI)I", (void *)j_set_membership},
    {"getSockaddr", "(JIIJ)I", (void *)j_get_sockaddr},
    {"setSockaddr", "(JIIJ)I", (void *)j_set_sockaddr},
    {"getPktinfo6", "(JIJ[I)I", (void *)j_get_pktinfo6},
    {"setPktinfo6", "(JIJI)I", (void *)j_set_pktinfo6},
    {"getMtuinfo", "(JI[I)I", (void *)j_get_mtuinfo},
};

jint s4j_jni_register_options(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeOption"), methods, S4J_COUNT(methods));
}
