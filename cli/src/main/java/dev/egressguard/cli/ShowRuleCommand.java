package dev.egressguard.cli;

import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code egress rules show ID}: a rule's documentation, as the reports link to it. */
@Command(name = "show", addMethodSubcommands = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Show a rule's documentation.")
final class ShowRuleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id (EG002) or name (nat-gateway-on-node-subnets).")
    String id;

    @Mixin
    RuleSources sources;

    @Override
    public Integer call() {
        RuleSet set = sources.load(spec.commandLine().getErr());
        Rule rule = set.find(id).orElseThrow(() -> new UserError("no rule '" + id + "'; 'egress rules list' shows them"));
        RuleDescriptor r = rule.descriptor();
        // Rule files may come with the pull request: each line of their text is escaped (see SafeText).
        PrintWriter printer = spec.commandLine().getOut();
        Consumer<String> out = text -> text.lines().forEach(line -> printer.println(SafeText.forTerminal(line)));
        out.accept(r.id() + " " + r.name() + " (" + r.severity().id() + ")");
        out.accept(r.title());
        printer.println();
        out.accept(r.description().strip());
        if (!r.remediation().isBlank()) {
            printer.println();
            printer.println("Remediation:");
            out.accept(r.remediation().strip());
        }
        if (r.helpUri() != null && !r.helpUri().isBlank()) {
            printer.println();
            out.accept("More: " + r.helpUri());
        }
        if (!r.tags().isEmpty()) {
            out.accept("Tags: " + String.join(", ", r.tags()));
        }
        printer.flush();
        return ExitCode.CLEAN;
    }
}
