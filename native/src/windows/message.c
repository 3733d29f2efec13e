/*
 * sendmsg/recvmsg on Winsock: WSASendMsg, and WSARecvMsg through
 * SIO_GET_EXTENSION_FUNCTION_POINTER, are the way; until that backend is
 * written, both report EOPNOTSUPP and Socket.sendMsg/recvMsg say so.
 */
#include "sockets4j/message.h"

#include "backend.h"

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    (void)h, (void)iov, (void)iovcnt, (void)to, (void)control, (void)control_len, (void)flags;
    return s4j_error(S4J_EOPNOTSUPP, WSAEOPNOTSUPP);
}

int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags) {
    (void)h, (void)iov, (void)iovcnt, (void)from, (void)control, (void)control_len, (void)out_flags, (void)flags;
    return s4j_error(S4J_EOPNOTSUPP, WSAEOPNOTSUPP);
}
