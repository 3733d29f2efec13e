package org.sockets4j;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;
import org.sockets4j.internal.NativeControl;
import org.sockets4j.internal.NativeErrors;
import org.sockets4j.internal.NativeMemory;
import org.sockets4j.internal.NativeMessage;
import org.sockets4j.internal.NativeOption;
import org.sockets4j.internal.NativeSocket;
import org.sockets4j.internal.OptionFailure;
import org.sockets4j.internal.Scratch;
import org.sockets4j.internal.VirtualThreads;
import org.sockets4j.option.Access;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * A socket: the Berkeley sockets calls on one descriptor, one Java method per call.
 *
 * <pre>{@code
 * try (Socket server = Socket.open(Family.INET6, Type.STREAM)) {
 *     server.bind(new InetSocketAddress("::1", 0));
 *     server.listen(16);
 *     try (Accepted client = server.accept()) {
 *         byte[] buf = new byte[4096];
 *         int n = client.socket().recv(buf, 0, buf.length);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p><b>Results.</b> {@code recv} returns the bytes received, {@link #EOF} at the
 * end of a stream, and {@link #WOULD_BLOCK} when the socket is non-blocking (or
 * {@link MsgFlag#DONTWAIT} was passed) and nothing is ready; {@code send} returns
 * the bytes sent or {@link #WOULD_BLOCK}; {@code accept} and {@code recvFrom}
 * return null for would-block; a non-blocking {@code connect} returns false
 * while under way. A blocking call whose receive or send timeout ran out throws
 * {@link java.net.SocketTimeoutException}. Every other failure throws an
 * {@link IOException} that implements {@link NativeError}.
 *
 * <p><b>Threads and closing.</b> All methods may be called from any thread.
 * {@link #close()} from another thread wakes calls blocked in this socket; they
 * throw {@link SocketClosedException}. A closed socket's descriptor number is
 * never reused while a call can still reach it. A socket that becomes
 * unreachable without being closed is closed by a {@link Cleaner}.
 *
 * <p><b>Virtual threads.</b> A blocking call made by a virtual thread never blocks
 * its carrier: the socket is made non-blocking in the kernel (the mode this class
 * reports stays blocking) and the thread parks on the library's internal
 * {@link Poller} until the socket is ready, then retries. The same holds for every
 * call with a {@link Duration} timeout, and, once a socket has parked, for its
 * later blocking calls on any thread. A platform thread on a socket that has
 * never parked blocks in the kernel. On both ways {@code SO_RCVTIMEO} and
 * {@code SO_SNDTIMEO} bound the wait (a call's own timeout replaces them), a
 * blocking stream send returns once all is sent, and a stream
 * {@link MsgFlag#WAITALL} receive once all arrived. Two exceptions on the parking
 * way: {@link #recvMsg(ByteBuffer[], int, MsgFlag...) recvMsg} with {@code WAITALL},
 * and a receive with {@link MsgFlag#PEEK} and {@code WAITALL}, return what is
 * queued once something is (a peek cannot see the end of the stream behind bytes
 * it leaves in place).
 *
 * <p><b>Interrupts.</b> As with the JDK's interruptible channels,
 * {@link Thread#interrupt()} of a thread in a blocking call ({@code accept},
 * {@code connect}, {@code send}..., {@code recv}...) closes the socket, and the call
 * throws {@link java.nio.channels.ClosedByInterruptException}; the thread keeps its
 * interrupt status. A thread whose interrupt status is set when it starts a
 * blocking call closes the socket the same way. Non-blocking calls, and calls with
 * {@link MsgFlag#DONTWAIT}, ignore interrupts.
 *
 * <p><b>Timeouts.</b> The {@code Duration} overloads of {@code accept},
 * {@code connect}, {@code recv}, {@code recvFrom}, {@code recvMsg}, {@code send}
 * and {@code sendTo} wait at most that long, in either blocking mode, and then throw
 * {@link java.net.SocketTimeoutException} ({@link Errno#ETIMEDOUT}); the socket and
 * its options are unchanged, so the next call may wait again (except after a timed-out
 * {@code connect}, whose connection is left half made: close that socket).
 *
 * <p><b>Buffers.</b> Direct {@link ByteBuffer}s reach the kernel without a copy;
 * arrays and heap buffers pass through a per-thread native buffer.
 */
public final class Socket implements AutoCloseable {

    /** {@code recv} result at the end of a stream: the peer shut down its sending side. */
    public static final int EOF = -1;

    /** I/O result of a non-blocking call that found nothing ready ({@code EAGAIN}/{@code EWOULDBLOCK}). */
    public static final int WOULD_BLOCK = -2;

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread t = new Thread(runnable, "sockets4j-cleaner");
        t.setDaemon(true);
        return t;
    });

    private static final int DONTWAIT = MsgFlag.DONTWAIT.nativeValue().orElse(0);
    private static final int WAITALL = MsgFlag.WAITALL.nativeValue().orElse(0);
    private static final int PEEK_WAITALL = MsgFlag.PEEK.nativeValue().isPresent() && WAITALL != 0
            ? MsgFlag.PEEK.nativeValue().getAsInt() | WAITALL : -1;
    private static final int TRUNC = MsgFlag.TRUNC.nativeValue().orElse(0);
    private static final MsgFlag[] NO_FLAGS = {};

    static {
        // What the blocking paths reach, loaded and initialized with this class: the first virtual threads to
        // block would otherwise load it themselves, and a virtual thread loading a class pins its carrier.
        for (Class<?> c : new Class<?>[] {Scratch.class, SocketOptions.class, Waits.class, Parker.class, Blocker.class,
                VirtualThreads.class, LockSupport.class, Poller.class, Poller.Registration.class, Poller.Events.class,
                Poller.Trigger.class, SocketClosedException.class, ErrnoSocketTimeoutException.class}) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final Family family;
    private final Type type;
    private final Protocol protocol;
    private volatile boolean blocking = true;
    /** The kernel's view: false once a call parked (see {@link #io}), and then for good. */
    private volatile boolean kernelBlocking = true;
    /**
     * SO_RCVTIMEO and SO_SNDTIMEO in nanoseconds as last set through {@link #setOption} (0: none), or -1 when
     * not known here: a parked wait needs them every time, and a getsockopt each time would cost it a syscall.
     */
    private volatile long receiveTimeout;
    private volatile long sendTimeout;
    /** Whether a call has parked: from then on the kernel keeps the socket non-blocking. */
    private volatile boolean parking;
    private volatile Blocker blocker;
    private volatile Waits waits;
    /** Guards the blocking mode's changes, and the lazy creation of {@link #blocker} and {@link #waits}. */
    private final Object mode = new Object();

    private Socket(long fd, Family family, Type type, Protocol protocol) {
        this.handle = new Handle(fd);
        this.cleanable = CLEANER.register(this, handle);
        this.family = family;
        this.type = type;
        this.protocol = protocol;
    }

    // ---- creation ---------------------------------------------------------------------------------------------

    /**
     * {@code socket(family, type, 0)}: a socket with the type's default protocol.
     *
     * @param family the address family
     * @param type   the socket type
     * @return the new socket, in blocking mode
     * @throws UnsupportedOperationException if the platform lacks the family or type
     * @throws IOException                   if the kernel refuses, e.g. {@link Errno#EACCES} for a raw socket
     */
    public static Socket open(Family family, Type type) throws IOException {
        return open(family, type, Protocol.DEFAULT);
    }

    /**
     * {@code socket(family, type, protocol)}.
     *
     * @param family   the address family
     * @param type     the socket type
     * @param protocol the protocol; {@link Protocol#DEFAULT} for the type's default
     * @return the new socket, in blocking mode
     * @throws UnsupportedOperationException if the platform lacks the family, type or protocol
     * @throws IOException                   if the kernel refuses ({@link Errno#EPROTONOSUPPORT}, {@link Errno#EACCES}, ...)
     */
    public static Socket open(Family family, Type type, Protocol protocol) throws IOException {
        int f = Args.notNull(family, "family").requireNative();
        int t = Args.notNull(type, "type").requireNative();
        int p = Args.notNull(protocol, "protocol").requireNative();
        long r = NativeSocket.open(f, t, p);
        if (r < 0) throw Errors.failure("socket", family + " " + type + " " + protocol, r, type);
        return new Socket(r, family, type, protocol);
    }

    /**
     * {@code socketpair(family, type, 0)}: two sockets connected to each other.
     * {@link Family#UNIX} uses the OS's own socketpair() where it has one;
     * {@link Family#INET} and {@link Family#INET6} (and UNIX on Windows, which has
     * no socketpair() and only stream Unix sockets) are made over loopback, with
     * the accepted end checked to be the connecting one. Stream and datagram types.
     *
     * @param family the address family
     * @param type   the socket type
     * @return the two sockets, connected to each other
     * @throws IOException for a combination the platform cannot make, e.g. {@link Errno#EOPNOTSUPP}
     */
    public static SocketPair pair(Family family, Type type) throws IOException {
        return pair(family, type, Protocol.DEFAULT);
    }

    /**
     * {@code socketpair(family, type, protocol)}; see {@link #pair(Family, Type)}.
     *
     * @param family   the address family
     * @param type     the socket type
     * @param protocol the protocol; {@link Protocol#DEFAULT} for the type's default
     * @return the two sockets, connected to each other
     * @throws IOException for a combination the platform cannot make
     */
    public static SocketPair pair(Family family, Type type, Protocol protocol) throws IOException {
        int f = Args.notNull(family, "family").requireNative();
        int t = Args.notNull(type, "type").requireNative();
        int p = Args.notNull(protocol, "protocol").requireNative();
        long[] handles = new long[2];
        int r = NativeSocket.pair(f, t, p, handles);
        if (r < 0) throw Errors.failure("socketpair", family + " " + type + " " + protocol, r, type);
        return new SocketPair(new Socket(handles[0], family, type, protocol),
                new Socket(handles[1], family, type, protocol));
    }

    /**
     * The address family this socket was opened with.
     *
     * @return the family
     */
    public Family family() {
        return family;
    }

    /**
     * The socket type this socket was opened with.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * The protocol this socket was opened with ({@link Protocol#DEFAULT} when none was named).
     *
     * @return the protocol
     */
    public Protocol protocol() {
        return protocol;
    }

    // ---- addresses and connections -------------------------------------------------------------------------------

    /**
     * {@code bind()}: assigns the local address.
     *
     * @param local an {@link java.net.InetSocketAddress} on INET/INET6 sockets (an IPv4 address on an INET6
     *              socket binds its IPv4-mapped form), a {@link java.net.UnixDomainSocketAddress} or (Linux) an
     *              {@link AbstractUnixAddress} on UNIX sockets
     * @throws java.net.BindException if the address is in use ({@link Errno#EADDRINUSE}), not local, or privileged
     */
    public void bind(SocketAddress local) throws IOException {
        Scratch scratch = Scratch.get();
        AddressCodec.write(local, family, "local", scratch.in());
        long address = scratch.inAddress();
        call("bind", local, fd -> NativeSocket.bind(fd, address));
    }

    /**
     * {@code listen()}: makes the socket passive, queueing up to about {@code backlog}
     * completed connections (the kernel may round or cap it).
     *
     * @param backlog how many completed connections may wait for {@link #accept()}
     * @throws IllegalArgumentException if backlog is negative
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void listen(int backlog) throws IOException {
        if (backlog < 0) throw new IllegalArgumentException("backlog must be >= 0: " + backlog);
        call("listen", "backlog " + backlog, fd -> NativeSocket.listen(fd, backlog));
    }

    /**
     * {@code accept()}: the next completed connection. The new socket is blocking,
     * whatever this socket's mode, and has this socket's family, type and protocol.
     *
     * @return the connection and its peer, or null when this socket is non-blocking and none is pending
     * @throws SocketClosedException if the socket is closed, also by another thread while waiting
     */
    public Accepted accept() throws IOException {
        return accept(0L);
    }

    /**
     * {@code accept()} that waits at most {@code timeout} for a connection, in either blocking mode.
     *
     * @param timeout how long to wait, at most
     * @return the connection and its peer
     * @throws java.net.SocketTimeoutException if none came in time; the socket and its options are unchanged
     * @throws IllegalArgumentException        if the timeout is not positive
     * @throws SocketClosedException           if the socket is closed, also by another thread while waiting
     */
    public Accepted accept(Duration timeout) throws IOException {
        return accept(Args.timeoutNanos(timeout, "timeout"));
    }

    private Accepted accept(long timeout) throws IOException {
        Scratch scratch = Scratch.get();
        long r = io("accept", ACCEPT, null, 0, 0, 0, scratch.outAddress(), 0L, NOTHING_KEPT, Poller.READ, timeout);
        if (r < 0) {
            if (wouldBlock(r, 0)) return null;
            throw failure("accept", null, r);
        }
        SocketAddress peer = AddressCodec.read(scratch.out());
        Socket accepted = new Socket(r, family, type, protocol);
        // accept() hands the listener's timeouts down (Linux, BSD and Winsock alike)
        accepted.receiveTimeout = receiveTimeout;
        accepted.sendTimeout = sendTimeout;
        return new Accepted(accepted, peer);
    }

    /**
     * {@code connect()}. On a blocking socket, returns once connected. On a
     * non-blocking stream socket, returns false while the connection is under way:
     * wait for the socket to become writable, then call {@link #finishConnect()}.
     * On a datagram socket, sets the default peer and the only source accepted.
     *
     * @param remote the peer's address
     * @return true when connected, false when a non-blocking connection is under way
     * @throws java.net.ConnectException       if the peer refused ({@link Errno#ECONNREFUSED})
     * @throws java.net.NoRouteToHostException if there is no route ({@link Errno#EHOSTUNREACH}, {@link Errno#ENETUNREACH})
     * @throws java.net.SocketTimeoutException  if the kernel gave up ({@link Errno#ETIMEDOUT})
     */
    public boolean connect(SocketAddress remote) throws IOException {
        Scratch scratch = Scratch.get();
        AddressCodec.write(remote, family, "remote", scratch.in());
        long address = scratch.inAddress();
        if (!blocking) {
            int r = attempt("connect", fd -> NativeSocket.connect(fd, address));
            if (r >= 0) return true;
            if (NativeErrors.portable(r) == Errno.EINPROGRESS.code()) return false;
            throw failure("connect", remote, r);
        }
        connect(remote, address, 0L);
        return true;
    }

    /**
     * {@code connect()} that gives up after {@code timeout}, done the classic way
     * (non-blocking connect, then a wait for writability). The socket's
     * blocking mode is the same afterwards. After a timeout the socket's state is
     * unspecified: close it.
     *
     * @param remote  the peer's address
     * @param timeout how long to wait, at most
     * @throws java.net.SocketTimeoutException if the timeout ran out ({@link Errno#ETIMEDOUT})
     * @throws IllegalArgumentException        if the timeout is not positive or exceeds {@code Integer.MAX_VALUE} ms
     */
    public void connect(SocketAddress remote, Duration timeout) throws IOException {
        long nanos = Args.timeoutNanos(timeout, "timeout");
        Scratch scratch = Scratch.get();
        AddressCodec.write(remote, family, "remote", scratch.in());
        connect(remote, scratch.inAddress(), nanos);
    }

    /**
     * A connect that waits: in the kernel (a platform thread on a blocking socket, without a timeout), or by
     * starting it non-blocking and parking until the socket is writable, then reading the outcome
     * ({@code SO_ERROR}). {@code SO_SNDTIMEO} bounds the parked wait as it bounds the kernel's on Linux.
     */
    private void connect(SocketAddress remote, long address, long timeout) throws IOException {
        boolean park = parks(0, timeout);
        Blocker b = blocker();
        b.enter();
        try {
            if (!park) {
                int r = attempt("connect", fd -> NativeSocket.connect(fd, address));
                if (r >= 0) return;
                // switched to parking under this call (a non-blocking connect's answer): go on that way
                if (!parking || !inProgress(r)) throw failure("connect", remote, r);
            } else {
                switchKernelNonBlocking("connect");
            }
            long deadline = timeout == 0 ? 0L : deadlineOf(timeout);
            long until = timeout != 0 ? deadline : optionDeadline(Poller.WRITE); // a call's own timeout alone
            long backoff = 1_000_000L;
            int r = attempt("connect", fd -> NativeSocket.connect(fd, address));
            for (;;) {
                if (r >= 0) return;
                boolean again = NativeErrors.portable(r) == Errno.EAGAIN.code();
                if (!again && !inProgress(r)) throw failure("connect", remote, r);
                if (until != 0 && System.nanoTime() - until >= 0) {
                    NativeFailure failure = new NativeFailure("connect", Errno.ETIMEDOUT, 0);
                    String detail = remote + " within " + millisOf(until == deadline ? timeout
                            : getOption(SocketOptions.SO_SNDTIMEO).toNanos()) + " ms";
                    throw new ErrnoSocketTimeoutException(failure, failure.message(detail));
                }
                if (again) {
                    // A Unix listener's full backlog: Linux says EAGAIN and keeps no connect under way, and the
                    // socket reads as writable, so there is nothing to wait for but time. Try again, backing off.
                    long nap = until == 0 ? backoff : Math.min(backoff, until - System.nanoTime());
                    LockSupport.parkNanos(this, Math.max(1, nap));
                    if (handle.isClosed()) throw new SocketClosedException("connect", true);
                    backoff = Math.min(backoff * 2, CONNECT_SLICE);
                    r = attempt("connect", fd -> NativeSocket.connect(fd, address));
                    continue;
                }
                // Some WSAPoll never report a refused connect: look again at least every CONNECT_SLICE.
                long slice = System.nanoTime() + CONNECT_SLICE;
                awaitReady("connect", Poller.WRITE, until == 0 ? slice : earliest(until, slice));
                int done = attempt("connect", NativeSocket::finishConnect);
                if (done == 1) return;
                r = done < 0 ? done : inProgressCode();
            }
        } finally {
            b.leave();
        }
    }

    private static boolean inProgress(int r) {
        int code = NativeErrors.portable(r);
        return code == Errno.EINPROGRESS.code() || code == Errno.EALREADY.code();
    }

    /** A packed EINPROGRESS, for a connect still under way. */
    private static int inProgressCode() {
        return -Errno.EINPROGRESS.code();
    }

    /** The longest a parked connect waits before it asks the socket again. */
    private static final long CONNECT_SLICE = 100_000_000L;

    /**
     * Completes a non-blocking {@link #connect(SocketAddress)}: reads the pending
     * error ({@code SO_ERROR}) once the socket is writable.
     *
     * @return true when connected, false while still under way
     * @throws IOException the connection's failure, e.g. {@link java.net.ConnectException}
     */
    public boolean finishConnect() throws IOException {
        return call("connect", null, NativeSocket::finishConnect) == 1;
    }

    /**
     * {@code getsockname()}: the local address; for an unbound INET socket the wildcard with port 0.
     *
     * @return the local address
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public SocketAddress localAddress() throws IOException {
        return name("getsockname", false);
    }

    /**
     * {@code getpeername()}: the connected peer's address, or null when not connected.
     *
     * @return the peer's address, or null when not connected
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public SocketAddress remoteAddress() throws IOException {
        return name("getpeername", true);
    }

    private SocketAddress name(String operation, boolean remote) throws IOException {
        Scratch scratch = Scratch.get();
        long address = scratch.outAddress();
        int r = attempt(operation, remote ? fd -> NativeSocket.remoteAddress(fd, address)
                : fd -> NativeSocket.localAddress(fd, address));
        if (r < 0) {
            if (remote && NativeErrors.portable(r) == Errno.ENOTCONN.code()) return null;
            throw failure(operation, null, r);
        }
        return AddressCodec.read(scratch.out());
    }

    /**
     * {@code shutdown()}: closes one or both directions of the connection; the descriptor stays open.
     *
     * @param how which direction or directions to shut down
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void shutdown(Shutdown how) throws IOException {
        int h = Args.notNull(how, "how").requireNative();
        call("shutdown", how, fd -> NativeSocket.shutdown(fd, h));
    }

    // ---- options -----------------------------------------------------------------------------------------------

    /**
     * {@code setsockopt()} of a typed option from {@link org.sockets4j.option.SocketOptions}; the value
     * is checked against the option's rule before any native call.
     *
     * @param <T>    the option's value type
     * @param option the option
     * @param value  its new value
     * @throws UnsupportedOperationException if the platform lacks the option, or it is read only (on this platform)
     * @throws IllegalArgumentException      if the value is outside the option's rule (the message names both)
     * @throws IOException                   if the kernel refuses, e.g. {@link Errno#ENOPROTOOPT} for an option this
     *                                       socket's protocol does not have
     */
    public <T> void setOption(SockOpt<T> option, T value) throws IOException {
        OptionProbe.requireSet(Args.notNull(option, "option"));
        option.check(value); // the same answer for a bad value on every platform, before asking what it has
        int level = level(option);
        int name = option.nativeName().getAsInt();
        long fd = handle.begin("setsockopt");
        int r = 0;
        boolean closed;
        try {
            option.codec().set(fd, level, name, value, AddressSlots.INSTANCE);
        } catch (OptionFailure e) {
            r = e.result();
        } finally {
            closed = end();
        }
        if (closed) throw new SocketClosedException("setsockopt", true);
        // the message's detail is built only for a failure: a set that succeeds allocates nothing for it
        if (r < 0) throw failure("setsockopt", option + " = " + SockOpt.show(value), r);
        if (option == SocketOptions.SO_RCVTIMEO) receiveTimeout = -1; // the kernel may round it: ask it once
        else if (option == SocketOptions.SO_SNDTIMEO) sendTimeout = -1;
    }

    /**
     * {@code getsockopt()} of a typed option.
     *
     * @param <T>    the option's value type
     * @param option the option
     * @return the option's value
     * @throws UnsupportedOperationException if the platform lacks the option, or it is write only (on this platform)
     * @throws IOException                   if the kernel refuses
     */
    public <T> T getOption(SockOpt<T> option) throws IOException {
        int level = level(Args.notNull(option, "option"));
        int name = option.nativeName().getAsInt();
        OptionProbe.requireGet(option);
        long fd = handle.begin("getsockopt");
        T value = null;
        int r = 0;
        boolean closed;
        try {
            value = option.codec().get(fd, level, name, AddressSlots.INSTANCE);
        } catch (OptionFailure e) {
            r = e.result();
        } finally {
            closed = end();
        }
        if (closed) throw new SocketClosedException("getsockopt", true);
        if (r < 0) throw failure("getsockopt", option, r);
        return value;
    }

    /**
     * {@code getsockopt()} of any option by its numbers, for options the table lacks.
     *
     * @param level the level's number (e.g. from {@code Level.SOCKET.nativeValue()})
     * @param name  the option's number
     * @param value receives the option's bytes
     * @return how many bytes of {@code value} the kernel filled
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int getRawOption(int level, int name, byte[] value) throws IOException {
        Args.notNull(value, "value");
        return call("getsockopt", "level " + level + " name " + name,
                fd -> NativeOption.getBytes(fd, level, name, value));
    }

    /**
     * {@code setsockopt()} of any option by its numbers, with the bytes of its value as the OS expects them.
     *
     * @param level the level's number
     * @param name  the option's number
     * @param value the value's bytes, as the OS expects them
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void setRawOption(int level, int name, byte[] value) throws IOException {
        Args.notNull(value, "value");
        call("setsockopt", "level " + level + " name " + name,
                fd -> NativeOption.setBytes(fd, level, name, value, 0, value.length));
        receiveTimeout = -1; // it may have been one of the timeouts parked waits honour
        sendTimeout = -1;
    }

    /**
     * What the kernel does with {@code option} on this socket, asked without side effects: a getsockopt where
     * the platform reads the option (never for {@code SO_ERROR}, which reading clears), a set of the value just
     * read where setting it back changes nothing (flags, interface indexes, linger, seconds), and for an option
     * the socket cannot read, a setsockopt whose value is too short for the kernel to act on. Where no harmless
     * question exists, the platform's {@link SockOpt#access()} answers. {@link Access#NONE}
     * when this socket does not take the option at all.
     *
     * @param option the option
     * @return how this socket takes the option
     * @throws IOException if the socket is closed ({@link SocketClosedException})
     */
    public Access access(SockOpt<?> option) throws IOException {
        return OptionProbe.access(this, Args.notNull(option, "option"));
    }

    /**
     * Whether this socket takes {@code option} in some way: {@link #access(SockOpt)} is not NONE.
     *
     * @param option the option
     * @return true unless this socket does not take the option at all
     * @throws IOException if the socket is closed ({@link SocketClosedException})
     */
    public boolean supports(SockOpt<?> option) throws IOException {
        return access(option) != Access.NONE;
    }

    /** The option's level on this platform, for this socket's family, once it is known the platform has it. */
    private int level(SockOpt<?> option) {
        OptionalInt level = option.level().nativeValue(family);
        if (level.isEmpty() || !option.isSupported()) throw Unsupported.feature("socket option " + option);
        return level.getAsInt(); // isSupported: the name is there too
    }

    // ---- sendmsg / recvmsg ---------------------------------------------------------------------------------------

    /**
     * {@code sendmsg()}: gathers {@code data}'s remaining bytes into one message, with ancillary
     * data ({@link ControlMessage.PacketInfo#source} to choose the source address and interface,
     * {@link ControlMessage.HopLimit}, {@link ControlMessage.TrafficClass} (not on Windows, whose
     * WSASendMsg takes packet info only), {@link ControlMessage.Raw}).
     * The buffers' positions advance by what was sent, in order.
     *
     * @param data    1 to 64 buffers
     * @param target  the destination, or null on a connected socket
     * @param control ancillary data, possibly empty
     * @param flags   the call's flags, none for 0
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws UnsupportedOperationException where the platform has no sendmsg
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int sendMsg(ByteBuffer[] data, SocketAddress target, List<? extends ControlMessage> control,
                       MsgFlag... flags) throws IOException {
        int count = Gather.check(data, false);
        Args.notNull(control, "control");
        int mask = MsgFlag.mask(flags);
        byte[] records = ControlCodec.encode(control, family);
        long to = 0L;
        if (target != null) {
            AddressCodec.write(target, family, "target", Scratch.get().in());
            to = Scratch.get().inAddress();
        }
        Gather g = new Gather(data, count, true, type == Type.STREAM);
        long address = to;
        LongToIntFunction sendMsg = fd -> NativeMessage.sendMsg(fd, g.direct, g.offsets, g.lengths, count, address,
                records, records.length, mask);
        boolean parked = type == Type.STREAM && parks(mask, 0L); // decided before: the call may switch the socket
        int r = (int) io("sendmsg", PLAIN, sendMsg, 0, 0, 0, 0L, 0L, BYTES_MOVED, Poller.WRITE, 0L);
        if (r >= 0) {
            g.advance(data, r, false);
            // The kernel's blocking sendmsg on a stream sends it all; parked, the rest goes on (control went first).
            if (parked && r < g.total) r += sendRest(data, mask);
            return r;
        }
        if (wouldBlock(r, mask)) return WOULD_BLOCK;
        // e.g. Windows: WSASendMsg takes packet info only
        throw Errors.failure("sendmsg", target, r, type, "sendmsg with " + control);
    }

    /** The rest of a parked stream sendmsg, without ancillary data: what else went, to add to what went first. */
    private int sendRest(ByteBuffer[] data, int mask) throws IOException {
        int more = 0;
        for (;;) {
            int count = Gather.check(data, false);
            Gather g = new Gather(data, count, true, true);
            if (g.total == 0) return more;
            LongToIntFunction sendMsg = fd -> NativeMessage.sendMsg(fd, g.direct, g.offsets, g.lengths, count, 0L,
                    NO_RECORDS, 0, mask);
            int r;
            try {
                r = (int) io("sendmsg", PLAIN, sendMsg, 0, 0, 0, 0L, 0L, BYTES_MOVED, Poller.WRITE, 0L);
            } catch (SocketClosedException e) {
                throw e;
            } catch (IOException e) {
                return more; // as the kernel's send: what went is counted, the error comes with the next call
            }
            if (r <= 0) return more;
            g.advance(data, r, false);
            more += r;
        }
    }

    private static final byte[] NO_RECORDS = {};

    /**
     * {@code recvmsg()}: scatters one message into {@code data}'s remaining space, with up to
     * {@code controlCapacity} bytes of ancillary data (turn it on with options such as
     * {@code IP_PKTINFO}, {@code IP_RECVTTL}, {@code IPV6_RECVPKTINFO}). The buffers' positions
     * advance by what was stored, in order. Descriptors a peer passes with {@code SCM_RIGHTS}
     * are closed as they arrive and do not appear in the control list, so none leaks until
     * descriptor passing has a type of its own.
     *
     * @param data            1 to 64 writable buffers
     * @param controlCapacity 0 to 4096 bytes for ancillary data
     * @param flags           the call's flags, none for 0
     * @return the message, or null when non-blocking and nothing is queued
     * @throws UnsupportedOperationException where the platform has no recvmsg (Windows without WSARecvMsg)
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Message recvMsg(ByteBuffer[] data, int controlCapacity, MsgFlag... flags) throws IOException {
        return recvMsg(data, controlCapacity, 0L, flags);
    }

    /**
     * {@link #recvMsg(ByteBuffer[], int, MsgFlag...)} that waits at most {@code timeout}, in either blocking mode.
     *
     * @param data            1 to 64 writable buffers
     * @param controlCapacity 0 to 4096 bytes for ancillary data
     * @param timeout         how long to wait, at most
     * @param flags           the call's flags, none for 0
     * @return the message
     * @throws java.net.SocketTimeoutException if nothing came in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Message recvMsg(ByteBuffer[] data, int controlCapacity, Duration timeout, MsgFlag... flags)
            throws IOException {
        return recvMsg(data, controlCapacity, Args.timeoutNanos(timeout, "timeout"), flags);
    }

    private Message recvMsg(ByteBuffer[] data, int controlCapacity, long timeout, MsgFlag[] flags) throws IOException {
        int count = Gather.check(data, true);
        if (controlCapacity < 0 || controlCapacity > 4096) {
            throw new IllegalArgumentException("controlCapacity must be 0..4096: " + controlCapacity);
        }
        int mask = receiveMask(flags);
        // the parking way leaves MSG_WAITALL out (see io), and then returns what the first readiness brought
        int callMask = parks(mask, timeout) ? mask & ~WAITALL : mask;
        Gather g = new Gather(data, count, false, type == Type.STREAM);
        Scratch scratch = Scratch.get();
        byte[] control = new byte[controlCapacity];
        int[] io = {controlCapacity, 0};
        long from = scratch.outAddress();
        LongToIntFunction recvMsg = fd -> NativeMessage.recvMsg(fd, g.direct, g.offsets, g.lengths, count, from,
                control, io, callMask);
        int r = (int) io("recvmsg", PLAIN, recvMsg, 0, 0, 0, 0L, 0L, receiveKept(g.total, callMask), Poller.READ,
                timeout);
        if (r < 0) {
            if (wouldBlock(r, mask)) return null;
            throw failure("recvmsg", null, r);
        }
        g.advance(data, stored(r, g.total, mask), true);
        int flagsOut = io[1];
        return new Message(r == 0 && type == Type.STREAM && g.total > 0 ? EOF : r, AddressCodec.read(scratch.out()),
                ControlCodec.decode(control, io[0]), (flagsOut & ControlCodec.OUT_TRUNC) != 0,
                (flagsOut & ControlCodec.OUT_CTRUNC) != 0);
    }

    // ---- the fcntl/ioctl table (IoControl) ----------------------------------------------------------------------

    /**
     * {@code FIONREAD}: bytes a recv could take now (for a datagram socket, on Linux, the next datagram's size).
     *
     * @return the number of bytes
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int bytesAvailable() throws IOException {
        return call("ioctl FIONREAD", null, NativeControl::bytesAvailable);
    }

    /**
     * {@code sockatmark}: whether the next byte to read is the out-of-band mark. See {@link IoControl#AT_MARK}.
     *
     * @return true when the next byte is at the mark
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public boolean atMark() throws IOException {
        return call("sockatmark", null, NativeControl::atMark) == 1;
    }

    /**
     * {@code O_ASYNC}: signal-driven I/O, SIGIO to the {@linkplain #setOwner(long) owner} when I/O is
     * possible. Careful: a JVM that is its own socket's owner dies of SIGIO (its default action), so
     * make another process the owner. See {@link IoControl#ASYNC}.
     *
     * @param on true to set {@code O_ASYNC}, false to clear it
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void setAsync(boolean on) throws IOException {
        call("fcntl O_ASYNC", null, fd -> NativeControl.setAsync(fd, on));
    }

    /**
     * Whether {@code O_ASYNC} is set.
     *
     * @return true when set
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public boolean isAsync() throws IOException {
        return call("fcntl O_ASYNC", null, NativeControl::isAsync) == 1;
    }

    /**
     * {@code F_SETOWN}: the process ({@code > 0}) or process group ({@code < 0}) that gets SIGIO and SIGURG.
     *
     * @param owner a process id, or a process group id negated
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void setOwner(long owner) throws IOException {
        call("fcntl F_SETOWN", null, fd -> NativeControl.setOwner(fd, owner));
    }

    /**
     * {@code F_GETOWN}: the owner; 0 for none, negative for a process group.
     *
     * @return the owner
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public long owner() throws IOException {
        long[] owner = new long[1];
        call("fcntl F_GETOWN", null, fd -> NativeControl.owner(fd, owner));
        return owner[0];
    }

    /**
     * {@code SIOCGIFCONF}: the interfaces with an IPv4 address, one row per address.
     *
     * @return the rows, one for each interface address
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public List<InterfaceEntry> interfaces() throws IOException {
        ByteBuffer table = InterfaceCodec.table();
        long base = NativeMemory.address(table);
        int n = call("ioctl SIOCGIFCONF", null, fd -> NativeControl.interfaces(fd, base, InterfaceCodec.MAX_ROWS));
        return InterfaceCodec.decode(table, n);
    }


    // ---- blocking mode ----------------------------------------------------------------------------------------

    /**
     * Sets blocking ({@code true}, the default) or non-blocking mode ({@code O_NONBLOCK}, {@code FIONBIO}).
     *
     * @param blocking true for blocking mode, false for non-blocking
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public void setBlocking(boolean blocking) throws IOException {
        // A socket whose calls have parked stays non-blocking in the kernel: its blocking calls wait by parking.
        synchronized (mode) { // with switchKernelNonBlocking: mode and flags change together
            boolean kernel = blocking && !parking;
            call("setBlocking", blocking, fd -> NativeSocket.setBlocking(fd, kernel));
            kernelBlocking = kernel;
            this.blocking = blocking;
        }
    }

    /**
     * Whether calls on this socket block.
     *
     * @return true in blocking mode
     * @throws SocketClosedException if the socket is closed
     */
    public boolean isBlocking() throws SocketClosedException {
        handle.begin("isBlocking");
        end();
        return blocking;
    }

    // ---- send ---------------------------------------------------------------------------------------------------

    /**
     * {@code send()} of a whole array.
     *
     * @param src the bytes to send
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(byte[] src) throws IOException {
        return send(src, 0, Args.notNull(src, "src").length);
    }

    /**
     * {@code send()} without flags: sends {@code src[offset, offset + length)}; on a
     * stream socket perhaps only part of it (the count is returned).
     *
     * @param src    the bytes to send
     * @param offset the index of the first byte to send
     * @param length how many bytes to send
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(byte[] src, int offset, int length) throws IOException {
        Args.range(src, offset, length, "src");
        return sendArray(src, offset, length, 0);
    }

    /**
     * {@code send()}: sends {@code src[offset, offset + length)}; on a stream socket
     * perhaps only part of it (the count is returned).
     *
     * @param src    the bytes to send
     * @param offset the index of the first byte to send
     * @param length how many bytes to send
     * @param flags  the call's flags, none for 0
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(byte[] src, int offset, int length, MsgFlag... flags) throws IOException {
        Args.range(src, offset, length, "src");
        return sendArray(src, offset, length, MsgFlag.mask(flags));
    }

    private int sendArray(byte[] src, int offset, int length, int mask) throws IOException {
        return sendBytes("send", src, offset, length, mask, null, 0L, 0L);
    }

    /**
     * {@code send()} of {@code src}'s remaining bytes, without flags; its position advances by the bytes sent.
     *
     * @param src the bytes to send
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(ByteBuffer src) throws IOException {
        return sendBuffer("send", src, null, NO_FLAGS, 0L);
    }

    /**
     * {@code send()} of {@code src}'s remaining bytes; its position advances by the bytes sent.
     *
     * @param src   the bytes to send
     * @param flags the call's flags, none for 0
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(ByteBuffer src, MsgFlag... flags) throws IOException {
        return sendBuffer("send", src, null, flags, 0L);
    }

    /**
     * {@code sendto()}: sends one datagram (or, on a stream socket, bytes) to {@code target}.
     *
     * @param src    the bytes to send
     * @param offset the index of the first byte to send
     * @param length how many bytes to send
     * @param target the destination
     * @param flags  the call's flags, none for 0
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int sendTo(byte[] src, int offset, int length, SocketAddress target, MsgFlag... flags) throws IOException {
        Args.range(src, offset, length, "src");
        int mask = MsgFlag.mask(flags);
        Scratch scratch = Scratch.get();
        AddressCodec.write(target, family, "target", scratch.in());
        return sendBytes("sendto", src, offset, length, mask, target, scratch.inAddress(), 0L);
    }

    /**
     * {@code sendto()} of {@code src}'s remaining bytes to {@code target}; the position advances by the bytes sent.
     *
     * @param src    the bytes to send
     * @param target the destination
     * @param flags  the call's flags, none for 0
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int sendTo(ByteBuffer src, SocketAddress target, MsgFlag... flags) throws IOException {
        return sendBuffer("sendto", src, Args.notNull(target, "target"), flags, 0L);
    }

    /**
     * {@link #send(byte[], int, int, MsgFlag...)} that waits at most {@code timeout} for room, in either blocking
     * mode; on a stream socket it sends all of it unless the time runs out first.
     *
     * @param src     the bytes to send
     * @param offset  the index of the first byte to send
     * @param length  how many bytes to send
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the bytes sent: fewer than length when the time ran out after some went
     * @throws java.net.SocketTimeoutException if nothing could be sent in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(byte[] src, int offset, int length, Duration timeout, MsgFlag... flags) throws IOException {
        Args.range(src, offset, length, "src");
        long nanos = Args.timeoutNanos(timeout, "timeout");
        return sendBytes("send", src, offset, length, MsgFlag.mask(flags), null, 0L, nanos);
    }

    /**
     * {@link #send(ByteBuffer, MsgFlag...)} that waits at most {@code timeout} for room, in either blocking mode;
     * on a stream socket it sends all of it unless the time runs out first.
     *
     * @param src     the bytes to send
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the bytes sent: fewer than remaining when the time ran out after some went
     * @throws java.net.SocketTimeoutException if nothing could be sent in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int send(ByteBuffer src, Duration timeout, MsgFlag... flags) throws IOException {
        long nanos = Args.timeoutNanos(timeout, "timeout");
        return sendBuffer("send", src, null, flags, nanos);
    }

    /**
     * {@link #sendTo(ByteBuffer, SocketAddress, MsgFlag...)} that waits at most {@code timeout} for room, in
     * either blocking mode.
     *
     * @param src     the bytes to send
     * @param target  the destination
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the bytes sent
     * @throws java.net.SocketTimeoutException if nothing could be sent in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int sendTo(ByteBuffer src, SocketAddress target, Duration timeout, MsgFlag... flags) throws IOException {
        long nanos = Args.timeoutNanos(timeout, "timeout");
        return sendBuffer("sendto", src, Args.notNull(target, "target"), flags, nanos);
    }

    private int sendBuffer(String operation, ByteBuffer src, SocketAddress target, MsgFlag[] flags, long timeout)
            throws IOException {
        Args.notNull(src, "src");
        int mask = MsgFlag.mask(flags);
        // One read of each: another thread may move them, and the range must stay inside the buffer.
        int position = src.position();
        int limit = src.limit();
        int length = position <= limit ? limit - position : 0;
        long to = 0L;
        if (target != null) {
            Scratch scratch = Scratch.get();
            AddressCodec.write(target, family, "target", scratch.in());
            to = scratch.inAddress();
        }
        int r = src.isDirect()
                ? transmit(operation, src, position, length, mask, target, to, timeout)
                : sendBytes(operation, src, position, length, mask, target, to, timeout);
        if (r > 0) src.position(position + r);
        return r;
    }

    /**
     * Sends an array's or a heap buffer's bytes through this thread's native buffer, at most
     * {@link Scratch#CHUNK} bytes a pass, so that no call allocates memory of its own. A blocking
     * stream send goes on pass after pass, as the kernel's own send does; a datagram or record
     * larger than one pass is sent whole through memory of its own.
     */
    private int sendBytes(String operation, Object src, int offset, int length, int mask, Object target, long to,
                          long timeout) throws IOException {
        if (length > Scratch.CHUNK && type != Type.STREAM) return sendWhole(operation, src, offset, length, mask, target, to, timeout);
        long deadline = timeout == 0 ? 0L : deadlineOf(timeout);
        int sent = 0;
        do {
            int chunk = Math.min(length - sent, Scratch.CHUNK);
            ByteBuffer data = Scratch.get().data(chunk);
            if (src instanceof byte[] array) data.put(0, array, offset + sent, chunk);
            else data.put(0, (ByteBuffer) src, offset + sent, chunk);
            int r;
            try {
                r = transmit(operation, data, 0, chunk, mask, target, to, sent == 0 ? timeout : remaining(deadline));
            } catch (IOException e) {
                if (sent > 0) return sent; // as the kernel's send: what went out is counted, the error comes next
                throw e;
            }
            if (r < 0) return sent > 0 ? sent : r;
            sent += r;
            if (r < chunk || (!blocking && timeout == 0) || (mask & DONTWAIT) != 0) break;
        } while (sent < length);
        return sent;
    }

    /** One datagram larger than {@link Scratch#CHUNK}: C copies it into memory of its own for the call. */
    private int sendWhole(String operation, Object src, int offset, int length, int mask, Object target, long to,
                          long timeout) throws IOException {
        byte[] array;
        int at;
        if (src instanceof byte[] a) {
            array = a;
            at = offset;
        } else if (((ByteBuffer) src).hasArray()) {
            array = ((ByteBuffer) src).array();
            at = ((ByteBuffer) src).arrayOffset() + offset;
        } else { // a read-only heap buffer hides its array
            array = new byte[length];
            ((ByteBuffer) src).get(offset, array);
            at = 0;
        }
        int r = (int) io(operation, SEND_ARRAY, array, at, length, mask, to, 0L, BYTES_MOVED, Poller.WRITE, timeout);
        return sent(operation, r, mask, target);
    }

    private int transmit(String operation, ByteBuffer direct, int offset, int length, int mask, Object target,
                         long to, long timeout) throws IOException {
        int r = (int) io(operation, SEND, direct, offset, length, mask, to, 0L, BYTES_MOVED, Poller.WRITE, timeout);
        return sent(operation, r, mask, target);
    }

    /** A send's result once {@link #raw} has dealt with a close: the bytes sent, or what the error means. */
    private int sent(String operation, int r, int mask, Object target) throws IOException {
        if (r >= 0) return r;
        if (wouldBlock(r, mask)) return WOULD_BLOCK;
        throw failure(operation, target, r);
    }

    // ---- receive ------------------------------------------------------------------------------------------------

    /**
     * {@code recv()} into a whole array.
     *
     * @param dst where the received bytes go
     * @return the bytes received, {@link #EOF} at the end of a stream, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(byte[] dst) throws IOException {
        return recv(dst, 0, Args.notNull(dst, "dst").length);
    }

    /**
     * {@code recv()} without flags into {@code dst[offset, offset + length)}.
     *
     * @param dst    where the received bytes go
     * @param offset the index for the first byte received
     * @param length how many bytes fit
     * @return the bytes received, {@link #EOF} at the end of a stream, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(byte[] dst, int offset, int length) throws IOException {
        Args.range(dst, offset, length, "dst");
        return recvArray(dst, offset, length, 0);
    }

    /**
     * {@code recv()} into {@code dst[offset, offset + length)}.
     *
     * @param dst    where the received bytes go
     * @param offset the index for the first byte received
     * @param length how many bytes fit
     * @param flags  the call's flags, none for 0
     * @return the bytes received ({@link MsgFlag#TRUNC}: the datagram's real length, of which at most
     *         {@code length} were stored), {@link #EOF} at the end of a stream, or {@link #WOULD_BLOCK}
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(byte[] dst, int offset, int length, MsgFlag... flags) throws IOException {
        Args.range(dst, offset, length, "dst");
        return recvArray(dst, offset, length, receiveMask(flags));
    }

    private int recvArray(byte[] dst, int offset, int length, int mask) throws IOException {
        return receiveBytes("recv", dst, offset, length, mask, 0L, 0L, 0L);
    }

    /**
     * {@code recv()} without flags into {@code dst}'s remaining space; its position advances by the bytes stored.
     *
     * @param dst where the received bytes go
     * @return the bytes received, {@link #EOF} at the end of a stream, or {@link #WOULD_BLOCK}
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(ByteBuffer dst) throws IOException {
        Args.writable(dst, "dst");
        return receiveBuffer("recv", dst, 0, 0L, 0L, 0L);
    }

    /**
     * {@code recv()} into {@code dst}'s remaining space; its position advances by the bytes stored.
     *
     * @param dst   where the received bytes go
     * @param flags the call's flags, none for 0
     * @return as {@link #recv(byte[], int, int, MsgFlag...)}
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(ByteBuffer dst, MsgFlag... flags) throws IOException {
        Args.writable(dst, "dst");
        int mask = receiveMask(flags);
        return receiveBuffer("recv", dst, mask, 0L, 0L, 0L);
    }

    /**
     * {@code recvfrom()} into {@code dst[offset, offset + length)}.
     *
     * @param dst    where the received bytes go
     * @param offset the index for the first byte received
     * @param length how many bytes fit
     * @param flags  the call's flags, none for 0
     * @return the length and sender, or null when nothing is ready on a non-blocking call;
     *         the length is {@link #EOF} at the end of a stream
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Received recvFrom(byte[] dst, int offset, int length, MsgFlag... flags) throws IOException {
        Args.range(dst, offset, length, "dst");
        int mask = receiveMask(flags);
        Scratch scratch = Scratch.get();
        int r = receiveBytes("recvfrom", dst, offset, length, mask, scratch.outAddress(), scratch.flagsAddress(), 0L);
        return received(r, scratch);
    }

    /**
     * {@code recvfrom()} into {@code dst}'s remaining space; its position advances by the bytes stored.
     *
     * @param dst   where the received bytes go
     * @param flags the call's flags, none for 0
     * @return as {@link #recvFrom(byte[], int, int, MsgFlag...)}
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Received recvFrom(ByteBuffer dst, MsgFlag... flags) throws IOException {
        Args.writable(dst, "dst");
        int mask = receiveMask(flags);
        Scratch scratch = Scratch.get();
        int r = receiveBuffer("recvfrom", dst, mask, scratch.outAddress(), scratch.flagsAddress(), 0L);
        return received(r, scratch);
    }

    /**
     * {@link #recv(byte[], int, int, MsgFlag...)} that waits at most {@code timeout}, in either blocking mode.
     *
     * @param dst     where the received bytes go
     * @param offset  the index for the first byte received
     * @param length  how many bytes fit
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the bytes received, or {@link #EOF} at the end of a stream
     * @throws java.net.SocketTimeoutException if nothing came in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(byte[] dst, int offset, int length, Duration timeout, MsgFlag... flags) throws IOException {
        Args.range(dst, offset, length, "dst");
        long nanos = Args.timeoutNanos(timeout, "timeout");
        return receiveBytes("recv", dst, offset, length, receiveMask(flags), 0L, 0L, nanos);
    }

    /**
     * {@link #recv(ByteBuffer, MsgFlag...)} that waits at most {@code timeout}, in either blocking mode.
     *
     * @param dst     where the received bytes go
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the bytes received, or {@link #EOF} at the end of a stream
     * @throws java.net.SocketTimeoutException if nothing came in time; the socket's options are unchanged
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public int recv(ByteBuffer dst, Duration timeout, MsgFlag... flags) throws IOException {
        Args.writable(dst, "dst");
        long nanos = Args.timeoutNanos(timeout, "timeout");
        return receiveBuffer("recv", dst, receiveMask(flags), 0L, 0L, nanos);
    }

    /**
     * {@link #recvFrom(byte[], int, int, MsgFlag...)} that waits at most {@code timeout}, in either blocking mode.
     *
     * @param dst     where the received bytes go
     * @param offset  the index for the first byte received
     * @param length  how many bytes fit
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the length and sender
     * @throws java.net.SocketTimeoutException if nothing came in time; the socket's options are unchanged
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Received recvFrom(byte[] dst, int offset, int length, Duration timeout, MsgFlag... flags)
            throws IOException {
        Args.range(dst, offset, length, "dst");
        long nanos = Args.timeoutNanos(timeout, "timeout");
        Scratch scratch = Scratch.get();
        int r = receiveBytes("recvfrom", dst, offset, length, receiveMask(flags), scratch.outAddress(),
                scratch.flagsAddress(), nanos);
        return received(r, scratch);
    }

    /**
     * {@link #recvFrom(ByteBuffer, MsgFlag...)} that waits at most {@code timeout}, in either blocking mode.
     *
     * @param dst     where the received bytes go
     * @param timeout how long to wait, at most
     * @param flags   the call's flags, none for 0
     * @return the length and sender
     * @throws java.net.SocketTimeoutException if nothing came in time; the socket's options are unchanged
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException if the call fails: an exception that implements {@link NativeError}
     */
    public Received recvFrom(ByteBuffer dst, Duration timeout, MsgFlag... flags) throws IOException {
        Args.writable(dst, "dst");
        long nanos = Args.timeoutNanos(timeout, "timeout");
        Scratch scratch = Scratch.get();
        int r = receiveBuffer("recvfrom", dst, receiveMask(flags), scratch.outAddress(), scratch.flagsAddress(), nanos);
        return received(r, scratch);
    }

    private static Received received(int r, Scratch scratch) {
        if (r == WOULD_BLOCK) return null;
        if (r == EOF) return new Received(EOF, null, false);
        return new Received(r, AddressCodec.read(scratch.out()), (scratch.flags() & ControlCodec.OUT_TRUNC) != 0);
    }

    private int receiveBuffer(String operation, ByteBuffer dst, int mask, long from, long flagsOut, long timeout)
            throws IOException {
        // One read of each: another thread may move them, and the range must stay inside the buffer.
        int position = dst.position();
        int limit = dst.limit();
        int length = position <= limit ? limit - position : 0;
        int r = dst.isDirect()
                ? receive(operation, dst, position, length, mask, from, flagsOut, timeout)
                : receiveBytes(operation, dst, position, length, mask, from, flagsOut, timeout);
        int stored = stored(r, length, mask);
        if (stored > 0) dst.position(position + stored);
        return r;
    }

    /**
     * Receives into an array or a heap buffer through this thread's native buffer, at most
     * {@link Scratch#CHUNK} bytes a pass, copying out only what the kernel stored in this call:
     * the native buffer still holds whatever this thread received before, from any socket.
     * A stream recv takes one pass (a recv may return less than asked), {@code MSG_WAITALL}
     * as many as it needs; a datagram larger than one pass, or a peek at more than one pass
     * that must wait for all of it, goes whole through memory of its own.
     */
    private int receiveBytes(String operation, Object dst, int offset, int length, int mask, long from,
                             long flagsOut, long timeout) throws IOException {
        if (length > Scratch.CHUNK && (type != Type.STREAM || (mask & PEEK_WAITALL) == PEEK_WAITALL)) {
            return receiveWhole(operation, dst, offset, length, mask, from, flagsOut, timeout);
        }
        long deadline = timeout == 0 ? 0L : deadlineOf(timeout);
        int got = 0;
        do {
            int chunk = Math.min(length - got, Scratch.CHUNK);
            ByteBuffer data = Scratch.get().data(chunk);
            int r;
            try {
                r = receive(operation, data, 0, chunk, mask, from, flagsOut, got == 0 ? timeout : remaining(deadline));
            } catch (SocketClosedException e) {
                throw e;
            } catch (IOException e) {
                if (got > 0) return got; // as MSG_WAITALL does when a timeout or an error cuts it short
                throw e;
            }
            if (r <= 0) return got > 0 ? got : r;
            int stored = stored(r, chunk, mask);
            if (dst instanceof byte[] array) data.get(0, array, offset + got, stored);
            else ((ByteBuffer) dst).put(offset + got, data, 0, stored);
            got += r;
            if (r < chunk || (mask & WAITALL) == 0) return got;
        } while (got < length);
        return got;
    }

    /** A receive larger than {@link Scratch#CHUNK} that cannot be split: C receives into memory of its own. */
    private int receiveWhole(String operation, Object dst, int offset, int length, int mask, long from,
                             long flagsOut, long timeout) throws IOException {
        byte[] array;
        int at;
        if (dst instanceof byte[] a) {
            array = a;
            at = offset;
        } else { // receive paths take writable buffers only, and a writable heap buffer shows its array
            array = ((ByteBuffer) dst).array();
            at = ((ByteBuffer) dst).arrayOffset() + offset;
        }
        int r = (int) io(operation, RECV_ARRAY, array, at, length, mask, from, flagsOut, receiveKept(length, mask),
                Poller.READ, timeout);
        return received(operation, r, length, mask);
    }

    private int receive(String operation, ByteBuffer direct, int offset, int length, int mask, long from,
                        long flagsOut, long timeout) throws IOException {
        int r = (int) io(operation, RECV, direct, offset, length, mask, from, flagsOut, receiveKept(length, mask),
                Poller.READ, timeout);
        return received(operation, r, length, mask);
    }

    /**
     * What a receive keeps when a close came during it ({@link #raw}'s {@code keptFrom}). Bytes received came
     * from the socket itself (the placeholder a close parks on the number has none) and are returned, except
     * a stream {@code MSG_WAITALL} that the close cut short: that call ends in the close, as documented.
     */
    private long receiveKept(int length, int mask) {
        return (mask & WAITALL) != 0 && type == Type.STREAM ? Math.max(length, BYTES_MOVED) : BYTES_MOVED;
    }

    /** A receive's result once {@link #raw} has dealt with a close: bytes, end of stream, or what the error means. */
    private int received(String operation, int r, int length, int mask) throws IOException {
        if (r > 0) return r;
        if (r == 0) return type == Type.STREAM && length > 0 ? EOF : 0;
        if (wouldBlock(r, mask)) return WOULD_BLOCK;
        throw failure(operation, null, r);
    }

    /**
     * A receive's flags. {@code MSG_WAITALL} is left out on a non-blocking socket: POSIX then returns what
     * is queued, as a receive without it does, and Winsock, which cannot be asked a socket's mode, would wait.
     */
    private int receiveMask(MsgFlag[] flags) {
        int mask = MsgFlag.mask(flags);
        return blocking ? mask : mask & ~WAITALL;
    }

    /** How many of a receive's {@code r} bytes the kernel stored in a buffer of {@code length}. */
    private int stored(int r, int length, int mask) {
        if (r <= 0 || truncDiscards(mask)) return 0;
        return Math.min(r, length);
    }

    /**
     * Whether this receive discards bytes instead of storing them: Linux's TCP does so under
     * {@code MSG_TRUNC} (tcp_recvmsg skips the copy and returns the count); its Unix streams and
     * every datagram socket store what fits. Elsewhere recv() takes no MSG_TRUNC at all.
     */
    private boolean truncDiscards(int mask) {
        return (mask & TRUNC) != 0 && type == Type.STREAM && (family == Family.INET || family == Family.INET6)
                && (protocol == Protocol.DEFAULT || protocol == Protocol.TCP);
    }

    // ---- views ------------------------------------------------------------------------------------------------------
    // The stream and channel views (SocketInputStream, SocketOutputStream, SocketChannelView) and the lean
    // scatter/gather path of the channel. Names are written out in full so that this section needs no imports.

    /** The views, made on first use: one per socket, whichever accessor comes first, so they share their locks. */
    private volatile SocketChannelView views;

    private static final java.lang.invoke.VarHandle VIEWS;

    static {
        try {
            VIEWS = java.lang.invoke.MethodHandles.lookup().findVarHandle(Socket.class, "views", SocketChannelView.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The views; like java.net.Socket's accessors, refused once the socket is closed. */
    private SocketChannelView views(String operation) throws SocketClosedException {
        handle.begin(operation);
        end();
        SocketChannelView v = views;
        if (v != null) return v;
        SocketChannelView made = new SocketChannelView(this);
        SocketChannelView won = (SocketChannelView) VIEWS.compareAndExchange(this, (SocketChannelView) null, made);
        return won == null ? made : won;
    }

    /**
     * This socket as an {@link java.io.InputStream}: {@code read} is a blocking {@code recv}, the same object on
     * every call. As with {@link java.net.Socket#getInputStream()}:
     * <ul>
     * <li>{@code read} blocks until at least one byte arrives and returns -1 at the end of the stream (the
     *     peer shut down its sending side, or {@link #shutdown} of {@link Shutdown#READ} here);</li>
     * <li>a receive timeout ({@code SO_RCVTIMEO}) that runs out throws {@link java.net.SocketTimeoutException}
     *     and leaves the socket and the stream usable;</li>
     * <li>{@code available()} is {@link #bytesAvailable()} ({@code FIONREAD});</li>
     * <li>closing the stream closes this socket (and so the other views); to end one direction only, use
     *     {@link #shutdown(Shutdown)};</li>
     * <li>a {@link #close()} from another thread ends a blocked {@code read} with {@link SocketClosedException}.</li>
     * </ul>
     * Reads are serialised by a lock that {@link #channel()}'s reads share; they never hold a monitor. On a
     * non-blocking socket every read throws {@link java.nio.channels.IllegalBlockingModeException}, as the
     * streams of {@link java.nio.channels.Channels} do. On a datagram socket each read takes one datagram, and
     * what does not fit the array is lost.
     *
     * @return the input stream of this socket, usable until the socket is closed
     * @throws SocketClosedException if the socket is closed
     */
    public java.io.InputStream inputStream() throws SocketClosedException {
        return views("inputStream").input();
    }

    /**
     * This socket as an {@link java.io.OutputStream}: {@code write} is a blocking {@code send} that returns
     * once every byte is handed to the kernel, the same object on every call. {@code flush} does nothing
     * (nothing is buffered here). A send timeout ({@code SO_SNDTIMEO}) that runs out throws
     * {@link java.net.SocketTimeoutException}; some of the bytes may have been sent. Closing the stream
     * closes this socket, as with {@link java.net.Socket#getOutputStream()}; to end the sending side only
     * (the peer then reads the end of the stream), use {@link #shutdown(Shutdown)} of {@link Shutdown#WRITE}.
     * Writes are serialised by a lock that {@link #channel()}'s writes share. On a non-blocking socket every
     * write throws {@link java.nio.channels.IllegalBlockingModeException}.
     *
     * @return the output stream of this socket, usable until the socket is closed
     * @throws SocketClosedException if the socket is closed
     */
    public java.io.OutputStream outputStream() throws SocketClosedException {
        return views("outputStream").output();
    }

    /**
     * This socket as a {@link java.nio.channels.ByteChannel} that also scatters and gathers
     * ({@code readv}/{@code writev}), for code written against NIO, e.g. a TLS layer over
     * {@link javax.net.ssl.SSLEngine}. The same object on every call; see {@link SocketByteChannel} for
     * the blocking and non-blocking behaviour. Closing the channel closes this socket.
     *
     * @return the channel view of this socket
     * @throws SocketClosedException if the socket is closed
     */
    public SocketByteChannel channel() throws SocketClosedException {
        return views("channel");
    }

    /**
     * {@code readv}: scatters into {@code data[0, count)}'s remaining space, positions advancing in order.
     * For {@link SocketChannelView}: the caller checked the array (1 to {@link #VECTOR_MAX} writable buffers).
     *
     * @return the bytes stored, {@link #EOF}, or {@link #WOULD_BLOCK}
     */
    int readVector(java.nio.ByteBuffer[] data, int count) throws IOException {
        Gather g = new Gather(data, count, false, type == Type.STREAM);
        if (g.total == 0) return 0; // a receive into no room is answered here: Winsock would wait for data
        int r = (int) io("readv", READV, g, 0, count, 0, 0L, 0L, BYTES_MOVED, Poller.READ, 0L);
        int n = received("readv", r, g.total, 0);
        if (n > 0) g.advance(data, n, true);
        return n;
    }

    /**
     * {@code writev}: gathers {@code data[0, count)}'s remaining bytes, positions advancing in order.
     *
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     */
    int writeVector(java.nio.ByteBuffer[] data, int count) throws IOException {
        Gather g = new Gather(data, count, true, type == Type.STREAM);
        if (g.total == 0) return 0;
        int r = (int) io("writev", WRITEV, g, 0, count, 0, 0L, 0L, BYTES_MOVED, Poller.WRITE, 0L);
        int n = sent("writev", r, 0, null);
        if (n > 0) g.advance(data, n, false);
        return n;
    }

    /** The most buffers one {@code readv}/{@code writev} takes (message.h's S4J_IOV_MAX, 64). */
    static final int VECTOR_MAX = org.sockets4j.internal.NativeConstants.require("S4J_IOV_MAX");

    private static final RawCall READV = (socket, fd, data, offset, count, mask, address, flagsOut) ->
            NativeMessage.recvv(fd, ((Gather) data).direct, ((Gather) data).offsets, ((Gather) data).lengths, count,
                    mask);
    private static final RawCall WRITEV = (socket, fd, data, offset, count, mask, address, flagsOut) ->
            NativeMessage.sendv(fd, ((Gather) data).direct, ((Gather) data).offsets, ((Gather) data).lengths, count,
                    mask);

    // ---- batches (sendmmsg / recvmmsg) ----------------------------------------------------------------------------

    /**
     * {@code sendmmsg()}: sends datagrams {@code [from, from + count)} of {@code batch}, each its
     * {@link DatagramBatch#length} bytes, to its {@link DatagramBatch#address} or, without one, to the
     * connected peer. One system call per batch on Linux; a {@code sendmsg} per datagram elsewhere.
     * A partial batch returns how many went: the rest start at {@code from + result} in the next call.
     * An error after at least one datagram went is not thrown here but by that next call, which starts
     * with the datagram that failed (as {@code sendmmsg} does); an error on the first datagram throws.
     * A close from another thread ends the call in {@link SocketClosedException} unless a datagram went.
     *
     * @param batch the datagrams
     * @param from  the index of the first to send
     * @param count how many: 0 returns 0 at once
     * @param flags the call's flags, none for 0
     * @return how many datagrams went (at least 1 when count is), or {@link #WOULD_BLOCK} when none could
     * @throws IndexOutOfBoundsException     if {@code [from, from + count)} is not inside the batch
     * @throws IllegalArgumentException      if an address in the range does not suit this socket's family
     * @throws UnsupportedOperationException on a stream socket, whose sends are not datagrams
     * @throws IOException if the first datagram fails: an exception that implements {@link NativeError}
     */
    public int sendMany(DatagramBatch batch, int from, int count, MsgFlag... flags) throws IOException {
        Args.notNull(batch, "batch");
        int mask = MsgFlag.mask(flags);
        batchable("sendMany");
        batch.range(from, count);
        batch.fitAddresses(from, count, family);
        if (count == 0) {
            if (!isOpen()) throw new SocketClosedException("sendMany", false);
            return 0;
        }
        int r = (int) io("sendMany", SEND_MANY, batch, from, count, mask, 0L, 0L, BYTES_MOVED, Poller.WRITE, 0L);
        if (r >= 0) return r;
        if (wouldBlock(r, mask)) return WOULD_BLOCK;
        throw failure("sendMany", null, r);
    }

    /**
     * {@code recvmmsg()}: receives up to {@link DatagramBatch#capacity()} datagrams into {@code batch},
     * from index 0, setting each one's bytes, {@link DatagramBatch#length}, source
     * ({@link DatagramBatch#address}) and {@link DatagramBatch#truncated}; the datagrams past the result
     * keep what they held. One system call per batch on Linux; a {@code recvmsg} per datagram elsewhere.
     * A blocking socket waits for the first datagram only, then takes what is already queued and returns
     * ({@code MSG_WAITFORONE}); a receive timeout bounds that first wait. An error after at least one
     * datagram arrived is thrown by the next call. A close from another thread ends the call in
     * {@link SocketClosedException} unless datagrams with bytes arrived; then those are returned, without
     * empty ones at the end, which may be the close's own wake-up.
     *
     * @param batch where the datagrams go
     * @param flags the call's flags, none for 0; not {@link MsgFlag#PEEK}, which would fill the batch
     *              with the same datagram
     * @return how many datagrams arrived (at least 1), or {@link #WOULD_BLOCK} when the socket is
     *         non-blocking (or {@link MsgFlag#DONTWAIT} was passed) and none was queued
     * @throws IllegalArgumentException      if flags include {@link MsgFlag#PEEK}
     * @throws UnsupportedOperationException on a stream socket, whose receives are not datagrams
     * @throws IOException if the call fails before any datagram arrived: an exception that implements
     *                     {@link NativeError}
     */
    public int recvMany(DatagramBatch batch, MsgFlag... flags) throws IOException {
        Args.notNull(batch, "batch");
        int mask = receiveMask(flags);
        for (MsgFlag flag : flags) {
            if (flag == MsgFlag.PEEK) throw new IllegalArgumentException("flags: recvMany cannot PEEK");
        }
        batchable("recvMany");
        int r = (int) io("recvMany", RECV_MANY, batch, 0, batch.capacity(), mask, 0L, 0L, BYTES_MOVED, Poller.READ, 0L);
        if (r >= 0) return r;
        if (wouldBlock(r, mask)) return WOULD_BLOCK;
        throw failure("recvMany", null, r);
    }

    private void batchable(String operation) {
        if (type == Type.STREAM) throw new UnsupportedOperationException(operation + " on a STREAM socket: a batch is of datagrams");
    }

    private static final RawCall SEND_MANY = (socket, fd, batch, from, count, mask, unused, unusedToo) ->
            ((DatagramBatch) batch).send(fd, from, count, mask);
    /** A close during the call may have added the wake-up's empty datagrams: see {@link DatagramBatch#keptAfterClose}. */
    private static final RawCall RECV_MANY = (socket, fd, data, from, count, mask, unused, unusedToo) -> {
        DatagramBatch batch = (DatagramBatch) data;
        int n = batch.receive(fd, from, count, mask);
        return n > 0 && socket.handle.isClosed() ? batch.keptAfterClose(from, n) : n;
    };

    // ---- lifetime -----------------------------------------------------------------------------------------------

    /**
     * Whether {@link #close()} has not been called yet.
     *
     * @return true until closed
     */
    public boolean isOpen() {
        return !handle.isClosed();
    }

    /**
     * The OS handle: an fd on Linux and macOS, a {@code SOCKET} on Windows. Valid
     * only while the socket is open; for diagnostics and interop.
     *
     * @return the handle
     * @throws SocketClosedException if the socket is closed
     */
    public long handle() throws SocketClosedException {
        long fd = handle.begin("handle");
        end();
        return fd;
    }

    /**
     * Closes the socket. Calls blocked in it on other threads wake and throw
     * {@link SocketClosedException}. Idempotent.
     */
    @Override
    public void close() {
        Waits w = waits;
        if (w != null) w.close(); // first: no parked call arms a registration again, and each one wakes
        registrations.cancelAll(); // Poller: before the descriptor can be released
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "Socket[" + family + " " + type + (protocol == Protocol.DEFAULT ? "" : " " + protocol)
                + (handle.isClosed() ? " closed" : " handle=" + handle.fd()) + "]";
    }

    // ---- Poller hooks (issue 9): the registrations Socket.close() cancels, and the handle bracket ----------------

    /** This socket's registrations with pollers; {@link #close()} cancels them before the descriptor goes. */
    final Poller.Registrations registrations = new Poller.Registrations();

    /** Enters a call for a {@link Poller}: the descriptor stays valid until {@link #endPollerCall()}. */
    long beginPollerCall(String operation) throws SocketClosedException {
        return handle.begin(operation);
    }

    /** Leaves a call entered with {@link #beginPollerCall}. */
    void endPollerCall() {
        end();
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /**
     * One native call on the descriptor. All it needs comes in as arguments, not captured, so a call site on
     * the data path passes a constant and a send or a receive allocates nothing.
     */
    @FunctionalInterface
    private interface RawCall {
        long run(Socket socket, long fd, Object data, int offset, int length, int mask, long address, long flagsOut)
                throws IOException;

        /** Undoes a result that a close during the call voided (only a call that creates something has one). */
        default void abandon(long result) {}
    }

    /** For {@link #raw}: no result survives a close during the call. */
    private static final long NOTHING_KEPT = Long.MAX_VALUE;
    /** For {@link #raw}: a result of at least one byte survives a close during the call: those bytes moved. */
    private static final long BYTES_MOVED = 1L;

    /** Runs the {@link LongToIntFunction} passed as {@code data}: the calls off the data path. */
    private static final RawCall PLAIN = (socket, fd, call, offset, length, mask, address, flagsOut) ->
            ((LongToIntFunction) call).applyAsInt(fd);
    private static final RawCall SEND = (socket, fd, data, offset, length, mask, to, flagsOut) ->
            NativeSocket.send(fd, (ByteBuffer) data, offset, length, mask, to);
    private static final RawCall SEND_ARRAY = (socket, fd, data, offset, length, mask, to, flagsOut) ->
            NativeSocket.sendArray(fd, (byte[]) data, offset, length, mask, to);
    private static final RawCall RECV = (socket, fd, data, offset, length, mask, from, flagsOut) ->
            NativeSocket.recv(fd, (ByteBuffer) data, offset, length, mask, from, flagsOut);
    private static final RawCall RECV_ARRAY = (socket, fd, data, offset, length, mask, from, flagsOut) ->
            NativeSocket.recvArray(fd, (byte[]) data, offset, length, mask, from, flagsOut, !socket.truncDiscards(mask));
    private static final RawCall ACCEPT = new RawCall() {
        @Override
        public long run(Socket socket, long fd, Object data, int offset, int length, int mask, long peer,
                        long flagsOut) {
            return NativeSocket.accept(fd, peer);
        }

        /**
         * The listener was closed under the call; a connection taken at that moment is reset, as the
         * kernel resets those still queued (and on BSD it may be the wake-up connection of the close).
         */
        @Override
        public void abandon(long accepted) {
            if (accepted >= 0) NativeSocket.close(accepted);
        }
    };

    /**
     * The one bracket around a native call: enters the handle ({@link Handle#begin}), runs the call, leaves
     * ({@link #end}), and applies the close rule. A close during the call may have answered it from the
     * placeholder (dead socket) that the pre-close parks on the number: whatever that says belongs to no
     * socket of the caller's, so the call ends in {@link SocketClosedException}, unless it returned at least
     * {@code keptFrom}, bytes that really moved ({@link #BYTES_MOVED}; {@link #NOTHING_KEPT} for calls
     * without such a result).
     *
     * @return the call's result, {@code >= 0} or a negative packed error
     */
    private long raw(String operation, RawCall call, Object data, int offset, int length, int mask, long address,
                     long flagsOut, long keptFrom) throws IOException {
        long fd = handle.begin(operation);
        long r;
        boolean closed;
        try {
            r = call.run(this, fd, data, offset, length, mask, address, flagsOut);
        } finally {
            closed = end();
        }
        if (closed && r < keptFrom) {
            call.abandon(r);
            throw new SocketClosedException(operation, true);
        }
        return r;
    }

    /**
     * A call that may wait for the socket, through {@link #raw}: on a non-blocking socket (or under
     * {@code MSG_DONTWAIT}) one attempt. A blocking call goes one of two ways. A platform thread on a socket the
     * kernel still sees as blocking blocks in the kernel, where data that is ready costs nothing extra. Anything
     * else (a virtual thread, a per-call {@code timeout}, or a socket already switched) makes the socket
     * non-blocking in the kernel, once and for good, and parks the thread on the {@link Parker} between attempts,
     * so no virtual thread ever blocks its carrier in native code. Both ways are interruptible ({@link Blocker}).
     * On the parking way, {@code SO_RCVTIMEO}/{@code SO_SNDTIMEO} bound the wait as the kernel would, a stream
     * send goes on until all is sent and a stream {@code MSG_WAITALL} receive until all arrived, as in the kernel.
     *
     * @param direction {@link Poller#READ} or {@link Poller#WRITE}: what the call waits for
     * @param timeout   the call's own time limit in nanoseconds, 0 for none; it ends in a
     *                  {@link java.net.SocketTimeoutException} and waits even on a non-blocking socket
     * @return as {@link #raw}
     */
    private long io(String operation, RawCall call, Object data, int offset, int length, int mask, long address,
                    long flagsOut, long keptFrom, int direction, long timeout) throws IOException {
        if ((mask & DONTWAIT) != 0 || (!blocking && timeout == 0)) {
            return raw(operation, call, data, offset, length, mask, address, flagsOut, keptFrom);
        }
        boolean park = parks(mask, timeout);
        Blocker b = blocker();
        b.enter();
        try {
            if (!park) {
                long r = raw(operation, call, data, offset, length, mask, address, flagsOut, keptFrom);
                // Another thread switched (or is switching) the socket to parking under this call: wait that way,
                // no false timeout. parking is set before the descriptor's mode changes, kernelBlocking after.
                if (r >= 0 || !parking || NativeErrors.portable(r) != Errno.EAGAIN.code()) return r;
            }
            return parked(operation, call, data, offset, length, mask, address, flagsOut, keptFrom, direction, timeout);
        } finally {
            b.leave();
        }
    }

    /** Whether a call with these flags and this timeout waits the parking way (see {@link #io}). */
    private boolean parks(int mask, long timeout) {
        if ((mask & DONTWAIT) != 0) return false;
        if (timeout != 0) return true;
        return blocking && (!kernelBlocking || VirtualThreads.current());
    }

    /** {@link #io}'s parking way: attempt, and on would-block park until ready, the deadline, or a close. */
    private long parked(String operation, RawCall call, Object data, int offset, int length, int mask,
                        long address, long flagsOut, long keptFrom, int direction, long timeout) throws IOException {
        switchKernelNonBlocking(operation);
        boolean stream = type == Type.STREAM;
        boolean whole = stream && ((call == SEND || call == SEND_ARRAY)
                || ((call == RECV || call == RECV_ARRAY) && (mask & WAITALL) != 0));
        // PEEK|WAITALL: the parking way cannot see a FIN behind bytes it only peeks at, so it returns what is
        // queued once something is, as recvMsg does
        if ((mask & PEEK_WAITALL) == PEEK_WAITALL) whole = false;
        int kernelMask = mask & ~WAITALL; // the kernel would return what is queued; WAITALL is done here
        long deadline = timeout == 0 ? 0L : deadlineOf(timeout);
        // SO_RCVTIMEO/SO_SNDTIMEO's deadline once read (0 for none); a call's own timeout alone bounds it
        long limit = timeout != 0 ? 0L : -1L;
        int done = 0;
        for (;;) {
            long r = raw(operation, call, data, offset + done, length - done, kernelMask, address, flagsOut, keptFrom);
            boolean again = r < 0 && NativeErrors.portable(r) == Errno.EAGAIN.code();
            if (!again) {
                if (!whole || r == 0) return done + r;
                if (r < 0) return done > 0 ? done : r; // what moved is the result; the error comes with the next call
                done += (int) r;
                if (done >= length) return done;
            }
            if (limit < 0) limit = optionDeadline(direction);
            long until = earliest(deadline, limit);
            if (until != 0 && System.nanoTime() - until >= 0) {
                if (done > 0) return done; // a timeout ends a whole transfer with what moved, as the kernel's
                if (until == deadline) throw timedOut(operation, timeout);
                return r; // SO_RCVTIMEO/SO_SNDTIMEO ran out: the caller's failure() names the option, as on the kernel way
            }
            awaitReady(operation, direction, until);
        }
    }

    /** Parks the current thread until the socket is ready in {@code direction}, {@code until} (0: no limit), or closed. */
    private void awaitReady(String operation, int direction, long until) throws IOException {
        Waits w = waits();
        try {
            handle.begin(operation);
        } catch (SocketClosedException e) {
            throw new SocketClosedException(operation, true);
        }
        boolean closed;
        try {
            w.add(direction, operation);
        } finally {
            closed = end();
        }
        try {
            if (closed) throw new SocketClosedException(operation, true);
            if (until == 0) LockSupport.park(this);
            else LockSupport.parkNanos(this, until - System.nanoTime());
        } finally {
            w.remove();
        }
        if (handle.isClosed()) throw new SocketClosedException(operation, true);
    }

    /** The deadline {@code SO_RCVTIMEO} or {@code SO_SNDTIMEO} sets for a wait in {@code direction}; 0 for none. */
    private long optionDeadline(int direction) throws IOException {
        boolean receive = direction == Poller.READ;
        long t = receive ? receiveTimeout : sendTimeout;
        if (t < 0) { // not known: ask the kernel once (set by a raw option, or inherited by an accepted socket)
            SockOpt<Duration> option = receive ? SocketOptions.SO_RCVTIMEO : SocketOptions.SO_SNDTIMEO;
            t = option.isSupported() ? getOption(option).toNanos() : 0L;
            if (receive) receiveTimeout = t;
            else sendTimeout = t;
        }
        return t == 0 ? 0L : deadlineOf(t);
    }

    private static long deadlineOf(long nanos) {
        long d = System.nanoTime() + nanos;
        return d == 0 ? 1 : d; // 0 means none
    }

    /** What is left of a deadline, as a timeout for the next part of a call: 0 for none, at least 1 ns. */
    private static long remaining(long deadline) {
        return deadline == 0 ? 0L : Math.max(1L, deadline - System.nanoTime());
    }

    private static long earliest(long a, long b) {
        if (a == 0) return b;
        if (b == 0) return a;
        return a - b <= 0 ? a : b;
    }

    /** The exception of a call whose own timeout ran out; the socket's options are as they were. */
    private static IOException timedOut(String operation, long timeout) {
        NativeFailure failure = new NativeFailure(operation, Errno.ETIMEDOUT, 0);
        return new ErrnoSocketTimeoutException(failure, failure.message("within " + millisOf(timeout) + " ms"));
    }

    private static long millisOf(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /** Makes the socket non-blocking in the kernel for the parking way; the mode callers see is unchanged. */
    private void switchKernelNonBlocking(String operation) throws IOException {
        if (parking && !kernelBlocking) return;
        synchronized (mode) { // with setBlocking: the descriptor's mode and these flags change together
            parking = true;
            if (!kernelBlocking) return;
            call(operation, "switching to parking waits", fd -> NativeSocket.setBlocking(fd, false));
            kernelBlocking = false;
        }
    }

    private Blocker blocker() {
        Blocker b = blocker;
        if (b == null) {
            synchronized (mode) {
                if (blocker == null) blocker = new Blocker(this);
                b = blocker;
            }
        }
        return b;
    }

    private Waits waits() {
        Waits w = waits;
        if (w == null) {
            synchronized (mode) {
                if (waits == null) waits = new Waits(this);
                w = waits;
            }
        }
        return w;
    }

    /** A call off the data path, through {@link #raw}: its result, {@code >= 0} or a negative packed error. */
    private int attempt(String operation, LongToIntFunction nativeCall) throws IOException {
        return (int) raw(operation, PLAIN, nativeCall, 0, 0, 0, 0L, 0L, NOTHING_KEPT);
    }

    /** A call off the data path whose every failure is an exception: its result, {@code >= 0}. */
    private int call(String operation, Object detail, LongToIntFunction nativeCall) throws IOException {
        int r = attempt(operation, nativeCall);
        if (r < 0) throw failure(operation, detail, r);
        return r;
    }

    /** Ends a call and keeps this socket reachable until then, so the Cleaner cannot close it mid-call. */
    private boolean end() {
        boolean closed = handle.end();
        Reference.reachabilityFence(this);
        return closed;
    }

    private boolean wouldBlock(long result, int mask) {
        return NativeErrors.portable(result) == Errno.EAGAIN.code() && (!blocking || (mask & DONTWAIT) != 0);
    }

    /** The exception for a failed call; {@link UnsupportedOperationException} for ENOSYS (see {@link Errors}). */
    private IOException failure(String operation, Object detail, long result) {
        return Errors.failure(operation, detail, result, this);
    }
}
