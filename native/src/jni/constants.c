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

static jobjectArray JNICALL j_names(JNIEnv *env, jclass cls) {
    (void)cls;
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (string == NULL) return NULL;
    jsize count = (jsize)s4j_constant_count();
    jobjectArray names = (*env)->NewObjectArray(env, count, string, NULL);
    for (jsize i = 0; names != NULL && i < count; i++) {
        jstring s = (*env)->NewStringUTF(env, s4j_constant_name((size_t)i));
        if (s == NULL) return NULL;
        (*env)->SetObjectArrayElement(env, names, i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return names;
}

static jstring JNICALL j_platform(JNIEnv *env, jclass cls) {
    (void)cls;
    return (*env)->NewStringUTF(env, s4j_library_platform());
}

static const JNINativeMethod methods[] = {
    {"lookup", "(Ljava/lang/String;)J", (void *)j_lookup},
    {"names", "()[Ljava/lang/String;", (void *)j_names},
    {"platform", "()Ljava/lang/String;", (void *)j_platform},
};

jint s4j_jni_register_constants(JNIEnv *env) {
    return s4j_jni_register(env, S4J_INTERNAL_CLASS("NativeConstants"), methods, S4J_COUNT(methods));
}
