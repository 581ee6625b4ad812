package dev.egressguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code egress}: the top of the command tree. Alone, it prints its usage. */
@Command(name = "egress",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Checks that every Azure node reaches the internet through a NAT gateway.",
        description = "Egress Guard reads ARM templates (or a live subscription) and checks them against the"
            + " built-in egress rules EG001-EG006 and your own YAML rules.",
        subcommands = {VerifyCommand.class, AuditCommand.class, MapCommand.class, RulesCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every check passed",
            "  1  findings at or above --fail-on",
            "  2  usage error, or an input that could not be read (the others are still checked)",
            "",
            "Run 'egress help COMMAND' for the options of a command."})
public final class EgressCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors, and the Azure SDK's own log lines.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: usage errors and failures print a message and exit 2, never a stack trace. */
    public static CommandLine commandLine() {
        EgressCommand root = new EgressCommand();
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler(() -> root.debug));
        cl.setExecutionStrategy(parsed -> {
            SdkLogging.configure(root.debug);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }
}
