package dev.egressguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where reports go and what the run exits with, on reports built by hand (no engine involved). */
class ReportOutputTest {

    private static final FailPolicy ON_ERROR = FailPolicy.DEFAULT;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandSpec spec = EgressCommand.commandLine().getCommandSpec();

    private static Finding finding(String rule, Outcome outcome, Severity severity, String file, int line) {
        return new Finding(rule, "rule-" + rule, severity, outcome, "Microsoft.Compute/virtualMachineScaleSets",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/nodes",
                "nodes", new SourceLocation(file, line, 5), "/properties/x", "Scale set 'nodes' breaks " + rule,
                "Remove it.", null, null);
    }

    private static Report report(List<Finding> findings, List<Diagnostic> diagnostics) {
        return new Report(findings, List.of(), diagnostics, List.of(), List.of("src/main/arm/a.json"));
    }

    private int write(Report report, Set<Format> formats, Path output, FailPolicy policy) throws Exception {
        ReportOutput plan = ReportOutput.plan(formats, output, spec);
        ReportOptions options = ReportOptions.defaults(dir).withColor(ColorMode.NEVER);
        return plan.write(report, options, policy, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aFailingFindingPrintsACompilerStyleLineAndExits1() throws Exception {
        Report report = report(List.of(finding("EG001", Outcome.FAIL, Severity.ERROR, "src/main/arm/a.json", 3)), List.of());

        int code = write(report, EnumSet.of(Format.CONSOLE), null, ON_ERROR);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("src/main/arm/a.json:3:5: error EG001 Scale set 'nodes' breaks EG001");
        assertThat(err.toString()).contains("Egress Guard fails the build");
    }

    @Test
    void aCleanReportExits0() throws Exception {
        int code = write(report(List.of(), List.of()), EnumSet.of(Format.CONSOLE), null, ON_ERROR);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Egress Guard: 0 failed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void failOnNeverExits0WhateverTheFindings() throws Exception {
        Report report = report(List.of(finding("EG001", Outcome.FAIL, Severity.ERROR, "src/main/arm/a.json", 3)),
                List.of(Diagnostic.error(new SourceLocation("src/main/arm/b.json", 9, 7), "expected ','")));

        int code = write(report, EnumSet.of(Format.CONSOLE), null, new FailPolicy(FailPolicy.FailOn.NEVER, false));

        assertThat(code).isZero();
    }

    @Test
    void aWarningFailsOnlyAtFailOnWarning() throws Exception {
        Report report = report(List.of(finding("EG004", Outcome.FAIL, Severity.WARNING, "src/main/arm/a.json", 3)), List.of());

        assertThat(write(report, EnumSet.of(Format.CONSOLE), null, ON_ERROR)).isZero();
        assertThat(write(report, EnumSet.of(Format.CONSOLE), null, new FailPolicy(FailPolicy.FailOn.WARNING, false)))
                .isEqualTo(1);
    }

    @Test
    void anUnknownFindingFailsOnlyWithFailOnUnknown() throws Exception {
        Report report = report(List.of(finding("EG002", Outcome.UNKNOWN, Severity.ERROR, "src/main/arm/a.json", 3)), List.of());

        assertThat(write(report, EnumSet.of(Format.CONSOLE), null, ON_ERROR)).isZero();
        assertThat(write(report, EnumSet.of(Format.CONSOLE), null, new FailPolicy(FailPolicy.FailOn.ERROR, true)))
                .isEqualTo(1);
    }

    @Test
    void anInputThatCouldNotBeReadExits2EvenBesideFindings() throws Exception {
        Report report = report(List.of(finding("EG001", Outcome.FAIL, Severity.ERROR, "src/main/arm/a.json", 3)),
                List.of(Diagnostic.error(new SourceLocation("src/main/arm/b.json", 9, 7), "expected ','")));

        int code = write(report, EnumSet.of(Format.CONSOLE), null, ON_ERROR);

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("src/main/arm/b.json:9:7: error: expected ','")
                .contains("src/main/arm/a.json:3:5: error EG001");
    }

    @Test
    void oneFileFormatWithoutOutputGoesToStandardOutputAndDiagnosticsToStandardError() throws Exception {
        Report report = report(List.of(finding("EG001", Outcome.FAIL, Severity.ERROR, "src/main/arm/a.json", 3)),
                List.of(Diagnostic.warning(new SourceLocation("src/main/arm/b.json", 2, 1), "unused parameter 'x'")));

        int code = write(report, EnumSet.of(Format.JSON), null, ON_ERROR);

        assertThat(code).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("findings").get(0).get("ruleId").asText()).isEqualTo("EG001");
        assertThat(err.toString()).contains("src/main/arm/b.json:2:1: warning: unused parameter 'x'");
    }

    @Test
    void severalFormatsGoIntoTheOutputDirectoryUnderTheirConventionalNames() throws Exception {
        Path reports = dir.resolve("build/egress");

        write(report(List.of(), List.of()), EnumSet.of(Format.CONSOLE, Format.JSON, Format.SARIF, Format.JUNIT,
                Format.MARKDOWN), reports, ON_ERROR);

        assertThat(reports.resolve("egress-report.json")).isRegularFile();
        assertThat(reports.resolve("egress-report.sarif")).isRegularFile();
        assertThat(reports.resolve("TEST-egress.xml")).isRegularFile();
        assertThat(reports.resolve("egress-summary.md")).isRegularFile();
        assertThat(out.toString()).contains("Egress Guard: 0 failed");
    }

    @Test
    void oneFileFormatAndAFileNameWritesThatFile() throws Exception {
        Path file = dir.resolve("out/results.sarif");

        write(report(List.of(), List.of()), EnumSet.of(Format.SARIF), file, ON_ERROR);

        assertThat(new ObjectMapper().readTree(Files.readString(file)).get("version").asText()).isEqualTo("2.1.0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anExistingDirectoryGetsTheConventionalNameEvenForOneFormat() throws Exception {
        write(report(List.of(), List.of()), EnumSet.of(Format.JSON), dir, ON_ERROR);

        assertThat(dir.resolve("egress-report.json")).isRegularFile();
    }

    @Test
    void aNameWithoutAnExtensionIsADirectoryEvenForOneFormat() throws Exception {
        write(report(List.of(), List.of()), EnumSet.of(Format.SARIF), dir.resolve("build/egress"), ON_ERROR);

        assertThat(dir.resolve("build/egress/egress-report.sarif")).isRegularFile();
    }

    @Test
    void outputWithoutAFileFormatIsAUsageError() {
        assertThatThrownBy(() -> ReportOutput.plan(EnumSet.of(Format.CONSOLE), dir, spec))
                .isInstanceOf(ParameterException.class).hasMessageContaining("no file format asked for");
    }
}
