package dev.egressguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code egress rules list|show|test}: what the rules are, and whether custom rules do what they say. */
@Command(name = "rules", addMethodSubcommands = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "List, show and test rules.",
        subcommands = {ListRulesCommand.class, ShowRuleCommand.class, TestRulesCommand.class,
            CommandLine.HelpCommand.class})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
