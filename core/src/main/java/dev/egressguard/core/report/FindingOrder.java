package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The one order reports list findings in: by file, line, column, rule, resource. Stable across runs. */
final class FindingOrder implements Comparator<Finding> {

    private final DisplayPaths paths;

    private FindingOrder(DisplayPaths paths) {
        this.paths = paths;
    }

    static List<Finding> sorted(List<Finding> findings, DisplayPaths paths) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(new FindingOrder(paths));
        return Collections.unmodifiableList(sorted);
    }

    /**
     * Findings without a file last. Written out rather than chained with {@code Comparator.comparing}:
     * each link of such a chain is a lambda of the JDK's, which a cold run spins a class for (the
     * class-data archive keeps only the application's lambdas), and every report sorts its findings.
     */
    @Override
    public int compare(Finding a, Finding b) {
        SourceLocation at = a.location();
        SourceLocation bt = b.location();
        String af = paths.display(at);
        String bf = paths.display(bt);
        int c = Boolean.compare(af.isEmpty(), bf.isEmpty());
        if (c == 0) {
            c = af.compareTo(bf);
        }
        if (c == 0) {
            c = Integer.compare(at.line(), bt.line());
        }
        if (c == 0) {
            c = Integer.compare(at.column(), bt.column());
        }
        if (c == 0) {
            c = a.ruleId().compareTo(b.ruleId());
        }
        return c != 0 ? c : a.resourceId().compareTo(b.resourceId());
    }
}
