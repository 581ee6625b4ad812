package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a report fails the build, and a paragraph saying why that the plugin and the CLI print
 * as they stand: one line, whatever the names in it hold (see {@link SafeText#forTerminal}).
 *
 * @param fails        true when the build must fail
 * @param explanation  one paragraph naming what decided it
 * @param failing      the findings that fail the build (empty when it passes)
 * @param inputErrors  the error diagnostics that fail the build
 */
public record FailDecision(boolean fails, String explanation, List<Finding> failing, List<Diagnostic> inputErrors) {

    /**
     * Findings named in the explanation before "and N more": the console lines above it list them
     * all, so the explanation names a few and stays short.
     */
    static final int LISTED = 3;

    public FailDecision {
        failing = List.copyOf(failing);
        inputErrors = List.copyOf(inputErrors);
    }

    /**
     * What the threshold settings are called where the explanation is read: the plugin's
     * parameters or the CLI's flags, so that the hint names what the reader can type.
     */
    public record SettingNames(String failOn, String failOnUnknown) {
        public static final SettingNames MAVEN = new SettingNames("failOn", "failOnUnknown");
        public static final SettingNames CLI = new SettingNames("--fail-on", "--fail-on-unknown");
    }

    /** The decision explained in the plugin's words ({@code failOn}, {@code failOnUnknown}). */
    public static FailDecision decide(Report report, FailPolicy policy, DisplayPaths paths) {
        return decide(report, policy, paths, SettingNames.MAVEN);
    }

    public static FailDecision decide(Report report, FailPolicy policy, DisplayPaths paths, SettingNames names) {
        Optional<Severity> threshold = policy.failOn().threshold();
        ReportSummary summary = ReportSummary.of(report);
        if (threshold.isEmpty()) {
            return new FailDecision(false, "Egress Guard does not fail the build (" + names.failOn() + " is never): "
                    + counts(summary) + ".", List.of(), List.of());
        }
        List<Finding> failing = new ArrayList<>();
        for (Finding f : FindingOrder.sorted(report.activeFindings(), paths)) {
            boolean reaches = f.severity().atLeast(threshold.get());
            boolean counts = f.outcome() == Outcome.FAIL || (f.outcome() == Outcome.UNKNOWN && policy.failOnUnknown());
            if (reaches && counts) {
                failing.add(f);
            }
        }
        List<Diagnostic> inputErrors = report.diagnostics().stream()
                .filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
        if (failing.isEmpty() && inputErrors.isEmpty()) {
            return new FailDecision(false, "Egress Guard passes: no finding at or above " + policy.failOn().id()
                    + (policy.failOnUnknown() ? "" : " counting FAIL only") + " (" + counts(summary) + ").",
                    List.of(), List.of());
        }
        StringBuilder sb = new StringBuilder("Egress Guard fails the build: ");
        List<String> parts = new ArrayList<>();
        if (!failing.isEmpty()) {
            parts.add(ConsoleReporter.plural(failing.size(), "finding") + " at or above " + policy.failOn().id()
                    + (policy.failOnUnknown() ? " (unknowns included, " + names.failOnUnknown() + " is on)" : ""));
        }
        if (!inputErrors.isEmpty()) {
            // An unreadable template or a broken suppression file means the run did not check what it was asked to.
            parts.add(ConsoleReporter.plural(inputErrors.size(), "input error"));
        }
        sb.append(String.join(" and ", parts)).append(": ");
        List<String> items = new ArrayList<>();
        for (Finding f : failing.stream().limit(LISTED).toList()) {
            String where = paths.where(f.location());
            // Names and paths come from the pull request: printed as they are, they could forge log lines.
            // The owner, not the child: "EG003 error on 'ipconfig1'" twice would not say which two scale sets.
            items.add(SafeText.forTerminal(f.ruleId()) + " " + (f.outcome() == Outcome.UNKNOWN ? "unknown"
                    : f.severity().id()) + " on " + SafeText.forTerminal(FindingOwner.describe(f))
                    + (where.isEmpty() ? "" : " at " + SafeText.forTerminal(where)));
        }
        for (Diagnostic d : inputErrors.stream().limit(Math.max(0, LISTED - items.size())).toList()) {
            String where = paths.where(d.location());
            items.add((where.isEmpty() ? "" : SafeText.forTerminal(where) + ": ") + SafeText.forTerminal(d.message()));
        }
        sb.append(String.join("; ", items));
        int unlisted = failing.size() + inputErrors.size() - items.size();
        if (unlisted > 0) {
            sb.append("; and ").append(unlisted).append(" more");
        }
        sb.append(". Fix them, or suppress a finding with a justification (metadata.egressGuard.suppress in the"
                + " template or egress-suppressions.yaml), or record the current state in a baseline; "
                + names.failOn() + " and " + names.failOnUnknown() + " set the threshold.");
        return new FailDecision(true, sb.toString(), failing, inputErrors);
    }

    private static String counts(ReportSummary s) {
        return s.failed() + " failed (" + s.failedError() + " error, " + s.failedWarning() + " warning, "
                + s.failedNote() + " note), " + s.unknown() + " unknown, " + s.suppressed() + " suppressed";
    }
}
