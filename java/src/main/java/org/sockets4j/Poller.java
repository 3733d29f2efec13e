package org.sockets4j;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sockets4j.internal.NativeConstants;
import org.sockets4j.internal.NativeMemory;
import org.sockets4j.internal.NativePoller;

/**
 * Readiness of many sockets at once: epoll on Linux, kqueue on macOS and the BSDs, {@code WSAPoll} on Windows
 * ({@link Backend#NATIVE}), or {@code poll(2)}/{@code WSAPoll} over a table the poller keeps itself
 * ({@link Backend#POLL}).
 *
 * <p>A socket is {@linkplain #register registered} at most once per poller, with an interest ({@link #READ},
 * {@link #WRITE}, both or none), a {@link Trigger} and an attachment; the {@link Registration} that comes back
 * changes the interest or cancels it. {@link #poll} waits until registered sockets are ready and fills a
 * reusable {@link Events} with one entry per ready socket, allocating nothing. {@link #ERROR} and
 * {@link #HANGUP} are reported whatever the interest, even an interest of 0, except on kqueue, which reports
 * them through the directions: there a hang-up shows with {@link #WRITE} interest, and with {@link #READ}
 * interest alone as {@link #READ_HANGUP}.
 *
 * <p>Windows has no readiness API beyond {@code WSAPoll}, so its {@link Backend#NATIVE} poller is the same
 * table over {@code WSAPoll} as {@link Backend#POLL}; there a peer's close is reported as {@link #HANGUP} with
 * {@link #READ}, as {@code WSAPoll} says it.
 *
 * <p>Registration calls, {@link #wakeup()} and {@link #close()} may be made from any thread, also while another
 * thread polls; one thread polls at a time. Closing a registered socket cancels its registrations first: an
 * event of a cancelled registration is never delivered, even one the OS had already reported. On kqueue
 * (macOS, BSD) the two directions are reported apart, so the same socket may fill two entries of one
 * {@link Events}.
 *
 * <p>A poller that becomes unreachable unclosed is freed by a {@link Cleaner}; its registrations keep their
 * sockets, and the sockets keep the poller reachable, until they are cancelled or the poller is closed.
 */
public final class Poller implements AutoCloseable {

    /** Interest and ready bit: the socket is readable, has a connection to accept, or has reached the end. */
    public static final int READ = 1;
    /** Interest and ready bit: the socket is writable, or its non-blocking connect has ended. */
    public static final int WRITE = 2;
    /** Ready bit: an error is pending on the socket ({@code SO_ERROR}), e.g. a refused connect. */
    public static final int ERROR = 4;
    /** Ready bit: the connection is gone in both directions (shut down, reset or refused). */
    public static final int HANGUP = 8;
    /** Ready bit: the peer shut its sending side, where the OS says so apart from {@link #READ}; with READ only. */
    public static final int READ_HANGUP = 16;

    private static final int INTEREST_BITS = READ | WRITE;

    private static final int N_IN = NativeConstants.require("S4J_POLL_IN");
    private static final int N_OUT = NativeConstants.require("S4J_POLL_OUT");
    private static final int N_ERR = NativeConstants.require("S4J_POLL_ERR");
    private static final int N_HUP = NativeConstants.require("S4J_POLL_HUP");
    private static final int N_RDHUP = NativeConstants.require("S4J_POLL_RDHUP");
    private static final int N_EDGE = NativeConstants.require("S4J_POLL_EDGE");
    private static final int N_ONESHOT = NativeConstants.require("S4J_POLL_ONESHOT");
    private static final int EVENT_SIZE = NativeConstants.require("S4J_POLL_EVENT_SIZE");
    private static final int EVENT_TOKEN = NativeConstants.require("S4J_POLL_EVENT_TOKEN");
    private static final int EVENT_READY = NativeConstants.require("S4J_POLL_EVENT_READY");

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread t = new Thread(runnable, "sockets4j-poller-cleaner");
        t.setDaemon(true);
        return t;
    });

    private static final VarHandle POLLING;

    static {
        try {
            POLLING = MethodHandles.lookup().findVarHandle(Poller.class, "polling", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The kinds of poller. */
    public enum Backend {
        /** The platform's own: epoll on Linux, kqueue on macOS and the BSDs, {@code WSAPoll} on Windows. */
        NATIVE("S4J_POLLER_NATIVE"),
        /**
         * {@code poll(2)} ({@code WSAPoll} on Windows) over a table the poller keeps: every platform has it, and
         * a user may force it; it takes no {@link Trigger#EDGE}.
         */
        POLL("S4J_POLLER_POLL");

        private final String constant;

        Backend(String constant) {
            this.constant = constant;
        }

        int kind() {
            return NativeConstants.require(constant);
        }

        /**
         * Whether this platform has this kind of poller.
         *
         * @return true if {@link Poller#open(Backend)} can open one
         */
        public boolean isSupported() {
            return NativePoller.supported(kind());
        }
    }

    /** When a registration reports. */
    public enum Trigger {
        /** Every poll reports the socket while it is ready. */
        LEVEL,
        /** A poll reports the socket once each time it becomes ready ({@code EPOLLET}, {@code EV_CLEAR}). */
        EDGE,
        /**
         * Level-triggered, but after one report the registration is disarmed, both directions, until
         * {@link Registration#setInterest} arms it again.
         */
        ONE_SHOT
    }

    private final Backend backend;
    private final String mechanism;
    private final Native nat;
    private final Cleaner.Cleanable cleanable;
    @SuppressWarnings("unused") // through POLLING
    private volatile boolean polling;

    /** The registrations by slot; a token is the slot's generation and index. Guarded by itself. */
    private final Object table = new Object();
    private Registration[] slots = new Registration[16];
    private int[] generations = new int[16];
    private int[] free = new int[16];
    private int freeCount;
    private int slotCount;
    private boolean closing;

    private Poller(Backend backend, long address) {
        this.backend = backend;
        this.nat = new Native(address);
        this.cleanable = CLEANER.register(this, nat);
        this.mechanism = NativePoller.mechanism(address);
    }

    /**
     * Opens a poller of the platform's own kind ({@link Backend#NATIVE}).
     *
     * @return the new poller
     * @throws IOException if the OS refuses one (e.g. out of descriptors)
     */
    public static Poller open() throws IOException {
        return open(Backend.NATIVE);
    }

    /**
     * Opens a poller of the given kind.
     *
     * @param backend the kind of poller
     * @return the new poller
     * @throws IOException                   if the OS refuses one (e.g. out of descriptors)
     * @throws UnsupportedOperationException if this platform lacks the kind ({@link Backend#isSupported()})
     */
    public static Poller open(Backend backend) throws IOException {
        Objects.requireNonNull(backend, "backend");
        if (!backend.isSupported()) throw Unsupported.feature("the " + backend + " Poller backend");
        long r = NativePoller.open(backend.kind());
        if (r < 0) throw Errors.failure("poller open", backend, r, (Type) null);
        return new Poller(backend, r);
    }

    /**
     * This poller's kind.
     *
     * @return the backend it was opened with
     */
    public Backend backend() {
        return backend;
    }

    /**
     * The OS mechanism behind this poller.
     *
     * @return {@code "epoll"}, {@code "kqueue"}, {@code "WSAPoll"} or {@code "poll"}
     */
    public String mechanism() {
        return mechanism;
    }

    /**
     * Whether this poller takes the trigger: {@link Trigger#LEVEL} and {@link Trigger#ONE_SHOT} everywhere,
     * {@link Trigger#EDGE} on the native backends of Linux and macOS/BSD only.
     *
     * @param trigger the trigger
     * @return true if {@link #register(Socket, int, Trigger, Object)} takes it
     */
    public boolean supports(Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        return trigger != Trigger.EDGE || NativePoller.edgeSupported(backend.kind());
    }

    /**
     * Registers a socket, level-triggered.
     *
     * @param socket     the socket
     * @param interest   {@link #READ}, {@link #WRITE}, both, or 0 (only errors and hang-ups)
     * @param attachment anything the caller wants back with the socket's events; may be null
     * @return the registration
     * @throws IOException              if the OS refuses the registration
     * @throws SocketClosedException    if the socket is closed
     * @throws IllegalArgumentException if interest has other bits
     * @throws IllegalStateException    if the socket is registered with this poller already
     * @throws ClosedSelectorException  if this poller is closed
     */
    public Registration register(Socket socket, int interest, Object attachment) throws IOException {
        return register(socket, interest, Trigger.LEVEL, attachment);
    }

    /**
     * Registers a socket.
     *
     * @param socket     the socket
     * @param interest   {@link #READ}, {@link #WRITE}, both, or 0 (only errors and hang-ups)
     * @param trigger    when the registration reports
     * @param attachment anything the caller wants back with the socket's events; may be null
     * @return the registration
     * @throws IOException                   if the OS refuses the registration
     * @throws SocketClosedException         if the socket is closed
     * @throws IllegalArgumentException      if interest has other bits
     * @throws IllegalStateException         if the socket is registered with this poller already
     * @throws UnsupportedOperationException if this poller lacks the trigger ({@link #supports(Trigger)})
     * @throws ClosedSelectorException       if this poller is closed
     */
    public Registration register(Socket socket, int interest, Trigger trigger, Object attachment)
            throws IOException {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(trigger, "trigger");
        checkInterest(interest);
        if (!supports(trigger)) {
            throw Unsupported.feature("the " + trigger + " trigger of the " + mechanism + " Poller");
        }
        long p = nat.begin();
        try {
            Registration r = new Registration(this, socket, attachment, interest, trigger);
            // Under r's lock from its first appearance in the table, so close() and Socket.close() wait for the
            // native add to be done (or undone) before they cancel it.
            synchronized (r) {
                take(r);
                boolean added = false;
                try {
                    long fd = socket.beginPollerCall("register");
                    try {
                        socket.registrations.add(r);
                        // Valid before the OS knows of it: a socket already ready reports at once, and the poll
                        // under way on another thread must not drop that report (a one-shot never makes another).
                        r.fd = fd;
                        r.valid = true;
                        int result = NativePoller.add(p, fd, nativeInterest(interest, trigger), r.token);
                        if (result < 0) {
                            r.valid = false;
                            socket.registrations.remove(r);
                            throw Errors.failure("register", socket, result, socket.type());
                        }
                        added = true;
                    } finally {
                        socket.endPollerCall();
                    }
                } finally {
                    if (!added) give(r);
                }
            }
            return r;
        } finally {
            nat.end();
        }
    }

    /**
     * Waits until registered sockets are ready, the timeout passes or {@link #wakeup()} is called, and fills
     * {@code events} with what is ready. Entries of registrations cancelled meanwhile are dropped.
     *
     * <p>The wait happens in native code: a virtual thread that polls pins its carrier meanwhile, so an event
     * loop should poll on a platform thread. {@link Thread#interrupt()} does not end the wait; {@link #wakeup()}
     * does.
     *
     * @param events  where the ready sockets go; its earlier content is replaced
     * @param timeout how long to wait at most: null without limit, {@link Duration#ZERO} not at all
     * @return the number of entries filled, {@link Events#count()}; 0 after a timeout, a wakeup or a close
     * @throws IOException              if the OS call fails
     * @throws IllegalArgumentException if the timeout is negative
     * @throws IllegalStateException    if another thread is polling this poller
     * @throws ClosedSelectorException  if this poller is closed
     */
    public int poll(Events events, Duration timeout) throws IOException {
        Objects.requireNonNull(events, "events");
        int millis = millis(timeout);
        if (!POLLING.compareAndSet(this, false, true)) {
            throw new IllegalStateException("another thread is polling this Poller");
        }
        try {
            long p = nat.begin();
            int n;
            boolean closed;
            try {
                n = NativePoller.await(p, events.address, events.capacity, millis);
            } finally {
                closed = nat.end();
            }
            // the native side wrote into events' buffer: it must not be freed before that
            Reference.reachabilityFence(events);
            if (closed) return events.fill(0);
            if (n < 0) throw Errors.failure("poll", mechanism, n, (Type) null);
            return resolve(events, n);
        } finally {
            POLLING.setVolatile(this, false);
        }
    }

    /**
     * Makes the poll under way on another thread, or else the next poll, return at once. Wakeups before a
     * poll coalesce into one. Does nothing on a closed poller.
     */
    public void wakeup() {
        if (!nat.tryBegin()) return;
        try {
            NativePoller.wakeup(nat.address);
        } finally {
            nat.end();
        }
    }

    /**
     * Whether {@link #close()} has not been called yet.
     *
     * @return true until closed
     */
    public boolean isOpen() {
        return !nat.isClosed();
    }

    /**
     * Closes the poller: a poll under way on another thread returns 0, every registration is cancelled (the
     * sockets stay open), and the native poller is freed once no thread is inside it. Idempotent.
     */
    @Override
    public void close() {
        cleanable.clean();
        Registration[] all;
        synchronized (table) {
            if (closing) return;
            closing = true;
            all = Arrays.copyOf(slots, slotCount);
        }
        for (Registration r : all) {
            if (r != null) r.cancel();
        }
    }

    @Override
    public String toString() {
        return "Poller[" + mechanism + (isOpen() ? "" : " closed") + "]";
    }

    // ---- the table --------------------------------------------------------------------------------------------------

    /** Gives r a free slot and its token; refused once close() has begun. */
    private void take(Registration r) {
        synchronized (table) {
            if (closing) throw new ClosedSelectorException();
            int slot;
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (slotCount == slots.length) {
                    int capacity = slots.length * 2;
                    slots = Arrays.copyOf(slots, capacity);
                    generations = Arrays.copyOf(generations, capacity);
                    free = Arrays.copyOf(free, capacity);
                }
                slot = slotCount++;
            }
            slots[slot] = r;
            r.slot = slot;
            r.token = (long) generations[slot] << 32 | slot;
        }
    }

    /** Frees r's slot; the next registration there has another generation, so r's late events are dropped. */
    private void give(Registration r) {
        synchronized (table) {
            int slot = r.slot;
            if (slot < 0 || slots[slot] != r) return;
            slots[slot] = null;
            generations[slot]++;
            free[freeCount++] = slot;
            r.slot = -1;
        }
    }

    /** Turns the n native events into entries of events, dropping those whose registration is gone. */
    private int resolve(Events events, int n) {
        ByteBuffer buffer = events.buffer;
        int count = 0;
        synchronized (table) {
            for (int i = 0; i < n; i++) {
                long token = buffer.getLong(i * EVENT_SIZE + EVENT_TOKEN);
                int slot = (int) token;
                if (slot < 0 || slot >= slotCount) continue;
                Registration r = slots[slot];
                if (r == null || r.token != token || !r.valid) continue;
                events.registrations[count] = r;
                events.ready[count] = javaReady(buffer.getInt(i * EVENT_SIZE + EVENT_READY));
                count++;
            }
        }
        return events.fill(count);
    }

    private static int javaReady(int ready) {
        return ((ready & N_IN) != 0 ? READ : 0) | ((ready & N_OUT) != 0 ? WRITE : 0)
                | ((ready & N_ERR) != 0 ? ERROR : 0) | ((ready & N_HUP) != 0 ? HANGUP : 0)
                | ((ready & N_RDHUP) != 0 ? READ_HANGUP : 0);
    }

    private static int nativeInterest(int interest, Trigger trigger) {
        return ((interest & READ) != 0 ? N_IN : 0) | ((interest & WRITE) != 0 ? N_OUT : 0)
                | (trigger == Trigger.EDGE ? N_EDGE : 0) | (trigger == Trigger.ONE_SHOT ? N_ONESHOT : 0);
    }

    private static void checkInterest(int interest) {
        if ((interest & ~INTEREST_BITS) != 0) {
            throw new IllegalArgumentException("interest: 0x" + Integer.toHexString(interest)
                    + " has bits other than READ (1) and WRITE (2)");
        }
    }

    private static int millis(Duration timeout) {
        if (timeout == null) return -1;
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout: negative: " + timeout);
        if (timeout.isZero()) return 0;
        if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) >= 0) return Integer.MAX_VALUE;
        long millis = timeout.toMillis();
        // round a fraction of a millisecond up, so a positive timeout never becomes "do not wait"
        return (int) (Duration.ofMillis(millis).equals(timeout) ? millis : millis + 1);
    }

    // ---- the native poller's lifetime -------------------------------------------------------------------------------

    /** The native poller under {@link InFlight}'s close rule: a close during a poll wakes it, and frees it after. */
    private static final class Native extends InFlight {

        final long address;

        Native(long address) {
            this.address = address;
        }

        long begin() {
            if (!tryEnter()) throw new ClosedSelectorException();
            return address;
        }

        boolean tryBegin() {
            return tryEnter();
        }

        /** Leaves a call; true when the poller was closed while it was under way. */
        boolean end() {
            return leave();
        }

        @Override
        void wake() {
            NativePoller.wakeup(address);
        }

        @Override
        void release() {
            NativePoller.close(address);
        }
    }

    // ---- registrations ----------------------------------------------------------------------------------------------

    /**
     * One socket's registration with a poller: one object per {@link #register} call, handed back with every
     * event of the socket. Thread-safe.
     */
    public static final class Registration {

        private final Poller poller;
        private final Socket socket;
        private final Object attachment;
        private final Trigger trigger;
        private volatile int interest;
        /** Set once added; false again after cancel(). Written under this object's lock. */
        private volatile boolean valid;
        /** The descriptor, valid while this registration is: Socket.close() cancels it before releasing it. */
        private long fd;
        /** Under the poller's table lock. */
        private int slot = -1;
        private long token;

        private Registration(Poller poller, Socket socket, Object attachment, int interest, Trigger trigger) {
            this.poller = poller;
            this.socket = socket;
            this.attachment = attachment;
            this.interest = interest;
            this.trigger = trigger;
        }

        /**
         * The registered socket.
         *
         * @return the socket
         */
        public Socket socket() {
            return socket;
        }

        /**
         * What the caller attached at registration.
         *
         * @return the attachment, possibly null
         */
        public Object attachment() {
            return attachment;
        }

        /**
         * The current interest.
         *
         * @return {@link #READ}, {@link #WRITE}, both, or 0
         */
        public int interest() {
            return interest;
        }

        /**
         * The trigger given at registration.
         *
         * @return the trigger
         */
        public Trigger trigger() {
            return trigger;
        }

        /**
         * The poller this registration belongs to.
         *
         * @return the poller
         */
        public Poller poller() {
            return poller;
        }

        /**
         * Changes the interest; also arms a {@link Trigger#ONE_SHOT} registration again. From any thread, also
         * while the poller polls: the poll under way takes the change into account.
         *
         * @param interest {@link #READ}, {@link #WRITE}, both, or 0
         * @throws IOException              if the OS refuses the change
         * @throws IllegalArgumentException if interest has other bits
         * @throws CancelledKeyException    if this registration is no longer valid
         * @throws ClosedSelectorException  if the poller is closed
         */
        public void setInterest(int interest) throws IOException {
            checkInterest(interest);
            synchronized (this) {
                if (!valid) throw new CancelledKeyException();
                long p = poller.nat.begin();
                try {
                    int r = NativePoller.modify(p, fd, nativeInterest(interest, trigger), token);
                    if (r < 0) throw Errors.failure("poller modify", socket, r, socket.type());
                    this.interest = interest;
                } finally {
                    poller.nat.end();
                }
            }
        }

        /**
         * Whether this registration still reports.
         *
         * @return false after {@link #cancel()}, after the socket was closed, or after the poller was closed
         */
        public boolean isValid() {
            return valid;
        }

        /**
         * Deregisters the socket; its events are not delivered any more, even those already reported by the
         * OS. Done by {@link Socket#close()} and {@link Poller#close()} too. Idempotent.
         */
        public void cancel() {
            synchronized (this) {
                if (!valid) return;
                valid = false;
                if (poller.nat.tryBegin()) {
                    try {
                        // ignored: there is nothing more to undo, and the registration is gone either way
                        NativePoller.remove(poller.nat.address, fd);
                    } finally {
                        poller.nat.end();
                    }
                }
                socket.registrations.remove(this);
            }
            poller.give(this);
        }

        @Override
        public String toString() {
            return "Registration[" + socket + " interest=" + interest + " " + trigger + (valid ? "" : " cancelled")
                    + "]";
        }
    }

    /**
     * A socket's registrations with every poller. {@link Socket#close()} calls {@link #cancelAll()} before the
     * descriptor can be released, and a socket closed once takes no more.
     */
    static final class Registrations {

        private List<Registration> list;
        private boolean closed;

        synchronized void add(Registration r) throws SocketClosedException {
            if (closed) throw new SocketClosedException("register", false);
            if (list == null) list = new ArrayList<>(1);
            for (Registration other : list) {
                if (other.poller == r.poller) {
                    throw new IllegalStateException("the socket is already registered with this Poller: " + other);
                }
            }
            list.add(r);
        }

        synchronized void remove(Registration r) {
            if (list != null) list.remove(r);
        }

        /** Cancels every registration and refuses new ones. */
        void cancelAll() {
            Registration[] all;
            synchronized (this) {
                closed = true;
                if (list == null || list.isEmpty()) return;
                all = list.toArray(new Registration[0]);
            }
            for (Registration r : all) r.cancel();
        }
    }

    // ---- events -----------------------------------------------------------------------------------------------------

    /**
     * The ready sockets of one {@link Poller#poll}: reusable, and filled without allocating. Entry {@code i}
     * (0 to {@link #count()} - 1) holds a registration and its ready bits ({@link #READ}, {@link #WRITE},
     * {@link #ERROR}, {@link #HANGUP}, {@link #READ_HANGUP}). Not thread-safe: one poll at a time may fill it.
     */
    public static final class Events {

        /** The most entries one Events holds. */
        private static final int MAX_CAPACITY = 65536;

        private final int capacity;
        private final ByteBuffer buffer;
        private final long address;
        private final Registration[] registrations;
        private final int[] ready;
        private int count;

        /**
         * Room for {@code capacity} ready sockets per poll.
         *
         * @param capacity 1 to 65536
         * @throws IllegalArgumentException if capacity is out of range
         */
        public Events(int capacity) {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity: " + capacity + " is not in 1.." + MAX_CAPACITY);
            }
            this.capacity = capacity;
            // C stores 64-bit tokens there: 8-byte alignment whatever the JDK's allocator gives
            this.buffer = ByteBuffer.allocateDirect(capacity * EVENT_SIZE + Long.BYTES - 1).alignedSlice(Long.BYTES)
                    .order(ByteOrder.nativeOrder());
            this.address = NativeMemory.address(buffer);
            this.registrations = new Registration[capacity];
            this.ready = new int[capacity];
        }

        /** Empties it: lets go of every registration, so none keeps its socket from the Cleaner. */
        void clear() {
            fill(0);
        }

        /** Sets the count, and lets go of registrations beyond it. */
        private int fill(int n) {
            for (int i = n; i < count; i++) registrations[i] = null;
            count = n;
            return n;
        }

        /**
         * How many entries one poll can fill.
         *
         * @return the capacity
         */
        public int capacity() {
            return capacity;
        }

        /**
         * How many entries the last poll filled.
         *
         * @return the count
         */
        public int count() {
            return count;
        }

        /**
         * Entry i's registration.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return the registration
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public Registration registration(int i) {
            return registrations[Objects.checkIndex(i, count)];
        }

        /**
         * Entry i's attachment.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return the registration's attachment, possibly null
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public Object attachment(int i) {
            return registration(i).attachment;
        }

        /**
         * Entry i's socket.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return the socket
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public Socket socket(int i) {
            return registration(i).socket;
        }

        /**
         * Entry i's ready bits.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return {@link #READ}, {@link #WRITE}, {@link #ERROR}, {@link #HANGUP}, {@link #READ_HANGUP} combined
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public int ready(int i) {
            return ready[Objects.checkIndex(i, count)];
        }

        /**
         * Whether entry i is readable.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return true if {@link #READ} is set
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public boolean isReadable(int i) {
            return (ready(i) & READ) != 0;
        }

        /**
         * Whether entry i is writable.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return true if {@link #WRITE} is set
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public boolean isWritable(int i) {
            return (ready(i) & WRITE) != 0;
        }

        /**
         * Whether entry i has an error pending.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return true if {@link #ERROR} is set
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public boolean isError(int i) {
            return (ready(i) & ERROR) != 0;
        }

        /**
         * Whether entry i has hung up.
         *
         * @param i the entry, 0 to {@link #count()} - 1
         * @return true if {@link #HANGUP} is set
         * @throws IndexOutOfBoundsException if i is not an entry
         */
        public boolean isHangup(int i) {
            return (ready(i) & HANGUP) != 0;
        }
    }
}
