/*
 * What the core's C tests need from the OS beyond the core itself: socket
 * headers, a thread, a sleep, and the native spelling of an error. Tests are
 * not backends, so this one header may look at the platform.
 */
#ifndef SOCKETS4J_TEST_PORTABLE_H
#define SOCKETS4J_TEST_PORTABLE_H

typedef void (*test_fn)(void *);

struct test_thread_body {
    test_fn fn;
    void *arg;
};

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <afunix.h>
#include <windows.h>

#define T_ERR(name) WSA##name /* WSAECONNREFUSED, ... */
#define T_SHUT_WR SD_SEND
#define T_SHUT_RDWR SD_BOTH
typedef HANDLE test_thread;

static DWORD WINAPI test_trampoline(LPVOID p) {
    struct test_thread_body *b = p;
    b->fn(b->arg);
    return 0;
}

static inline int test_thread_start(test_thread *t, struct test_thread_body *b) {
    *t = CreateThread(NULL, 0, test_trampoline, b, 0, NULL);
    return *t == NULL ? -1 : 0;
}

static inline void test_thread_join(test_thread t) {
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
}

static inline void test_sleep_ms(int ms) { Sleep((DWORD)ms); }

#else
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>

#define T_ERR(name) name
#define T_SHUT_WR SHUT_WR
#define T_SHUT_RDWR SHUT_RDWR
typedef pthread_t test_thread;

static void *test_trampoline(void *p) {
    struct test_thread_body *b = p;
    b->fn(b->arg);
    return NULL;
}

static inline int test_thread_start(test_thread *t, struct test_thread_body *b) {
    return pthread_create(t, NULL, test_trampoline, b);
}

static inline void test_thread_join(test_thread t) { pthread_join(t, NULL); }

static inline void test_sleep_ms(int ms) {
    struct timespec pause = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}
#endif

#endif
