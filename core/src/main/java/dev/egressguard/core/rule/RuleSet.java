package dev.egressguard.core.rule;

import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.source.Diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The rules that loaded, in a stable order (file load order, then line), and the problems of
 * the files: a rule with an error is left out, the others load.
 */
public record RuleSet(List<Rule> rules, List<Diagnostic> diagnostics, List<String> sources) {

    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), List.of());

    public RuleSet {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
        sources = List.copyOf(sources);
    }

    public List<RuleDescriptor> descriptors() {
        return rules.stream().map(Rule::descriptor).toList();
    }

    /** A rule by id or name, in any casing. */
    public Optional<Rule> find(String idOrName) {
        return rules.stream().filter(r -> r.id().equalsIgnoreCase(idOrName) || r.name().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
