/* core/handlemap.c against a plain array, through growth and removals that shift probe chains back. */
#include <stdlib.h>

#include "../src/core/handlemap.h"
#include "check.h"
#include "sockets4j/errors.h"

enum { KEYS = 4096 };

int main(void) {
    static int32_t expected[KEYS]; /* -1: not mapped */
    for (int i = 0; i < KEYS; i++) expected[i] = -1;
    s4j_handle_map m = {0};
    CHECK_EQ(s4j_handle_map_get(&m, 5), -1);
    CHECK_EQ(s4j_handle_map_remove(&m, 5), -1);
    CHECK_EQ(s4j_error_portable(s4j_handle_map_set(&m, 5, 1)), S4J_ENOENT);
    srand(12345);
    int mismatches = 0;
    for (int step = 0; step < 200000; step++) {
        /* keys that collide: dense small numbers, as descriptors are, and some far apart, as SOCKETs may be */
        int k = rand() % KEYS;
        s4j_handle h = (k % 7 == 0) ? (s4j_handle)k << 20 : k;
        int32_t value = rand() % 1000;
        switch (rand() % 3) {
        case 0:
            if (expected[k] >= 0) {
                mismatches += s4j_error_portable(s4j_handle_map_put(&m, h, value)) != S4J_EEXIST;
            } else {
                mismatches += s4j_handle_map_put(&m, h, value) != 0;
                expected[k] = value;
            }
            break;
        case 1:
            mismatches += s4j_handle_map_remove(&m, h) != expected[k];
            expected[k] = -1;
            break;
        default:
            if (expected[k] >= 0) {
                mismatches += s4j_handle_map_set(&m, h, value) != 0;
                expected[k] = value;
            }
            mismatches += s4j_handle_map_get(&m, h) != expected[k];
        }
    }
    CHECK_EQ(mismatches, 0);
    uint32_t count = 0;
    for (int k = 0; k < KEYS; k++) {
        s4j_handle h = (k % 7 == 0) ? (s4j_handle)k << 20 : k;
        CHECK_EQ(s4j_handle_map_get(&m, h), expected[k]);
        count += expected[k] >= 0;
    }
    CHECK_EQ(m.count, count);
    s4j_handle_map_free(&m);
    return check_verdict("test_handlemap");
}
