package dev.egressguard.maven;

import dev.egressguard.core.report.ConsoleReporter;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.Report;

import java.util.List;

/**
 * The text of the build failure: the compiler-style lines of what failed it
 * ({@code src/main/arm/cluster.json:12:5: error EG002 ...}); the explanation of the decision is logged above it.
 */
final class FailureMessage {

    /** Lines in the message; the build log above it lists them all. */
    static final int LISTED = 50;

    private FailureMessage() {
    }

    static String of(FailDecision decision, DisplayPaths paths) {
        Report failing = new Report(decision.failing(), List.of(), decision.inputErrors(), List.of(), List.of());
        List<String> lines = new ConsoleReporter(paths, false).lines(failing);
        // The last line is the summary of the sub-report, which would miscount; blank lines separate files.
        List<String> entries = lines.subList(0, lines.size() - 1).stream().filter(l -> !l.isBlank()).toList();
        StringBuilder sb = new StringBuilder("Egress Guard found ").append(entries.size())
                .append(entries.size() == 1 ? " problem:" : " problems:");
        entries.stream().limit(LISTED).forEach(l -> sb.append(System.lineSeparator()).append(l));
        if (entries.size() > LISTED) {
            sb.append(System.lineSeparator()).append("... and ").append(entries.size() - LISTED)
                    .append(" more (see the build log above and the reports)");
        }
        return sb.toString();
    }
}
