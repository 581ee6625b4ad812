package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.report.FailPolicy.FailOn;
import static dev.egressguard.core.report.SampleReports.BASE;
import static org.assertj.core.api.Assertions.assertThat;

class FailDecisionTest {

    private final DisplayPaths paths = new DisplayPaths(BASE);

    @Test
    void errorsFailTheBuildByDefaultAndTheExplanationNamesThem() {
        FailDecision d = FailDecision.decide(SampleReports.cluster(), FailPolicy.DEFAULT, paths);

        assertThat(d.fails()).isTrue();
        assertThat(d.failing()).extracting(Finding::resourceName).containsExactly("nodes");
        assertThat(d.explanation()).startsWith("Egress Guard fails the build: 1 finding at or above error: "
                + "EG002 error on subnet 'nodes' of vnet 'cluster-vnet' at infra/network.json:12:5. Fix them");
    }

    @Test
    void warningThresholdAndUnknownsWidenWhatFails() {
        FailDecision warnings = FailDecision.decide(SampleReports.cluster(), new FailPolicy(FailOn.WARNING, false), paths);
        assertThat(warnings.failing()).extracting(Finding::resourceName).containsExactly("aks", "nodes");

        FailDecision unknowns = FailDecision.decide(SampleReports.cluster(), new FailPolicy(FailOn.ERROR, true), paths);
        assertThat(unknowns.failing()).extracting(Finding::resourceName).containsExactly("nodes", "pods");
        assertThat(unknowns.explanation()).contains("2 findings at or above error (unknowns included, failOnUnknown is on)")
                .contains("EG002 unknown on subnet 'pods' of vnet 'cluster-vnet' at infra/network.json:30:9");
    }

    @Test
    void suppressedFindingsNeverFail() {
        Report onlySuppressed = new Report(List.of(SampleReports.publicIp().withSuppression(new Finding.Suppression(
                Finding.Suppression.Kind.FILE, "legacy", SourceLocation.NONE))), List.of(), List.of(), List.of(), List.of());

        FailDecision d = FailDecision.decide(onlySuppressed, FailPolicy.DEFAULT, paths);

        assertThat(d.fails()).isFalse();
        assertThat(d.explanation()).isEqualTo("Egress Guard passes: no finding at or above error counting FAIL only "
                + "(0 failed (0 error, 0 warning, 0 note), 0 unknown, 1 suppressed).");
    }

    @Test
    void neverNeverFails() {
        FailDecision d = FailDecision.decide(SampleReports.cluster(), new FailPolicy(FailOn.NEVER, true), paths);

        assertThat(d.fails()).isFalse();
        assertThat(d.explanation()).isEqualTo("Egress Guard does not fail the build (failOn is never): "
                + "2 failed (1 error, 1 warning, 0 note), 1 unknown, 1 suppressed.");
    }

    @Test
    void anUnreadableInputFailsTheBuildBecauseItWasNotChecked() {
        Report report = new Report(List.of(), List.of(), List.of(Diagnostic.error(
                new SourceLocation(SampleReports.MAIN, 2, 1), "unexpected character '}'")), List.of(), List.of());

        FailDecision d = FailDecision.decide(report, FailPolicy.DEFAULT, paths);

        assertThat(d.fails()).isTrue();
        assertThat(d.inputErrors()).hasSize(1);
        assertThat(d.explanation()).startsWith("Egress Guard fails the build: 1 input error: "
                + "infra/main.json:2:1: unexpected character '}'.");
    }

    @Test
    void longListsAreCutSoThatTheLineStaysShort() {
        List<Finding> many = java.util.stream.IntStream.rangeClosed(1, 13).mapToObj(i -> new Finding("EG002", "n",
                dev.egressguard.core.finding.Severity.ERROR, dev.egressguard.core.finding.Outcome.FAIL, "T", "id" + i,
                "s" + i, new SourceLocation(SampleReports.NETWORK, i, 1), "", "m", "", null, null)).toList();

        FailDecision d = FailDecision.decide(new Report(many, List.of(), List.of(), List.of(), List.of()),
                FailPolicy.DEFAULT, paths);

        assertThat(d.failing()).hasSize(13);
        assertThat(d.explanation()).contains("'s3'").doesNotContain("'s4'").contains("; and 10 more.");
    }

    @Test
    void policyWordsParse() {
        assertThat(FailOn.parse("Warning")).contains(FailOn.WARNING);
        assertThat(FailOn.parse("never")).contains(FailOn.NEVER);
        assertThat(FailOn.parse("fatal")).isEmpty();
    }
}
