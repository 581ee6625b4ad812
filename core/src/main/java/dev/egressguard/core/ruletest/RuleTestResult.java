package dev.egressguard.core.ruletest;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.source.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of the rule tests of a directory: one result per case, and the problems with the
 * rules themselves (a rule file that does not load fails the run).
 */
public record RuleTestResult(List<Case> cases, List<Diagnostic> diagnostics) {

    public enum Status { PASSED, FAILED, ERROR }

    /**
     * One case: PASSED, FAILED with the differences ({@code missing: ...} expected but not
     * found, {@code unexpected: ...} found but not expected), or ERROR when it could not run.
     */
    public record Case(String name, Path directory, Status status, List<String> differences,
                       List<Diagnostic> diagnostics, List<Finding> findings) {
        public Case {
            differences = List.copyOf(differences);
            diagnostics = List.copyOf(diagnostics);
            findings = List.copyOf(findings);
        }
    }

    public RuleTestResult {
        cases = List.copyOf(cases);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean passed() {
        return diagnostics.stream().noneMatch(d -> d.level() == Diagnostic.Level.ERROR)
                && cases.stream().allMatch(c -> c.status() == Status.PASSED);
    }

    public long count(Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    /** A plain-text report: one line per case, the differences under a failed one. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        diagnostics.forEach(d -> sb.append(d).append('\n'));
        for (Case c : cases) {
            sb.append(c.status()).append(' ').append(c.name()).append('\n');
            c.diagnostics().forEach(d -> sb.append("    ").append(d).append('\n'));
            c.differences().forEach(d -> sb.append("    ").append(d).append('\n'));
        }
        sb.append(count(Status.PASSED)).append(" passed, ").append(count(Status.FAILED)).append(" failed, ")
                .append(count(Status.ERROR)).append(" errors\n");
        return sb.toString();
    }
}
