package org.sockets4j.samples;

import java.util.Locale;

/** {@code echo-server --model}: how the server waits for its clients. */
enum Model {
    /** A platform thread per client in blocking calls: the notes' {@code serv.cpp}, the default. */
    THREAD_PER_CLIENT,
    /** A virtual thread per client in blocking calls (Java 21+). */
    VIRTUAL,
    /** One thread running a {@link org.sockets4j.Poller} event loop over non-blocking sockets. */
    POLLER;

    /** The accepted values, as the help text lists them. */
    static final String CHOICES = "thread-per-client, virtual or poller";

    /** The name on the command line: {@code thread-per-client}, {@code virtual}, {@code poller}. */
    String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A new service of this model, printing to {@code log}. */
    EchoService create(EchoLog log) {
        return switch (this) {
            case THREAD_PER_CLIENT -> new ThreadPerClientEcho(ThreadPerClientEcho.platformThreads(), log);
            case VIRTUAL -> new ThreadPerClientEcho(VirtualThreads.factory(), log);
            case POLLER -> new PollerEcho(log);
        };
    }
}
