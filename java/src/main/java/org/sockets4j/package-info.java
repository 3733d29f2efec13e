/**
 * The Berkeley sockets API, one Java method per C call, over a small native
 * library loaded through JNI.
 *
 * <p>{@link org.sockets4j.Socket} is the socket: {@code socket()}, {@code bind()},
 * {@code listen()}, {@code accept()}, {@code connect()}, the send and receive
 * calls with their {@link org.sockets4j.MsgFlag flags}, {@code sendmsg()} and
 * {@code recvmsg()} with {@link org.sockets4j.ControlMessage ancillary data},
 * {@code shutdown()}, and the descriptor controls of {@link org.sockets4j.IoControl}.
 * The C constants it takes ({@link org.sockets4j.Family}, {@link org.sockets4j.Type},
 * {@link org.sockets4j.Protocol}, ...) carry their C names; their numbers are the
 * running platform's own, asked of the native library, and each answers
 * {@code isSupported()} for this platform.
 *
 * <p>A failed call throws an {@link java.io.IOException} that implements
 * {@link org.sockets4j.NativeError}: the JDK's own type where one fits
 * ({@link java.net.BindException}, {@link java.net.ConnectException}, ...), with the
 * portable {@link org.sockets4j.Errno} and the OS's number. What the platform cannot
 * do throws {@link java.lang.UnsupportedOperationException} naming the feature and
 * the platform. A call that another thread's {@code close()} interrupts throws
 * {@link org.sockets4j.SocketClosedException}.
 */
package org.sockets4j;
