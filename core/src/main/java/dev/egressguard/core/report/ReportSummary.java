package dev.egressguard.core.report;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The counts every reporter shows, computed once so that the console, JSON, Markdown and the
 * fail decision never disagree. Suppressed findings count only in {@code suppressed}.
 */
record ReportSummary(long failedError, long failedWarning, long failedNote, long unknown, long suppressed,
                            long passed, long evaluations, int files, int resources, int rules,
                            long diagnosticErrors, long diagnosticWarnings, long diagnosticInfos,
                            int requiredParametersWithoutValue) {

    /**
     * The summary last computed and its report: the reporters of one run (JSON, console,
     * Markdown, the fail decision) each ask for the same report's, and at 100,000 resources each
     * computation lower-cases some 160,000 ids. Reports are immutable, so one by identity is the
     * same summary.
     */
    private static volatile Computed last;

    /** From this many distinct ids on, their case is folded on every core. */
    static final int PARALLEL_FOLDS = 20_000;

    private record Computed(Report report, ReportSummary summary) {
    }

    public static ReportSummary of(Report report) {
        Computed memo = last;
        if (memo != null && memo.report() == report) {
            return memo.summary();
        }
        ReportSummary summary = compute(report);
        last = new Computed(report, summary);
        return summary;
    }

    private static ReportSummary compute(Report report) {
        long unknown = report.activeFindings().stream().filter(f -> f.outcome() == Outcome.UNKNOWN).count();
        long suppressed = report.findings().stream().filter(Finding::isSuppressed).count();
        long passed = report.evaluations().stream().filter(e -> e.outcome() == Outcome.PASS).count();
        // Each rule's evaluation of a resource carries that resource's id: the exact spellings are
        // collected first (their hash codes are cached), and only those are lower-cased.
        Set<String> spelled = new HashSet<>();
        for (Evaluation e : report.evaluations()) {
            spelled.add(resourceKey(e.resourceId(), e.resourceType(), e.resourceName()));
        }
        for (Finding f : report.findings()) {
            spelled.add(resourceKey(f.resourceId(), f.resourceType(), f.resourceName()));
        }
        Set<Folded> resources;
        if (spelled.size() < PARALLEL_FOLDS) {
            resources = new HashSet<>();
            for (String key : spelled) {
                resources.add(Folded.of(key));
            }
        } else {
            // Folding the case of 100,000 long ids is the largest part of a summary, done at the end
            // of a run when only this thread is left working: the other cores fold too.
            resources = spelled.parallelStream().map(Folded::of).collect(Collectors.toCollection(HashSet::new));
        }
        return new ReportSummary(
                report.count(Outcome.FAIL, Severity.ERROR),
                report.count(Outcome.FAIL, Severity.WARNING),
                report.count(Outcome.FAIL, Severity.NOTE),
                unknown, suppressed, passed, report.evaluations().size(),
                report.inputs().size(), resources.size(), report.rules().size(),
                countDiagnostics(report, Diagnostic.Level.ERROR),
                countDiagnostics(report, Diagnostic.Level.WARNING),
                countDiagnostics(report, Diagnostic.Level.INFO),
                report.requiredParametersWithoutValue());
    }

    /**
     * A key as its lower-cased form ({@link Locale#ROOT}) compares, without making that copy for an
     * ASCII key (nearly every id): {@code text} is the key itself when it is ASCII, else its
     * lower-cased form; {@code ascii} says that ASCII case is still to be ignored. Lower-cased
     * forms that are ASCII are equal exactly when their texts are equal ignoring ASCII case, and
     * an ASCII one never equals one that is not.
     */
    record Folded(String text, boolean ascii, int hash) {

        static Folded of(String key) {
            Folded ascii = asciiFolded(key);
            if (ascii != null) {
                return ascii;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            ascii = asciiFolded(lower);
            return ascii != null ? ascii : new Folded(lower, false, lower.hashCode());
        }

        /**
         * The key with String.hashCode of its lower-cased form, worked out in the one pass that
         * finds it is ASCII; null for a key that is not.
         */
        private static Folded asciiFolded(String key) {
            int h = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c >= 0x80) {
                    return null;
                }
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            return new Folded(key, true, h);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Folded f && f.hash == hash && f.ascii == ascii
                    && (ascii ? f.text.length() == text.length() && f.text.regionMatches(true, 0, text, 0, text.length())
                    : f.text.equals(text));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Active FAIL findings of every severity. */
    public long failed() {
        return failedError + failedWarning + failedNote;
    }

    /** Ids are case-insensitive in ARM; a resource without an id is known by type and name. */
    private static String resourceKey(String id, String type, String name) {
        return id == null || id.isEmpty() ? type + "|" + name : id;
    }

    private static long countDiagnostics(Report report, Diagnostic.Level level) {
        return report.diagnostics().stream().filter(d -> d.level() == level).count();
    }
}
