/*
 * Handles to small non-negative numbers: what a poller that keeps its own
 * registrations (core/pollset.c, bsd/kqueue.c) looks a handle up by, in
 * constant time however many are registered. Not thread-safe: the owner locks.
 */
#ifndef SOCKETS4J_CORE_HANDLEMAP_H
#define SOCKETS4J_CORE_HANDLEMAP_H

#include <stdint.h>

#include "sockets4j/socket.h"

typedef struct s4j_handle_map {
    s4j_handle *keys;
    int32_t *values; /* < 0: an empty cell */
    uint32_t capacity; /* 0 or a power of two */
    uint32_t count;
} s4j_handle_map;

/* An empty map is all zeros; this frees what it grew. */
void s4j_handle_map_free(s4j_handle_map *m);

/* h's value, or -1. */
int32_t s4j_handle_map_get(const s4j_handle_map *m, s4j_handle h);

/* Maps h to value (>= 0): EEXIST if h is mapped already, ENOMEM. */
int32_t s4j_handle_map_put(s4j_handle_map *m, s4j_handle h, int32_t value);

/* Changes h's value (>= 0); ENOENT if h is not mapped. */
int32_t s4j_handle_map_set(s4j_handle_map *m, s4j_handle h, int32_t value);

/* Unmaps h: its value, or -1 if it was not mapped. */
int32_t s4j_handle_map_remove(s4j_handle_map *m, s4j_handle h);

#endif
