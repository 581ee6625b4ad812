package dev.egressguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;

/**
 * {@code egress}: the top of the command tree. Alone, it prints its usage.
 *
 * <p>Every command of the tree says {@code addMethodSubcommands = false}: none has
 * {@code @Command} methods, and without it picocli lists and reads the annotations of every method
 * of each command class (a few milliseconds of a cold start per command).
 */
@Command(name = "egress", addMethodSubcommands = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Checks that every Azure node reaches the internet through a NAT gateway.",
        description = "Egress Guard reads ARM templates (or a live subscription) and checks them against the"
            + " built-in egress rules EG001-EG006 and your own YAML rules.",
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

    /**
     * The subcommands in the order the usage lists them. They are not named in {@code @Command}:
     * picocli reads every annotated command, option and mixin of the tree by reflection when the
     * tree is built, a sixth of a second in a cold JVM (its classes are Java 5 class files, which
     * class-data sharing cannot archive), so a run builds only the command it runs.
     */
    private static final List<String> SUBCOMMANDS = List.of("verify", "audit", "map", "rules", "help");

    /** A new subcommand: a switch rather than constructor references, which a cold JVM links one by one. */
    private static Object newSubcommand(String name) {
        return switch (name) {
            case "verify" -> new VerifyCommand();
            case "audit" -> new AuditCommand();
            case "map" -> new MapCommand();
            case "rules" -> new RulesCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** The configured command line with every subcommand: usage errors and failures print a message and exit 2, never a stack trace. */
    public static CommandLine commandLine() {
        return configure(SUBCOMMANDS);
    }

    /**
     * The command line to run {@code args}: with only the subcommand they name when it is
     * {@code verify}, {@code audit}, {@code map} or {@code rules} (the root's options take no value, so the
     * first argument that is not an option names it), else with every subcommand ({@code egress},
     * {@code egress --help} and {@code egress help} list them all).
     */
    public static CommandLine commandLine(String... args) {
        String name = commandOf(args);
        return name != null && !name.equals("help") && SUBCOMMANDS.contains(name)
                ? configure(List.of(name)) : configure(SUBCOMMANDS);
    }

    /** The first argument that is not an option (the root's options take no value), or null. */
    static String commandOf(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static CommandLine configure(List<String> subcommands) {
        EgressCommand root = new EgressCommand();
        CommandLine cl = new CommandLine(root);
        for (String name : subcommands) {
            cl.addSubcommand(name, newSubcommand(name));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler(() -> root.debug));
        cl.setExecutionStrategy(parsed -> {
            SdkLogging.configure(root.debug);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }
}
