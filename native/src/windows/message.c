/*
 * sendmsg/recvmsg on Winsock: WSASendMsg, and WSARecvMsg, whose address
 * Winsock gives only through SIO_GET_EXTENSION_FUNCTION_POINTER (asked once,
 * when the library loads). core/msghdr.c fills the WSAMSG; core/cmsg.c turns
 * message.h's records into WSACMSGHDRs and back (platform_net.h names Winsock's
 * layouts).
 */
#include "sockets4j/message.h"

#include "../core/batch.h"
#include "../core/cmsg.h"
#include "../core/msghdr.h"
#include "backend.h"
#include <mswsock.h>
#include <ws2ipdef.h>

/* Written once by s4j_windows_message_init while the library loads, read-only afterwards. */
static LPFN_WSARECVMSG wsa_recvmsg;

int32_t s4j_windows_message_init(void) {
    SOCKET s = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) return s4j_last_error();
    GUID guid = WSAID_WSARECVMSG;
    DWORD bytes = 0;
    int r = WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof guid, &wsa_recvmsg, sizeof wsa_recvmsg,
                     &bytes, NULL, NULL);
    closesocket(s);
    if (r == SOCKET_ERROR) wsa_recvmsg = NULL; /* recvMsg then answers s4j_unsupported() */
    return 0;
}

#define S4J_CMSG_ROOM 1024

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    WSABUF bufs[S4J_IOV_MAX];
    WSAMSG m;
    s4j_sockaddr sa;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM];
    } cbuf;
    int32_t r = s4j_msghdr_prepare(&m, bufs, iov, iovcnt, to, 0, &sa);
    if (r == 0) r = s4j_msghdr_send_control(&m, control, control_len, cbuf.bytes, sizeof cbuf.bytes);
    if (r < 0) return r;
    DWORD sent = 0;
    if (WSASendMsg(s4j_socket(h), &m, (DWORD)flags, &sent, NULL, NULL) == SOCKET_ERROR) {
        return s4j_windows_io_error(s4j_socket(h), SO_SNDTIMEO);
    }
    return (int32_t)sent;
}

/* Winsock passes no descriptors: nothing a control message holds stays open. */
int s4j_control_release(int level, int type, const unsigned char *data, int32_t len) {
    (void)level, (void)type, (void)data, (void)len;
    return 0;
}

int32_t s4j_socket_recvmsg(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, s4j_address *from, void *control,
                           int32_t *control_len, int32_t *out_flags, int flags) {
    if (wsa_recvmsg == NULL) return s4j_unsupported();
    WSABUF bufs[S4J_IOV_MAX];
    WSAMSG m;
    s4j_sockaddr sa;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM * 4];
    } cbuf;
    int32_t r = s4j_msghdr_prepare(&m, bufs, iov, iovcnt, NULL, 1, &sa);
    if (r < 0) return r;
    int32_t room = control_len != NULL ? *control_len : 0;
    s4j_msghdr_receive_control(&m, room, cbuf.bytes, sizeof cbuf.bytes);
    m.dwFlags = (DWORD)flags;
    DWORD got = 0;
    int32_t out = 0;
    if (wsa_recvmsg(s4j_socket(h), &m, &got, NULL, NULL) == SOCKET_ERROR) {
        /* A datagram longer than the buffers: Winsock fills them and fails; POSIX returns what fitted. */
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_windows_io_error(s4j_socket(h), SO_RCVTIMEO);
        out |= S4J_MSG_OUT_TRUNC;
    }
    if (m.dwFlags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (m.dwFlags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
    r = s4j_msghdr_received(&m, &sa, from, control, room, control_len, &out);
    *out_flags = out;
    return r < 0 ? r : (int32_t)got;
}

/* Stream sockets too: WSASend and WSARecv take a WSABUF array on any socket (see message.h). */
int32_t s4j_socket_sendv(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, int flags) {
    WSABUF bufs[S4J_IOV_MAX];
    WSAMSG m;
    s4j_sockaddr sa;
    int32_t r = s4j_msghdr_prepare(&m, bufs, iov, iovcnt, NULL, 0, &sa);
    if (r < 0) return r;
    DWORD sent = 0;
    if (WSASend(s4j_socket(h), bufs, (DWORD)iovcnt, &sent, (DWORD)flags, NULL, NULL) == SOCKET_ERROR) {
        return s4j_windows_io_error(s4j_socket(h), SO_SNDTIMEO);
    }
    return (int32_t)sent;
}

int32_t s4j_socket_recvv(s4j_handle h, s4j_iovec *iov, int32_t iovcnt, int flags) {
    WSABUF bufs[S4J_IOV_MAX];
    WSAMSG m;
    s4j_sockaddr sa;
    int32_t r = s4j_msghdr_prepare(&m, bufs, iov, iovcnt, NULL, 0, &sa);
    if (r < 0) return r;
    DWORD got = 0;
    DWORD in_out = (DWORD)flags;
    if (WSARecv(s4j_socket(h), bufs, (DWORD)iovcnt, &got, &in_out, NULL, NULL) == SOCKET_ERROR) {
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_windows_io_error(s4j_socket(h), SO_RCVTIMEO);
        /* A datagram longer than the buffers: Winsock fills them and fails; POSIX returns what fitted. */
        int64_t room = 0;
        for (int32_t i = 0; i < iovcnt; i++) room += iov[i].length;
        return room > INT32_MAX ? INT32_MAX : (int32_t)room;
    }
    return (int32_t)got;
}

/* core/batch.c's primitives: Winsock has no sendmmsg/recvmmsg, so a batch goes datagram by datagram. */
int32_t s4j_os_send_one(s4j_handle h, s4j_os_msghdr *m, int flags) {
    DWORD sent = 0;
    if (WSASendMsg(s4j_socket(h), m, (DWORD)flags, &sent, NULL, NULL) == SOCKET_ERROR) {
        return s4j_windows_io_error(s4j_socket(h), SO_SNDTIMEO);
    }
    return (int32_t)sent;
}

/*
 * Winsock has no MSG_DONTWAIT and cannot be asked a socket's mode: a datagram after
 * the first is taken only when a zero-timeout poll says one is queued.
 */
int32_t s4j_os_recv_one(s4j_handle h, s4j_os_msghdr *m, int flags, int wait, int32_t *out_flags) {
    if (wsa_recvmsg == NULL) return s4j_unsupported();
    SOCKET s = s4j_socket(h);
    if (!wait) {
        WSAPOLLFD p = {.fd = s, .events = POLLRDNORM, .revents = 0};
        int ready = WSAPoll(&p, 1, 0);
        if (ready == SOCKET_ERROR) return s4j_last_error();
        if (ready == 0 || (p.revents & POLLRDNORM) == 0) return s4j_error(S4J_EAGAIN, WSAEWOULDBLOCK);
    }
    m->dwFlags = (DWORD)flags;
    DWORD got = 0;
    int32_t out = 0;
    if (wsa_recvmsg(s, m, &got, NULL, NULL) == SOCKET_ERROR) {
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_windows_io_error(s, SO_RCVTIMEO);
        /* The buffers were filled, but a failed call's count is not to be relied on (Wine leaves 0). */
        got = 0;
        for (DWORD i = 0; i < m->dwBufferCount; i++) got += m->lpBuffers[i].len;
        out |= S4J_MSG_OUT_TRUNC;
    }
    if (m->dwFlags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (m->dwFlags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
    *out_flags = out;
    return (int32_t)got;
}
