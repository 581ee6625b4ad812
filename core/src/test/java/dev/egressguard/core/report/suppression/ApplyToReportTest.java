package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The order a run applies them in: inline and file suppressions first, then the baseline. */
class ApplyToReportTest {

    @Test
    void suppressionsThenBaselineOnAWholeReport(@TempDir Path dir) throws Exception {
        Diagnostic before = Diagnostic.warning(new SourceLocation("infra/main.json", 3, 1), "from the template");
        Report raw = new Report(List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy(), Fixtures.publicIpOnWorkers()),
                List.of(new Evaluation("EG002", Fixtures.NODES_ID, "nodes", "T", SourceLocation.NONE, Outcome.FAIL)),
                List.of(before), List.of(), List.of("infra/main.json"));
        Path baselineFile = dir.resolve("egress-baseline.json");
        Baseline.write(new Report(List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy()), List.of(), List.of(),
                List.of(), List.of()), baselineFile);
        SuppressionFile file = SuppressionFile.parse("egress-suppressions.yaml",
                "suppressions:\n  - rule: EG002\n    resource: old\n    justification: legacy\n");

        Report done = Suppressions.applyTo(raw, List.of(), file, Baseline.load(baselineFile), LocalDate.of(2026, 11, 25));

        assertThat(done.findings()).extracting(f -> f.isSuppressed() ? f.suppression().kind() : null)
                .containsExactly(Finding.Suppression.Kind.BASELINE, Finding.Suppression.Kind.FILE, null);
        assertThat(done.activeFindings()).extracting(Finding::resourceName).containsExactly("workers");
        assertThat(done.evaluations()).isEqualTo(raw.evaluations());
        assertThat(done.inputs()).isEqualTo(raw.inputs());
        // The legacy finding is the file's now, but it still occurs: its baseline entry is not reported as fixed.
        assertThat(done.diagnostics()).containsExactly(before);
    }

    /**
     * A run reads the clock only for a suppression with an expiry date (a cold JVM pays tens of
     * milliseconds for the time zone), and then once, so every entry expires against the same day.
     */
    @Test
    void theDateIsReadOnlyForAnExpiryDateAndThenOnce() {
        Report raw = new Report(List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy()), List.of(), List.of(),
                List.of(), List.of("infra/main.json"));
        AtomicInteger reads = new AtomicInteger();
        Supplier<LocalDate> clock = () -> {
            reads.incrementAndGet();
            return LocalDate.of(2026, 11, 25);
        };

        Report withoutExpiry = Suppressions.applyTo(raw, List.of(), SuppressionFile.parse("egress-suppressions.yaml",
                "suppressions:\n  - rule: EG002\n    resource: old\n    justification: legacy\n"), null, clock);

        assertThat(withoutExpiry.activeFindings()).extracting(Finding::resourceName).containsExactly("nodes");
        assertThat(reads).hasValue(0);

        Report withExpiry = Suppressions.applyTo(raw, List.of(), SuppressionFile.parse("egress-suppressions.yaml",
                "suppressions:\n  - rule: EG002\n    resource: old\n    justification: legacy\n    expires: 2026-11-24\n"
                        + "  - rule: EG002\n    resource: nodes\n    justification: migrating\n    expires: 2026-11-25\n"),
                null, clock);

        assertThat(reads).hasValue(1);
        // Expired the day after its date: the legacy finding counts again, the nodes one is still suppressed.
        assertThat(withExpiry.activeFindings()).extracting(Finding::resourceName).containsExactly("old");
        assertThat(withExpiry.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("expired on 2026-11-24"));
    }
}
