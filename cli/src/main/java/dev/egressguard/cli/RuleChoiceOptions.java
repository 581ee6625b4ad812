package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Severity;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which of the loaded rules run and how: shared by {@code verify}, {@code audit} and
 * {@code rules test}, so that a rule tested with its fixtures behaves as it does in a build.
 */
class RuleChoiceOptions {

    @Option(names = "--no-built-in-rules", description = "Leave the built-in pack (EG001-EG006) out.")
    boolean noBuiltInRules;

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "A rule id or name that does not run (repeatable, or comma-separated).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Overrides a rule's severity: error, warning or note (repeatable).")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A rule setting, e.g. allowFirewallEgress=true (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    /** Adds the choices to the builder; a severity that is not one is a usage error. */
    EgressGuard.Builder applyTo(EgressGuard.Builder builder, CommandSpec spec) {
        builder.builtInRules(!noBuiltInRules).disableRules(new LinkedHashSet<>(disabled));
        for (Map.Entry<String, String> e : severities.entrySet()) {
            Severity s = Severity.parse(e.getValue());
            if (s == null) {
                throw new ParameterException(spec.commandLine(), "--severity " + e.getKey() + "=" + e.getValue()
                        + ": '" + e.getValue() + "' is not a severity; use error, warning or note");
            }
            builder.severity(e.getKey(), s);
        }
        options.forEach(builder::option);
        return builder;
    }
}
