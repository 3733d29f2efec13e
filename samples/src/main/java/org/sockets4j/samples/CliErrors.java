package org.sockets4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the tool reports errors: one line, {@code <command>: <what went wrong>}, on
 * standard error, and an exit code; never a stack trace.
 *
 * <p>Bad input (picocli's parse errors, and {@link ParameterException}s the commands
 * throw after checking their options) exits with 2 and a hint to {@code --help}.
 * A failure while running, such as a refused connection or an address in use,
 * exits with 1; sockets4j's exception messages already name the call, the address
 * and the portable error ({@code bind /0.0.0.0:10086: Address already in use (EADDRINUSE)}).
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of a command whose socket calls or lookups failed. */
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": " + describe(ex));
        err.flush();
        return FAILURE;
    }

    /**
     * The one-line text of a failure: the message of an I/O error or of an argument
     * the library rejected, and the exception's type as well for anything unexpected.
     */
    static String describe(Throwable ex) {
        String message = ex.getMessage();
        boolean expected = ex instanceof IOException || ex instanceof IllegalArgumentException
                || ex instanceof UnsupportedOperationException;
        if (expected && message != null && !message.isBlank()) return message;
        return ex.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
