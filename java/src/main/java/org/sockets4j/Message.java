package org.sockets4j;

import java.net.SocketAddress;
import java.util.List;

/**
 * What {@code recvmsg} took: how much, from whom, the ancillary data, and the
 * flags the kernel set on the message.
 *
 * @param length           the bytes received; with {@link MsgFlag#TRUNC} the datagram's real length
 * @param source           the sender; null when the kernel reported none
 * @param control          the ancillary data, in the order the kernel gave it
 * @param truncated        MSG_TRUNC: the datagram was longer than the buffers
 * @param controlTruncated MSG_CTRUNC: ancillary data was lost for want of control capacity
 */
public record Message(int length, SocketAddress source, List<ControlMessage> control, boolean truncated,
                      boolean controlTruncated) {}
