package org.sockets4j;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sockets4j.option.SockOpt;

/**
 * Whether the tests run under a user-mode emulator (qemu-user, as the
 * linux-aarch_64 leg of {@code ci/cross} runs them) and what such an emulator
 * cannot do that a real machine of the same architecture does. Every answer is
 * probed where the tests run, never listed by hand, and only an emulator turns
 * a failure into a skip: on a real machine these methods return at once.
 */
public final class Emulator {

    private Emulator() {}

    /** The emulator's executable, or the empty string on a real machine; found once. */
    private static final String NAME = detect();

    /** Per command: why it does not start, or the empty string when it does. */
    private static final Map<List<String>, String> STARTS = new ConcurrentHashMap<>();

    /**
     * qemu-user rewrites {@code /proc/self/exe} (and {@code /proc/<pid>/exe}) to
     * the emulated program, but not the per-thread link, which still names the
     * program the kernel runs: qemu itself.
     */
    private static String detect() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/self/exe"));
            Path real = Files.readSymbolicLink(Path.of("/proc/thread-self/exe"));
            String file = real.getFileName().toString();
            return !real.equals(self) && file.startsWith("qemu-") ? real.toString() : "";
        } catch (IOException | RuntimeException e) {
            return ""; // no procfs (macOS, Windows): no user-mode emulator we know of
        }
    }

    /** True when this JVM runs under qemu-user. */
    public static boolean running() {
        return !NAME.isEmpty();
    }

    /** The emulator's name for skip reasons, {@code qemu-aarch64}. */
    public static String name() {
        return Path.of(NAME).getFileName().toString();
    }

    /**
     * Skips the calling test when the emulator refuses {@code option}: on a
     * fresh socket from {@code fresh}, {@code value} is set and read back, and
     * {@link Errno#ENOPROTOOPT} from either call is qemu-user's answer for an
     * option its system-call translation does not know (qemu 7.2: IP_OPTIONS,
     * IP_MULTICAST_IF, IP_MULTICAST_ALL, reading IP_RECVTTL, IPV6_DONTFRAG,
     * IPV6_MULTICAST_ALL; {@code qemu -d unimp} logs each setsockopt of these as
     * unsupported). Options that Linux itself refuses are the caller's to except first.
     */
    static <T> void assumeOptionTranslated(SockOpt<T> option, T value, Callable<Socket> fresh) throws Exception {
        if (!running()) return;
        try (Socket s = fresh.call()) {
            s.setOption(option, value);
            s.getOption(option);
        } catch (IOException e) {
            if (e instanceof NativeError n && n.errno() == Errno.ENOPROTOOPT) {
                abort(name() + " (qemu-user) refuses " + n.operation() + " " + option.name()
                        + " with ENOPROTOOPT on a fresh socket: its system-call translation lacks the option ("
                        + NAME + ")");
            }
            // any other failure is the test's to report
        }
    }

    /**
     * Skips the calling test when the emulator refuses {@code option} on a fresh
     * socket of its kind where the table says Linux takes it: a get (where the
     * option is readable) or a set of its typical value (where it is settable)
     * answered ENOPROTOOPT. For the tests that hold the option table and the
     * kernel probe against the kernel: under qemu-user the kernel they meet is
     * the emulator's translation (qemu 7.2 reads IP_RECVTTL, for one, not at all).
     */
    static void assumeOptionKnown(SockOpt<?> option) throws Exception {
        if (!running() || !option.isSupported()) return;
        boolean refused = false;
        try (Socket s = OptionsTest.socketFor(option)) {
            if (option.access().canGet()) refused = refusedBy(() -> s.getOption(option));
            if (!refused && option.access().canSet() && option.sample() != null) {
                refused = refusedBy(() -> {
                    setSample(s, option);
                    return null;
                });
            }
        } catch (IOException | UnsupportedOperationException e) {
            return; // no socket of its kind here: the test says why
        }
        if (refused) {
            abort(name() + " (qemu-user) answers ENOPROTOOPT for " + option.name() + " on a fresh socket of its kind:"
                    + " its system-call translation lacks the option (" + NAME + ")");
        }
    }

    private static <T> void setSample(Socket s, SockOpt<T> option) throws IOException {
        s.setOption(option, option.sample());
    }

    private static boolean refusedBy(Callable<?> call) throws Exception {
        try {
            call.call();
            return false;
        } catch (IOException e) {
            return e instanceof NativeError n && n.errno() == Errno.ENOPROTOOPT;
        }
    }

    /** Skips the calling test under the emulator, for a check of the kernel's own answer it cannot give. */
    static void assumeRealKernel(String what) {
        if (running()) abort(name() + " (qemu-user) " + what + " (" + NAME + ")");
    }

    /**
     * Skips the calling test when it starts a child JVM and none can start here;
     * see {@link #assumeStarts(String...)}.
     */
    public static void assumeChildJvmStarts() {
        assumeStarts(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version");
    }

    /**
     * Skips the calling test when {@code command} cannot run here because this
     * JVM runs under qemu-user: the JDK starts every child through its own
     * {@code lib/jspawnhelper}, an aarch64 program, and a child JVM is one too;
     * without a binfmt_misc registration for qemu the kernel executes neither.
     * The command is tried once per run and must exit with 0.
     */
    public static void assumeStarts(String... command) {
        String problem = whyNotStarting(command);
        if (problem != null) abort(problem);
    }

    /**
     * Why {@code command} cannot start because this JVM runs under qemu-user
     * (see {@link #assumeStarts(String...)}), or null when it starts or on a real machine.
     */
    static String whyNotStarting(String... command) {
        if (!running()) return null;
        String problem = STARTS.computeIfAbsent(List.of(command), Emulator::tryToStart);
        return problem.isEmpty() ? null
                : name() + " (qemu-user) runs this JVM, but it cannot start `" + String.join(" ", command) + "`: "
                        + problem;
    }

    private static String tryToStart(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "it did not end in 60 s";
            }
            if (p.exitValue() == 0) return "";
            return "it exited with " + p.exitValue() + ": " + (out.isEmpty() ? "no output" : out.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return e.getMessage() + (e.getMessage().contains("spawn helper")
                    ? " (the JDK's lib/jspawnhelper is an aarch64 program and no binfmt_misc entry runs it under qemu)" : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
