package dev.egressguard.cli;

import dev.egressguard.core.report.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Turns an exception into one line a person can act on and exit code 2. The stack trace is for
 * us, not for users: it is printed only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final BooleanSupplier debug;

    ErrorHandler(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        // Messages name files and values of the inputs: escaped, they cannot forge a line of the log.
        if (e instanceof UserError) {
            err.println("egress: " + SafeText.forTerminal(e.getMessage()));
        } else {
            err.println("egress: internal error: " + SafeText.forTerminal(describe(e))
                    + (debug.getAsBoolean() ? "" : " (run with --debug for the stack trace)"));
        }
        if (debug.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
