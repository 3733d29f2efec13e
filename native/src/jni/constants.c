/* org.sockets4j.internal.NativeConstants <-> sockets4j/constants.h, sockets4j/library.h */
#include "sockets4j/constants.h"

#include "glue.h"
#include "sockets4j/library.h"

/* The constant's value, or Long.MIN_VALUE when this platform has no such name. */
static jlong JNICALL j_lookup(JNIEnv *env, jclass cls, jstring name) {
    (void)cls;
    const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
    if (chars == NULL) return INT64_MIN;
    int32_t value;
    int found = s4j_constant(chars, &value);
    (*env)->ReleaseStringUTFChars(env, name, chars);
    return found ? (jlong)value : INT64_MIN;
}

static jobjectArray string_array(JNIEnv *env, size_t count, const char *(*name)(size_t)) {
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (string == NULL) return NULL;
    jobjectArray names = (*env)->NewObjectArray(env, (jsize)count, string, NULL);
    for (jsize i = 0; names != NULL && i < (jsize)count; i++) {
        jstring s = (*env)->NewStringUTF(env, name((size_t)i));
        if (s == NULL) return NULL;
        (*env)->SetObjectArrayElement(env, names, i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return names;
}

/* The names this platform defines. */
static jobjectArray JNICALL j_names(JNIEnv *env, jclass cls) {
    (void)cls;
    return string_array(env, s4j_constant_count(), s4j_constant_name);
}

/* Every row's name, defined here or not. */
static jobjectArray JNICALL j_rows(JNIEnv *env, jclass cls) {
    (void)cls;
    return string_array(env, s4j_constant_row_count(), s4j_constant_row_name);
}

static jstring JNICALL j_platform(JNIEnv *env, jclass cls) {
    (void)cls;
    return (*env)->NewStringUTF(env, s4j_library_platform());
}

static const JNINativeMethod methods[] = {
    {"lookup", "(Ljava/lang/String;)J", (void *)j_lookup},
    {"names", "()[Ljava/lang/String;", (void *)j_names},
    {"rows", "()[Ljava/lang/String;", (void *)j_rows},
    {"platform", "()Ljava/lang/String;", (void *)j_platform},
};

jint s4j_jni_register_constants(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeConstants"), methods, S4J_COUNT(methods));
}
