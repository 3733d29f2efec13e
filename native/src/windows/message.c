/*
 * sendmsg/recvmsg on Winsock: WSASendMsg, and WSARecvMsg, whose address
 * Winsock gives only through SIO_GET_EXTENSION_FUNCTION_POINTER (asked once,
 * when the library loads). core/cmsg.c turns message.h's records into
 * WSACMSGHDRs and back (platform_net.h names Winsock's layouts).
 */
#include "sockets4j/message.h"

#include <string.h>

#include "../core/cmsg.h"
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

/* The scatter/gather list as Winsock's; a negative length is refused, never read as a huge size. */
static int32_t to_wsabufs(const s4j_iovec *iov, int32_t iovcnt, WSABUF *bufs) {
    if (iovcnt < 0 || iovcnt > S4J_IOV_MAX) return s4j_error(S4J_EINVAL, WSAEINVAL);
    for (int32_t i = 0; i < iovcnt; i++) {
        if (iov[i].length < 0) return s4j_error(S4J_EINVAL, WSAEINVAL);
        bufs[i].buf = iov[i].base;
        bufs[i].len = (ULONG)iov[i].length;
    }
    return 0;
}

int32_t s4j_socket_sendmsg(s4j_handle h, const s4j_iovec *iov, int32_t iovcnt, const s4j_address *to,
                           const void *control, int32_t control_len, int flags) {
    WSABUF bufs[S4J_IOV_MAX];
    int32_t r = to_wsabufs(iov, iovcnt, bufs);
    if (r < 0) return r;
    WSAMSG m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    if (to != NULL) {
        r = s4j_address_to_sockaddr(to, &sa);
        if (r < 0) return r;
        m.name = (LPSOCKADDR)sa.u.bytes;
        m.namelen = (INT)sa.len;
    }
    m.lpBuffers = bufs;
    m.dwBufferCount = (ULONG)iovcnt;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM];
    } cbuf;
    size_t used = 0;
    r = s4j_records_to_control(control, control_len, cbuf.bytes, sizeof cbuf.bytes, &used);
    if (r < 0) return r;
    m.Control.buf = used > 0 ? cbuf.bytes : NULL;
    m.Control.len = (ULONG)used;
    DWORD sent = 0;
    if (WSASendMsg(s4j_socket(h), &m, (DWORD)flags, &sent, NULL, NULL) == SOCKET_ERROR) return s4j_last_error();
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
    int32_t r = to_wsabufs(iov, iovcnt, bufs);
    if (r < 0) return r;
    WSAMSG m;
    memset(&m, 0, sizeof m);
    s4j_sockaddr sa;
    memset(&sa, 0, sizeof sa);
    m.name = (LPSOCKADDR)sa.u.bytes;
    m.namelen = (INT)sizeof sa.u.bytes;
    m.lpBuffers = bufs;
    m.dwBufferCount = (ULONG)iovcnt;
    union {
        WSACMSGHDR align;
        char bytes[S4J_CMSG_ROOM * 4];
    } cbuf;
    int32_t room = control_len != NULL ? *control_len : 0;
    if (room > 0) {
        size_t want = (size_t)room * 2;
        m.Control.buf = cbuf.bytes;
        m.Control.len = (ULONG)(want < sizeof cbuf.bytes ? want : sizeof cbuf.bytes);
    }
    m.dwFlags = (DWORD)flags;
    DWORD got = 0;
    int32_t out = 0;
    if (wsa_recvmsg(s4j_socket(h), &m, &got, NULL, NULL) == SOCKET_ERROR) {
        /* A datagram longer than the buffers: Winsock fills them and fails; POSIX returns what fitted. */
        if (WSAGetLastError() != WSAEMSGSIZE) return s4j_last_error();
        out |= S4J_MSG_OUT_TRUNC;
    }
    if (m.dwFlags & MSG_TRUNC) out |= S4J_MSG_OUT_TRUNC;
    if (m.dwFlags & MSG_CTRUNC) out |= S4J_MSG_OUT_CTRUNC;
    int32_t used = 0;
    if (room > 0 && m.Control.len > 0) out |= s4j_control_to_records(m.Control.buf, m.Control.len, control, room, &used);
    if (control_len != NULL) *control_len = used;
    *out_flags = out;
    if (from != NULL) {
        sa.len = (uint32_t)m.namelen;
        r = s4j_address_from_sockaddr(&sa, from);
        if (r < 0) return r;
    }
    return (int32_t)got;
}
