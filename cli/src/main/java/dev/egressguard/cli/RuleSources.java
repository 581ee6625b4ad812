package dev.egressguard.cli;

import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.Diagnostic;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules {@code rules list} and {@code rules show} look at: the built-in pack and any --rules. */
final class RuleSources {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file or a directory of *.yaml rule files, besides the built-in pack (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-built-in-rules", description = "Leave out the built-in pack.")
    boolean noBuiltInRules;

    /** Loads the rules; problems in rule files are printed to {@code err} and the rest loads. */
    RuleSet load(PrintWriter err) {
        RuleSet set = RuleSetLoader.load(rules, !noBuiltInRules);
        for (Diagnostic d : set.diagnostics()) {
            err.println(SafeText.forTerminal(d.toString()));
        }
        err.flush();
        return set;
    }
}
