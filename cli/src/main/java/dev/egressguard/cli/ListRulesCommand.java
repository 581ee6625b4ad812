package dev.egressguard.cli;

import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.rule.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code egress rules list}: one line per rule, id, severity, name and title. */
@Command(name = "list", addMethodSubcommands = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "List the rules that would run.",
        description = "Exit code 2 when a rule file has an error (the rules that loaded are still listed).")
final class ListRulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RuleSources sources;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet set = sources.load(spec.commandLine().getErr());
        // Rule files may come with the pull request: their text is escaped like every console line.
        int nameWidth = set.descriptors().stream().mapToInt(r -> SafeText.forTerminal(r.name()).length()).max().orElse(4);
        int idWidth = set.descriptors().stream().mapToInt(r -> SafeText.forTerminal(r.id()).length()).max().orElse(2);
        for (RuleDescriptor r : set.descriptors()) {
            out.printf("%-" + idWidth + "s  %-7s  %-" + nameWidth + "s  %s%n", SafeText.forTerminal(r.id()),
                    r.severity().id(), SafeText.forTerminal(r.name()), SafeText.forTerminal(r.title()));
        }
        out.flush();
        return set.hasErrors() ? ExitCode.BAD_INPUT : ExitCode.CLEAN;
    }
}
