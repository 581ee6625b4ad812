package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;

import java.util.Comparator;
import java.util.List;

/** The one order reports list findings in: by file, line, column, rule, resource. Stable across runs. */
final class FindingOrder {

    private FindingOrder() {
    }

    static List<Finding> sorted(List<Finding> findings, DisplayPaths paths) {
        Comparator<Finding> order = Comparator.comparing((Finding f) -> paths.display(f.location()).isEmpty())
                .thenComparing(f -> paths.display(f.location()))
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::resourceId);
        return findings.stream().sorted(order).toList();
    }
}
