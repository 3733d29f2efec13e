/* The constants table: portable rows, platform rows, and a listing that agrees with lookups. */
#include <string.h>

#include "check.h"
#include "portable.h"
#include "sockets4j/address.h"
#include "sockets4j/constants.h"

int main(void) {
    int32_t value = -1;
    CHECK(s4j_constant("S4J_ADDRESS_SIZE", &value) && value == S4J_ADDRESS_SIZE);
    CHECK(s4j_constant("S4J_AF_INET6", &value) && value == S4J_AF_INET6);
    CHECK(s4j_constant("S4J_UNIX_PATH_MAX", &value) && value == s4j_unix_path_max());
    CHECK(s4j_constant("AF_INET", &value) && value == AF_INET);
    CHECK(s4j_constant("SOCK_DGRAM", &value) && value == SOCK_DGRAM);
    CHECK(s4j_constant("SHUT_RDWR", &value) && value == T_SHUT_RDWR);
    CHECK(s4j_constant("MSG_PEEK", &value) && value == MSG_PEEK);
    CHECK(!s4j_constant("AF_NO_SUCH_FAMILY", &value));
    size_t count = s4j_constant_count();
    CHECK(count > 20);
    for (size_t i = 0; i < count; i++) {
        const char *name = s4j_constant_name(i);
        CHECK(name != NULL && s4j_constant(name, &value));
    }
    CHECK(s4j_constant_name(count) == NULL);
    return check_verdict("test_constants");
}
