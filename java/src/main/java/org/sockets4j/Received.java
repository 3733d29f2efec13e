package org.sockets4j;

import java.net.SocketAddress;

/**
 * One datagram taken by {@code recvFrom}: how long it was and who sent it.
 *
 * @param length the bytes received; with {@link MsgFlag#TRUNC} the datagram's
 *               real length, which may exceed what fitted in the buffer
 * @param source the sender; null when the kernel reported none (a connected
 *               stream socket)
 */
public record Received(int length, SocketAddress source) {}
