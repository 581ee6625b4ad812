package dev.egressguard.cli;

import dev.egressguard.core.engine.RuleDescriptor;
import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code egress rules show ID}: a rule's documentation, as the reports link to it. */
@Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
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
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.id() + " " + r.name() + " (" + r.severity().id() + ")");
        out.println(r.title());
        out.println();
        out.println(r.description().strip());
        if (!r.remediation().isBlank()) {
            out.println();
            out.println("Remediation:");
            out.println(r.remediation().strip());
        }
        if (r.helpUri() != null && !r.helpUri().isBlank()) {
            out.println();
            out.println("More: " + r.helpUri());
        }
        if (!r.tags().isEmpty()) {
            out.println("Tags: " + String.join(", ", r.tags()));
        }
        out.flush();
        return ExitCode.CLEAN;
    }
}
