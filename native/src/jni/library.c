/* JNI_OnLoad / JNI_OnUnload: the only exported symbols of the library. */
#include <jni.h>

#include "glue.h"
#include "sockets4j/library.h"

jint s4j_jni_register(JNIEnv *env, const char *class_name, const JNINativeMethod *methods, jint count) {
    jclass cls = (*env)->FindClass(env, class_name);
    if (cls == NULL) return -1;
    jint r = (*env)->RegisterNatives(env, cls, methods, count);
    (*env)->DeleteLocalRef(env, cls);
    return r;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) return JNI_ERR;
    if (s4j_library_init() < 0) return JNI_ERR;
    if (s4j_jni_register_socket(env) != 0 || s4j_jni_register_errors(env) != 0 ||
        s4j_jni_register_constants(env) != 0 || s4j_jni_register_memory(env) != 0 ||
        s4j_jni_register_options(env) != 0 || s4j_jni_register_control(env) != 0 ||
        s4j_jni_register_message(env) != 0 || s4j_jni_register_poller(env) != 0 ||
        s4j_jni_register_batch(env) != 0) {
        s4j_library_cleanup();
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    s4j_library_cleanup();
}
