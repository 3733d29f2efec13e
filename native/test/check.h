/* A minimal harness for the core's C tests: CHECK counts and reports, main returns the verdict. */
#ifndef SOCKETS4J_TEST_CHECK_H
#define SOCKETS4J_TEST_CHECK_H

#include <stdio.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        check_count++;                                                                                                 \
        if (!(cond)) {                                                                                                 \
            check_failures++;                                                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                                    \
        }                                                                                                              \
    } while (0)

#define CHECK_EQ(actual, expected)                                                                                     \
    do {                                                                                                               \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                                                \
        check_count++;                                                                                                 \
        if (a_ != e_) {                                                                                                \
            check_failures++;                                                                                          \
            fprintf(stderr, "%s:%d: %s is %lld, expected %s = %lld\n", __FILE__, __LINE__, #actual, a_, #expected, e_); \
        }                                                                                                              \
    } while (0)

static int check_verdict(const char *suite) {
    printf("%s: %d checks, %d failed\n", suite, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif
