package org.sockets4j;

import java.net.SocketAddress;

/**
 * One datagram taken by {@code recvFrom}: how long it was, who sent it, and
 * whether it was cut to fit the buffer.
 *
 * @param length    the bytes received; with {@link MsgFlag#TRUNC} the datagram's
 *                  real length, which may exceed what fitted in the buffer;
 *                  {@link Socket#EOF} at the end of a stream
 * @param source    the sender; null when the kernel reported none (a connected
 *                  stream socket, or the end of a stream)
 * @param truncated whether the datagram was longer than the buffer, so that its
 *                  tail was discarded ({@code MSG_TRUNC} in recvmsg's flags; on
 *                  Windows, {@code WSAEMSGSIZE})
 */
public record Received(int length, SocketAddress source, boolean truncated) {}
