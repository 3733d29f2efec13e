package org.sockets4j.samples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sockets4j} command: the entry point of {@code sockets4j.jar}, whose
 * subcommands are the samples.
 *
 * <pre>
 * java -jar sockets4j.jar echo-server --port 10086
 * printf 'hello\n' | java -jar sockets4j.jar echo-client 127.0.0.1 10086
 * </pre>
 *
 * <p>Exit codes: 0 on success, 1 when a socket call or a name lookup failed, 2 for
 * bad command-line input. Errors are one line on standard error, never a stack trace.
 */
@Command(name = "sockets4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The sockets4j samples: the Berkeley sockets API from Java.",
        subcommands = {EchoServer.class, EchoClient.class, Capabilities.class, Tables.class, Options.class,
                CommandLine.HelpCommand.class})
public final class Sockets4j implements Runnable {

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code echo-server --port 10086}
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The {@code sockets4j} command with its subcommands and this tool's error handling.
     *
     * @return a new command line, ready to {@link CommandLine#execute(String...) execute}
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Sockets4j()));
    }

    /**
     * Gives {@code commandLine} (and its subcommands) this tool's error handling:
     * one line on standard error, exit code 2 for bad input and 1 for failures.
     */
    static CommandLine configure(CommandLine commandLine) {
        CliErrors errors = new CliErrors();
        return commandLine
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: echo-server, echo-client, capabilities, options or tables");
    }
}
