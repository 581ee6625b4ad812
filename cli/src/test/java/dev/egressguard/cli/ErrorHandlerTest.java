package dev.egressguard.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlerTest {

    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Option(names = "--debug")
        boolean debug;

        @Option(names = "--user-error")
        boolean userError;

        @Override
        public Integer call() {
            if (userError) {
                throw new UserError("rules/custom.yaml: no such file");
            }
            throw new IllegalStateException("the evaluator tripped over itself");
        }
    }

    private static String[] run(String... args) {
        Broken command = new Broken();
        CommandLine cl = new CommandLine(command);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ErrorHandler(() -> command.debug));
        return new String[] {String.valueOf(cl.execute(args)), err.toString()};
    }

    @Test
    void anInternalErrorIsOneLineAndExitCode2() {
        String[] result = run();

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEqualTo("egress: internal error: the evaluator tripped over itself"
                + " (run with --debug for the stack trace)" + System.lineSeparator());
    }

    @Test
    void withDebugTheStackTraceFollows() {
        String[] result = run("--debug");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("egress: internal error: the evaluator tripped over itself")
                .contains("java.lang.IllegalStateException").contains("\tat ");
    }

    @Test
    void aUserErrorIsItsMessageAlone() {
        String[] result = run("--user-error");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEqualTo("egress: rules/custom.yaml: no such file" + System.lineSeparator());
    }
}
