/*
 * message.h's records <-> the OS's control messages (cmsghdr, WSACMSGHDR), once
 * for every backend: the layouts come from the backend's platform_net.h, and
 * neither direction makes an OS call, so a test can feed either hand-built bytes.
 */
#ifndef SOCKETS4J_CORE_CMSG_H
#define SOCKETS4J_CORE_CMSG_H

#include <stddef.h>
#include <stdint.h>

/*
 * The records of control (control_len bytes) -> the OS's control block at block
 * (room bytes, aligned for a header), *block_len set to the bytes used. Returns 0,
 * or a negative s4j_error: EINVAL for malformed records or a known kind too short,
 * ENOBUFS when the block is full, ENOSYS for a kind this OS cannot send.
 */
int32_t s4j_records_to_control(const void *control, int32_t control_len, void *block, size_t room,
                               size_t *block_len);

/*
 * The control block that recvmsg filled (block_len bytes of the OS's headers)
 * -> records appended at *used. Returns S4J_MSG_OUT_CTRUNC when it had to stop
 * (no room, or a header whose length is not CMSG_LEN(0) <= cmsg_len <= the bytes
 * that remain), else 0. What s4j_control_release takes is released even then.
 */
int32_t s4j_control_to_records(const void *block, size_t block_len, void *out, int32_t room, int32_t *used);

/*
 * Backend: releases what a received control message holds open in this process
 * (POSIX: closes SCM_RIGHTS descriptors, which the API has no type to hand over
 * yet). 1 when it was such a message, which then becomes no record; else 0.
 */
int s4j_control_release(int level, int type, const unsigned char *data, int32_t len);

#endif
