/* Open addressing with linear probing, at most half full; removal shifts the probe chain back, so no tombstones. */
#include "handlemap.h"

#include <stdlib.h>

#include "sockets4j/errors.h"

static uint32_t home(const s4j_handle_map *m, s4j_handle h) {
    /* Fibonacci hashing: descriptor numbers are small and dense, and would otherwise crowd the first cells */
    return (uint32_t)(((uint64_t)h * 0x9E3779B97F4A7C15ull) >> 32) & (m->capacity - 1);
}

/* The cell of h, or the empty cell where it would go. */
static uint32_t cell(const s4j_handle_map *m, s4j_handle h) {
    uint32_t i = home(m, h);
    while (m->values[i] >= 0 && m->keys[i] != h) i = (i + 1) & (m->capacity - 1);
    return i;
}

void s4j_handle_map_free(s4j_handle_map *m) {
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->capacity = m->count = 0;
}

int32_t s4j_handle_map_get(const s4j_handle_map *m, s4j_handle h) {
    return m->capacity == 0 ? -1 : m->values[cell(m, h)];
}

static int32_t grow(s4j_handle_map *m) {
    uint32_t capacity = m->capacity == 0 ? 16 : m->capacity * 2;
    if (capacity == 0 || capacity > (UINT32_MAX >> 2)) return s4j_error(S4J_ENOMEM, 0);
    s4j_handle_map bigger = {malloc(capacity * sizeof(s4j_handle)), malloc(capacity * sizeof(int32_t)), capacity, 0};
    if (bigger.keys == NULL || bigger.values == NULL) {
        s4j_handle_map_free(&bigger);
        return s4j_error(S4J_ENOMEM, 0);
    }
    for (uint32_t i = 0; i < capacity; i++) bigger.values[i] = -1;
    for (uint32_t i = 0; i < m->capacity; i++) {
        if (m->values[i] < 0) continue;
        uint32_t j = cell(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
        bigger.count++;
    }
    s4j_handle_map_free(m);
    *m = bigger;
    return 0;
}

int32_t s4j_handle_map_put(s4j_handle_map *m, s4j_handle h, int32_t value) {
    if (s4j_handle_map_get(m, h) >= 0) return s4j_error(S4J_EEXIST, 0);
    if ((m->count + 1) * 2 > m->capacity) {
        int32_t r = grow(m);
        if (r < 0) return r;
    }
    uint32_t i = cell(m, h);
    m->keys[i] = h;
    m->values[i] = value;
    m->count++;
    return 0;
}

int32_t s4j_handle_map_set(s4j_handle_map *m, s4j_handle h, int32_t value) {
    if (m->capacity == 0) return s4j_error(S4J_ENOENT, 0);
    uint32_t i = cell(m, h);
    if (m->values[i] < 0) return s4j_error(S4J_ENOENT, 0);
    m->values[i] = value;
    return 0;
}

int32_t s4j_handle_map_remove(s4j_handle_map *m, s4j_handle h) {
    if (m->capacity == 0) return -1;
    uint32_t mask = m->capacity - 1;
    uint32_t i = cell(m, h);
    int32_t value = m->values[i];
    if (value < 0) return -1;
    m->values[i] = -1;
    m->count--;
    /* pull back every later entry of the chain whose home does not lie cyclically in (i, j] */
    for (uint32_t j = (i + 1) & mask; m->values[j] >= 0; j = (j + 1) & mask) {
        uint32_t k = home(m, m->keys[j]);
        int stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (stays) continue;
        m->keys[i] = m->keys[j];
        m->values[i] = m->values[j];
        m->values[j] = -1;
        i = j;
    }
    return value;
}
