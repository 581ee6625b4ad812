package dev.egressguard.maven;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a Maven user sees of a report: log lines, files, and the failure message. Reports are built by hand. */
class ReportPublisherTest {

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    private Path template(String name) {
        return basedir.resolve("src/main/arm").resolve(name);
    }

    private Finding finding(String rule, Outcome outcome, Severity severity, int line) {
        return new Finding(rule, "rule-" + rule, severity, outcome, "Microsoft.Network/virtualNetworks/subnets",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes",
                "nodes", new SourceLocation(template("cluster.json").toString(), line, 11), "/properties/natGateway",
                "Subnet 'nodes' has no NAT gateway.", "Attach one.", null, null);
    }

    private void publish(Report report, EnumSet<Format> formats, FailPolicy policy) throws Exception {
        new ReportPublisher(log, basedir).publish(report, formats, basedir.resolve("target/egress"), policy);
    }

    @Test
    void failingFindingsAreLoggedOnceAsErrorsAndTheFailureMessageOnlyCountsThem() {
        Report report = new Report(List.of(finding("EG002", Outcome.FAIL, Severity.ERROR, 40)), List.of(),
                List.of(), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.CONSOLE, Format.JSON), FailPolicy.DEFAULT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard: 1 finding at or above error fails the build; see the log above and the"
                        + " reports in target/egress.");
        assertThat(log.lines).containsOnlyOnce(
                "[ERROR] src/main/arm/cluster.json:40:11: error EG002 Subnet 'nodes' has no NAT gateway.");
        assertThat(log.lines).filteredOn(l -> l.contains("has no NAT gateway")).hasSize(1);
        assertThat(log.lines).last().asString().startsWith("[ERROR] Egress Guard fails the build: 1 finding at or"
                + " above error: EG002 error on subnet 'nodes' of vnet 'vnet' at src/main/arm/cluster.json:40:11.");
        assertThat(basedir.resolve("target/egress/egress-report.json")).isRegularFile();
    }

    @Test
    void everyFindingIsLoggedAtTheLevelOfItsSeverityEvenWhenTheBuildPasses() throws Exception {
        Report report = new Report(List.of(finding("EG002", Outcome.FAIL, Severity.ERROR, 1),
                finding("EG004", Outcome.FAIL, Severity.WARNING, 2), finding("EG005", Outcome.FAIL, Severity.NOTE, 3),
                finding("EG006", Outcome.UNKNOWN, Severity.ERROR, 4)), List.of(),
                List.of(Diagnostic.warning(new SourceLocation(template("cluster.json").toString(), 5, 1), "odd")),
                List.of(), List.of());

        publish(report, EnumSet.of(Format.CONSOLE), new FailPolicy(FailPolicy.FailOn.NEVER, false));

        assertThat(log.lines).containsSubsequence(
                "[ERROR] src/main/arm/cluster.json:1:11: error EG002 Subnet 'nodes' has no NAT gateway.",
                "[WARNING] src/main/arm/cluster.json:2:11: warning EG004 Subnet 'nodes' has no NAT gateway.",
                "[INFO] src/main/arm/cluster.json:3:11: note EG005 Subnet 'nodes' has no NAT gateway.",
                "[WARNING] src/main/arm/cluster.json:4:11: unknown EG006 Subnet 'nodes' has no NAT gateway.",
                "[WARNING] src/main/arm/cluster.json:5:1: warning: odd",
                "[INFO] ",
                "[INFO] Egress Guard: 3 failed (1 error, 1 warning, 1 note), 1 unknown, 0 suppressed in 0 files, 1 resource,"
                        + " 0 rules; 1 input warning",
                "[INFO] Egress Guard does not fail the build (failOn is never): 3 failed (1 error, 1 warning, 1 note),"
                        + " 1 unknown, 0 suppressed.");
        assertThat(log.lines).hasSize(8);
    }

    @Test
    void anUnreadableInputFailsTheBuildAndIsLoggedEvenWithoutTheConsoleFormat() {
        Diagnostic broken = Diagnostic.error(new SourceLocation(template("broken.json").toString(), 9, 7),
                "expected ',' or '}' after a property");
        Report report = new Report(List.of(), List.of(), List.of(broken), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.JSON), FailPolicy.DEFAULT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard: 1 input error fails the build; see the log above and the reports in"
                        + " target/egress.");
        assertThat(log.text()).contains("[ERROR] src/main/arm/broken.json:9:7: error: expected ',' or '}'")
                .contains("[ERROR] Egress Guard fails the build: 1 input error: src/main/arm/broken.json:9:7: expected");
    }

    @Test
    void failOnNeverWritesTheReportsAndPasses() throws Exception {
        Report report = new Report(List.of(finding("EG002", Outcome.FAIL, Severity.ERROR, 40)), List.of(),
                List.of(), List.of(), List.of());

        publish(report, EnumSet.allOf(Format.class), new FailPolicy(FailPolicy.FailOn.NEVER, false));

        assertThat(basedir.resolve("target/egress/egress-report.sarif")).isRegularFile();
        assertThat(basedir.resolve("target/egress/TEST-egress.xml")).isRegularFile();
        assertThat(basedir.resolve("target/egress/egress-summary.md")).isRegularFile();
        assertThat(log.text()).contains("does not fail the build (failOn is never)");
    }

    @Test
    void unknownsPassUnlessFailOnUnknown() throws Exception {
        Report report = new Report(List.of(finding("EG002", Outcome.UNKNOWN, Severity.ERROR, 40)), List.of(),
                List.of(), List.of(), List.of());

        publish(report, EnumSet.of(Format.CONSOLE), FailPolicy.DEFAULT);
        assertThat(log.text()).contains("unknown EG002");

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.CONSOLE), new FailPolicy(FailPolicy.FailOn.ERROR, true)))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard: 1 finding at or above error fails the build; see the log above.");
        assertThat(log.lines).contains("[ERROR] Egress Guard fails the build: 1 finding at or above error (unknowns"
                + " included, failOnUnknown is on): EG002 unknown on subnet 'nodes' of vnet 'vnet' at"
                + " src/main/arm/cluster.json:40:11. Fix them, or suppress a finding with a justification"
                + " (metadata.egressGuard.suppress in the template or egress-suppressions.yaml), or record the current"
                + " state in a baseline; failOn and failOnUnknown set the threshold.");
    }

    @Test
    void manyFindingsAndInputErrorsStillMakeAOneLineFailureMessageAndAShortSummary() {
        List<Finding> many = java.util.stream.IntStream.rangeClosed(1, 60)
                .mapToObj(i -> finding("EG002", Outcome.FAIL, Severity.ERROR, i)).toList();
        Report report = new Report(many, List.of(), List.of(Diagnostic.error(SourceLocation.NONE, "a"),
                Diagnostic.error(SourceLocation.NONE, "b")), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.CONSOLE, Format.SARIF), FailPolicy.DEFAULT))
                .hasMessage("Egress Guard: 60 findings at or above error and 2 input errors fail the build; see the log"
                        + " above and the reports in target/egress.");
        assertThat(log.lines).filteredOn(l -> l.startsWith("[ERROR] src/main/arm/cluster.json:")).hasSize(60);
        String summary = log.lines.get(log.lines.size() - 1);
        assertThat(summary).startsWith("[ERROR] Egress Guard fails the build: 60 findings at or above error and 2"
                + " input errors: ").contains("; and 59 more.");
        // It names a few and counts the rest: its length does not grow with the findings.
        assertThat(summary.split("EG002 error on ", -1)).hasSize(4);
    }

    @Test
    void sarifUrisAreRelativeToTheSourceRootTheLogToTheModule() throws Exception {
        Path module = basedir.resolve("services/api");
        Finding inModule = new Finding("EG002", "nat", Severity.ERROR, Outcome.FAIL, "T", "", "nodes",
                new SourceLocation(module.resolve("src/main/arm/x.json").toString(), 4, 2), "", "m", "", null, null);
        Report report = new Report(List.of(inModule), List.of(), List.of(), List.of(), List.of());

        new ReportPublisher(log, module, basedir).publish(report, EnumSet.of(Format.CONSOLE, Format.SARIF),
                module.resolve("target/egress"), new FailPolicy(FailPolicy.FailOn.NEVER, false));

        var run = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(module.resolve("target/egress/egress-report.sarif").toFile()).at("/runs/0");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(basedir.toUri().toString());
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("services/api/src/main/arm/x.json");
        assertThat(log.lines).contains("[ERROR] src/main/arm/x.json:4:2: error EG002 m");
    }
}
