package dev.egressguard.core.report;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.AsciiCase;
import dev.egressguard.core.source.Diagnostic;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

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
        int resources = distinctResources(report.evaluations(), report.findings());
        return new ReportSummary(
                report.count(Outcome.FAIL, Severity.ERROR),
                report.count(Outcome.FAIL, Severity.WARNING),
                report.count(Outcome.FAIL, Severity.NOTE),
                unknown, suppressed, passed, report.evaluations().size(),
                report.inputs().size(), resources, report.rules().size(),
                countDiagnostics(report, Diagnostic.Level.ERROR),
                countDiagnostics(report, Diagnostic.Level.WARNING),
                countDiagnostics(report, Diagnostic.Level.INFO),
                report.requiredParametersWithoutValue());
    }

    /**
     * How many resources the evaluations and findings are of, ids compared ignoring case as ARM
     * compares them. Each rule's evaluation of a resource carries the resource's id, and one
     * resource's evaluations follow each other (the engine runs every rule on one resource before
     * the next), so an id the same as the one before is not folded again.
     *
     * <p>At 100,000 resources this is the largest part of a summary, made at the end of a run when
     * only one thread is left working: from {@value #PARALLEL_FOLDS} keys on, each core folds a
     * slice of them into a set of its own, and the sets, whose folded hashes are already worked
     * out, are merged.
     */
    static int distinctResources(List<Evaluation> evaluations, List<Finding> findings) {
        int keys = evaluations.size() + findings.size();
        if (keys < PARALLEL_FOLDS) {
            return folded(evaluations, findings, 0, keys).size();
        }
        int slices = Math.max(2, 4 * ForkJoinPool.getCommonPoolParallelism());
        List<Set<Folded>> parts = IntStream.range(0, slices).parallel()
                .mapToObj(i -> folded(evaluations, findings, (int) ((long) keys * i / slices),
                        (int) ((long) keys * (i + 1) / slices)))
                .toList();
        Set<Folded> all = new HashSet<>(Math.max(16, (int) (keys / 0.75f) + 1));
        for (Set<Folded> part : parts) {
            all.addAll(part);
        }
        return all.size();
    }

    /** The folded keys of the evaluations then findings at positions {@code from} (inclusive) to {@code to}. */
    private static Set<Folded> folded(List<Evaluation> evaluations, List<Finding> findings, int from, int to) {
        Set<Folded> set = new HashSet<>();
        String previous = null;
        for (int i = from; i < to; i++) {
            String key;
            if (i < evaluations.size()) {
                Evaluation e = evaluations.get(i);
                key = resourceKey(e.resourceId(), e.resourceType(), e.resourceName());
            } else {
                Finding f = findings.get(i - evaluations.size());
                key = resourceKey(f.resourceId(), f.resourceType(), f.resourceName());
            }
            if (key != previous) { // the same instance: the same resource's next evaluation
                set.add(Folded.of(key));
                previous = key;
            }
        }
        return set;
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
            long h = AsciiCase.lowerHash(key, 0, 0);
            return h == AsciiCase.NOT_ASCII ? null : new Folded(key, true, (int) h);
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
