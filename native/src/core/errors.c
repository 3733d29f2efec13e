/* Names and texts of the portable codes: the same bytes on every platform. */
#include "sockets4j/errors.h"

#include <stddef.h>

struct errno_entry {
    const char *name;
    const char *text;
};

static const struct errno_entry entries[S4J_ERRNO_LIMIT] = {
#define S4J_ERRNO_ENTRY(name, code, text) [code] = {#name, text},
    S4J_ERRNO_TABLE(S4J_ERRNO_ENTRY)
#undef S4J_ERRNO_ENTRY
};

const char *s4j_errno_name(int portable) {
    return portable > 0 && portable < S4J_ERRNO_LIMIT ? entries[portable].name : NULL;
}

const char *s4j_errno_text(int portable) {
    return portable > 0 && portable < S4J_ERRNO_LIMIT ? entries[portable].text : NULL;
}

int32_t s4j_error_from_native(int native_code) {
    return s4j_error(s4j_errno_from_native(native_code), native_code);
}
