/* org.sockets4j.internal.NativeErrors <-> sockets4j/errors.h */
#include "sockets4j/errors.h"

#include "glue.h"

static jint JNICALL j_limit(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return S4J_ERRNO_LIMIT;
}

static jstring JNICALL j_name(JNIEnv *env, jclass cls, jint code) {
    (void)cls;
    const char *name = s4j_errno_name(code);
    return name == NULL ? NULL : (*env)->NewStringUTF(env, name);
}

static jstring JNICALL j_text(JNIEnv *env, jclass cls, jint code) {
    (void)cls;
    const char *text = s4j_errno_text(code);
    return text == NULL ? NULL : (*env)->NewStringUTF(env, text);
}

static jstring JNICALL j_describe(JNIEnv *env, jclass cls, jint native_code) {
    (void)cls;
    char buf[256];
    s4j_errno_describe(native_code, buf, sizeof buf);
    return (*env)->NewStringUTF(env, buf);
}

static jint JNICALL j_from_native(JNIEnv *env, jclass cls, jint native_code) {
    (void)env, (void)cls;
    return s4j_error_from_native(native_code);
}

static const JNINativeMethod methods[] = {
    {"limit", "()I", (void *)j_limit},
    {"name", "(I)Ljava/lang/String;", (void *)j_name},
    {"text", "(I)Ljava/lang/String;", (void *)j_text},
    {"fromNative", "(I)I", (void *)j_from_native},
    {"describe", "(I)Ljava/lang/String;", (void *)j_describe},
};

jint s4j_jni_register_errors(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeErrors"), methods, S4J_COUNT(methods));
}
