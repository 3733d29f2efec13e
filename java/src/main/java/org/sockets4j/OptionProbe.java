package org.sockets4j;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.sockets4j.internal.Platform;
import org.sockets4j.option.Access;
import org.sockets4j.option.Level;
import org.sockets4j.option.Os;
import org.sockets4j.option.SockOpt;
import org.sockets4j.option.SocketOptions;

/**
 * What a platform and a socket do with an option: the checks of {@link Socket#getOption}/{@link Socket#setOption}
 * against the platform's access, and {@link Socket#access}'s questions to the kernel, none of which changes the
 * socket.
 */
final class OptionProbe {

    private OptionProbe() {}

    /** Errors by which a kernel says a socket does not have an option (EPROTO: Linux, a membership on TCP). */
    private static final Set<Errno> NOT_TAKEN = EnumSet.of(Errno.ENOPROTOOPT, Errno.EOPNOTSUPP, Errno.EINVAL,
            Errno.EAFNOSUPPORT, Errno.EPROTO);

    /** For a too-short value, EINVAL (EFAULT on Windows) says the option is known: only these say it is not. */
    private static final Set<Errno> UNKNOWN = EnumSet.of(Errno.ENOPROTOOPT, Errno.EOPNOTSUPP, Errno.EAFNOSUPPORT,
            Errno.EPROTO);

    /** Ints that every kernel stores as given and reads back unchanged, so setting back what was read changes nothing. */
    private static final Set<SockOpt<?>> SET_BACK_AS_READ = Set.of(SocketOptions.IP_MULTICAST_TTL,
            SocketOptions.IPV6_MULTICAST_HOPS);

    /**
     * An option whose value cannot be set back unchanged (an interface chosen by index reads back as an address)
     * is asked through a sibling that kernels take or refuse with it (Linux: EINVAL for both on TCP).
     */
    private static final Map<SockOpt<?>, SockOpt<?>> ASKED_THROUGH = Map.of(
            SocketOptions.IP_MULTICAST_IF, SocketOptions.IP_MULTICAST_TTL);

    /** Before a setsockopt: a supported option this platform cannot set is refused; an unsupported one later. */
    static void requireSet(SockOpt<?> option) {
        if (!option.isSupported() || option.access().canSet()) return;
        boolean nowhere = true;
        for (Os os : Os.values()) nowhere &= !option.access(os).canSet();
        throw new UnsupportedOperationException(option + " cannot be set" + (nowhere ? "" : " on " + here())
                + ": it is read only");
    }

    /** Before a getsockopt of a supported option. */
    static void requireGet(SockOpt<?> option) {
        if (option.access().canGet()) return;
        boolean nowhere = true;
        for (Os os : Os.values()) nowhere &= !option.access(os).canGet();
        throw new UnsupportedOperationException(option + " cannot be read" + (nowhere ? "" : " on " + here())
                + ": it is write only");
    }

    private static String here() {
        return Platform.current().classifier();
    }

    static Access access(Socket socket, SockOpt<?> option) throws IOException {
        socket.handle(); // a closed socket says so, whatever the option
        if (!option.isSupported() || option.level().nativeValue(socket.family()).isEmpty()) return Access.NONE;
        // Every kernel keeps IPv6-level options for IPv6 sockets; macOS would say EINVAL, which means two things.
        if (option.level() == Level.IPV6 && socket.family() != Family.INET6) return Access.NONE;
        Access platform = option.access();
        boolean get = false;
        boolean set = false;
        if (platform.canGet()) {
            if (option == SocketOptions.SO_ERROR) {
                get = true; // every socket has it, and reading it would clear a pending error
            } else {
                try {
                    Object value = socket.getOption(option);
                    get = true;
                    set = platform.canSet() && settable(socket, option, value);
                } catch (IOException e) {
                    if (!refused(e, NOT_TAKEN)) {
                        get = true; // known to the socket, not readable now (ENOTCONN before connect): the table says the rest
                        set = platform.canSet();
                    } else if (platform.canSet()) {
                        set = shortSetKnown(socket, option); // Wine reads no SO_LINGER but sets it
                    }
                }
            }
        } else if (platform.canSet()) {
            set = shortSetKnown(socket, option);
        }
        return get ? (set ? Access.GET_SET : Access.GET_ONLY) : (set ? Access.SET_ONLY : Access.NONE);
    }

    /** Whether the socket takes a set of the option it just read as {@code value}, where that can be asked. */
    private static boolean settable(Socket socket, SockOpt<?> option, Object value) throws IOException {
        SockOpt<?> asked = ASKED_THROUGH.getOrDefault(option, option);
        if (asked != option) {
            try {
                value = socket.getOption(asked);
            } catch (IOException e) {
                return !refused(e, NOT_TAKEN);
            }
        }
        if (asked.codec().setsBackUnchanged() || SET_BACK_AS_READ.contains(asked)) {
            return setBack(socket, asked, value);
        }
        return true; // no harmless question: the platform's table, honest for the option, answers
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean setBack(Socket socket, SockOpt<T> option, Object value) throws IOException {
        try {
            socket.setOption(option, (T) value);
            return true;
        } catch (IOException e) {
            return !refused(e, NOT_TAKEN); // EACCES and the like: the kernel knows the option
        }
    }

    /**
     * A one-byte value for a struct option: the kernel checks the length before it acts, so this changes
     * nothing; EINVAL or EFAULT say it knows the option, ENOPROTOOPT and its kin that this socket has none.
     * Options of other types have no such harmless question, and the platform's table answers.
     */
    private static boolean shortSetKnown(Socket socket, SockOpt<?> option) throws IOException {
        // structs every kernel checks the length of before acting: a one-byte value is refused, never applied
        if (!option.codec().lengthChecked()) return false;
        int level = option.level().nativeValue(socket.family()).getAsInt();
        int name = option.nativeName().getAsInt();
        try {
            socket.setRawOption(level, name, new byte[1]);
            return true;
        } catch (IOException e) {
            return !refused(e, UNKNOWN);
        }
    }

    private static boolean refused(IOException e, Set<Errno> meaning) throws IOException {
        if (e instanceof SocketClosedException) throw e;
        return e instanceof NativeError n && meaning.contains(n.errno());
    }
}
