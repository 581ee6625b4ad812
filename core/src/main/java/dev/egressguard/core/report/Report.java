package dev.egressguard.core.report;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of one run: the findings, every evaluation, the problems met in the inputs, the
 * rules that ran and the inputs that were read. {@code requiredParametersWithoutValue} counts the
 * required template parameters that got no value (what is built from them is UNKNOWN), so that a
 * run checked without its parameters does not read like a clean one. Reporters render it;
 * nothing here is mutable.
 */
public record Report(List<Finding> findings, List<Evaluation> evaluations, List<Diagnostic> diagnostics,
                     List<RuleDescriptor> rules, List<String> inputs, int requiredParametersWithoutValue,
                     EgressMap egressMap) {

    public Report {
        egressMap = egressMap == null ? EgressMap.EMPTY : egressMap;
        findings = List.copyOf(findings);
        evaluations = List.copyOf(evaluations);
        diagnostics = List.copyOf(diagnostics);
        rules = List.copyOf(rules);
        inputs = List.copyOf(inputs);
    }

    /** A report without an egress map (nothing computed it). */
    public Report(List<Finding> findings, List<Evaluation> evaluations, List<Diagnostic> diagnostics,
                  List<RuleDescriptor> rules, List<String> inputs, int requiredParametersWithoutValue) {
        this(findings, evaluations, diagnostics, rules, inputs, requiredParametersWithoutValue, EgressMap.EMPTY);
    }

    /** A report in which every required parameter had a value (a live audit has none). */
    public Report(List<Finding> findings, List<Evaluation> evaluations, List<Diagnostic> diagnostics,
                  List<RuleDescriptor> rules, List<String> inputs) {
        this(findings, evaluations, diagnostics, rules, inputs, 0);
    }

    /** Findings that count: not suppressed, not in the baseline. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    public long count(Outcome outcome, Severity severity) {
        return activeFindings().stream().filter(f -> f.outcome() == outcome && f.severity() == severity).count();
    }

    /**
     * The same run with findings replaced (as suppressions and baselines return them) and
     * diagnostics added after the existing ones.
     */
    public Report withFindings(List<Finding> newFindings, List<Diagnostic> moreDiagnostics) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(moreDiagnostics);
        return new Report(newFindings, evaluations, all, rules, inputs, requiredParametersWithoutValue, egressMap);
    }

    /** The same run with the egress map of its resources ({@code egress map}, the Markdown summary). */
    public Report withEgressMap(EgressMap map) {
        return new Report(findings, evaluations, diagnostics, rules, inputs, requiredParametersWithoutValue, map);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
