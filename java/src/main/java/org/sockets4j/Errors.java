package org.sockets4j;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import org.sockets4j.internal.NativeErrors;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * The one place a failed native result becomes a Java exception: the JDK's own
 * type where one fits the error (a bind, connect, routing or timeout failure),
 * always carrying the operation,
 * the portable name and the native number.
 */
final class Errors {

    private Errors() {}

    /** Calls whose wait SO_RCVTIMEO bounds, and those SO_SNDTIMEO bounds. */
    private static final Set<String> RECEIVES = Set.of("recv", "recvfrom", "recvmsg", "readv", "accept");
    private static final Set<String> SENDS = Set.of("send", "sendto", "sendmsg", "writev");

    /**
     * The failure of a call on {@code socket}, in the socket's terms: on a datagram socket, ECONNREFUSED is an
     * ICMP port unreachable that the peer sent for an earlier datagram, and names that peer; a blocking call
     * that ran out of time names the timeout option that ended it.
     *
     * @param detail what it was called on, e.g. the remote address; may be null
     * @param result the negative result of the native call
     */
    static IOException failure(String operation, Object detail, long result, Socket socket) {
        Errno errno = Errno.of(NativeErrors.portable(result));
        int nativeCode = NativeErrors.nativeCode(result);
        if (errno == Errno.ECONNREFUSED && socket.type() == Type.DGRAM) {
            Object peer = peer(socket, detail);
            return new ErrnoPortUnreachableException(new NativeFailure(operation, errno, nativeCode), operation + ": "
                    + (peer == null ? "a peer" : peer) + " reported ICMP port unreachable for an earlier datagram: "
                    + errno.description() + " (" + errno.name() + ")");
        }
        // every backend says EAGAIN for a blocking call whose SO_RCVTIMEO or SO_SNDTIMEO ran out, as POSIX does
        SockOpt<Duration> timeout = errno != Errno.EAGAIN ? null
                : RECEIVES.contains(operation) ? SocketOptions.SO_RCVTIMEO
                : SENDS.contains(operation) ? SocketOptions.SO_SNDTIMEO : null;
        Duration limit = timeout == null ? Duration.ZERO : read(socket, timeout);
        if (!limit.isZero()) { // only a timeout that is set can have run out
            return new ErrnoSocketTimeoutException(new NativeFailure(operation, errno, nativeCode), operation + ": the "
                    + (timeout == SocketOptions.SO_RCVTIMEO ? "receive" : "send") + " timeout (" + timeout + " "
                    + limit + ") expired (" + errno.name() + ")");
        }
        return failure(operation, detail, result, socket.type());
    }

    /** The connected peer, else the call's own target; null when neither is known. */
    private static Object peer(Socket socket, Object detail) {
        try {
            SocketAddress connected = socket.remoteAddress();
            if (connected != null) return connected;
        } catch (IOException | RuntimeException e) {
            // closed meanwhile: the target, if the call had one, is all there is to say
        }
        return detail instanceof SocketAddress ? detail : null;
    }

    /** The timeout's value, or zero when it cannot be read (closed meanwhile, or the platform lacks it). */
    private static Duration read(Socket socket, SockOpt<Duration> timeout) {
        try {
            return socket.getOption(timeout);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /**
     * @param operation the call, e.g. {@code connect}
     * @param detail    what it was called on, e.g. the remote address; may be null
     * @param result    the negative result of the native call
     * @param type      the socket's type: ECONNREFUSED on a datagram socket is a port unreachable
     * @throws UnsupportedOperationException for {@link Errno#ENOSYS}: the platform has no such call
     */
    static IOException failure(String operation, Object detail, long result, Type type) {
        return failure(operation, detail, result, type, operation);
    }

    /**
     * As {@link #failure(String, Object, long, Type)}, naming in {@code feature} what an
     * {@link Errno#ENOSYS} reports as unsupported (the backends answer it where the
     * platform has no such call, errors.h's s4j_unsupported).
     */
    static IOException failure(String operation, Object detail, long result, Type type, String feature) {
        Errno errno = Errno.of(NativeErrors.portable(result));
        if (errno == Errno.ENOSYS) throw Unsupported.feature(feature);
        NativeFailure failure = new NativeFailure(operation, errno, NativeErrors.nativeCode(result));
        String what = detail == null ? null : detail.toString();
        return switch (errno) {
            case EADDRINUSE, EADDRNOTAVAIL -> new ErrnoBindException(failure, what);
            case EACCES -> operation.equals("bind")
                    ? new ErrnoBindException(failure, what)
                    : new ErrnoException(failure, what);
            case ECONNREFUSED -> type == Type.DGRAM
                    ? new ErrnoPortUnreachableException(failure, failure.message(what))
                    : new ErrnoConnectException(failure, what);
            case ETIMEDOUT, EAGAIN -> new ErrnoSocketTimeoutException(failure, failure.message(what));
            case EHOSTUNREACH, ENETUNREACH -> new ErrnoNoRouteToHostException(failure, what);
            case EBADF -> new SocketClosedException(operation, false);
            default -> new ErrnoException(failure, what);
        };
    }
}
