/* org.sockets4j.internal.NativePoller <-> sockets4j/poller.h */
#include "sockets4j/poller.h"

#include "glue.h"
#include "sockets4j/errors.h"

static s4j_poller *poller(jlong address) { return (s4j_poller *)s4j_jni_pointer(address); }

static jboolean JNICALL j_supported(JNIEnv *env, jclass cls, jint kind) {
    (void)env, (void)cls;
    return s4j_poller_supported(kind) ? JNI_TRUE : JNI_FALSE;
}

static jboolean JNICALL j_edge_supported(JNIEnv *env, jclass cls, jint kind) {
    (void)env, (void)cls;
    return s4j_poller_edge_supported(kind) ? JNI_TRUE : JNI_FALSE;
}

static jlong JNICALL j_open(JNIEnv *env, jclass cls, jint kind) {
    (void)env, (void)cls;
    s4j_poller *p = NULL;
    int32_t r = s4j_poller_open(kind, &p);
    return r < 0 ? (jlong)r : (jlong)(uintptr_t)p;
}

static jstring JNICALL j_mechanism(JNIEnv *env, jclass cls, jlong p) {
    (void)cls;
    return (*env)->NewStringUTF(env, s4j_poller_mechanism(poller(p)));
}

static jint JNICALL j_add(JNIEnv *env, jclass cls, jlong p, jlong h, jint interest, jlong token) {
    (void)env, (void)cls;
    return s4j_poller_add(poller(p), h, (uint32_t)interest, (uint64_t)token);
}

static jint JNICALL j_modify(JNIEnv *env, jclass cls, jlong p, jlong h, jint interest, jlong token) {
    (void)env, (void)cls;
    return s4j_poller_modify(poller(p), h, (uint32_t)interest, (uint64_t)token);
}

static jint JNICALL j_remove(JNIEnv *env, jclass cls, jlong p, jlong h) {
    (void)env, (void)cls;
    return s4j_poller_remove(poller(p), h);
}

static jint JNICALL j_await(JNIEnv *env, jclass cls, jlong p, jlong events, jint capacity, jint timeout_ms) {
    (void)env, (void)cls;
    return s4j_poller_wait(poller(p), s4j_jni_pointer(events), capacity, timeout_ms);
}

static jint JNICALL j_wakeup(JNIEnv *env, jclass cls, jlong p) {
    (void)env, (void)cls;
    return s4j_poller_wakeup(poller(p));
}

static void JNICALL j_close(JNIEnv *env, jclass cls, jlong p) {
    (void)env, (void)cls;
    s4j_poller_close(poller(p));
}

static const JNINativeMethod methods[] = {
    {"supported", "(I)Z", (void *)j_supported},
    {"edgeSupported", "(I)Z", (void *)j_edge_supported},
    {"open", "(I)J", (void *)j_open},
    {"mechanism", "(J)Ljava/lang/String;", (void *)j_mechanism},
    {"add", "(JJIJ)I", (void *)j_add},
    {"modify", "(JJIJ)I", (void *)j_modify},
    {"remove", "(JJ)I", (void *)j_remove},
    {"await", "(JJII)I", (void *)j_await},
    {"wakeup", "(J)I", (void *)j_wakeup},
    {"close", "(J)V", (void *)j_close},
};

jint s4j_jni_register_poller(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativePoller"), methods, S4J_COUNT(methods));
}
