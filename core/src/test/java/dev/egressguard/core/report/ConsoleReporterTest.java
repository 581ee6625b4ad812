package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.egressguard.core.report.SampleReports.BASE;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReporterTest {

    private final ConsoleReporter plain = new ConsoleReporter(new DisplayPaths(BASE), false);

    @Test
    void oneLinePerFindingAndDiagnosticGroupedByFileThenASummary() {
        assertThat(plain.lines(SampleReports.cluster())).containsExactly(
                "infra/main.json:3:17: warning: parameter 'location' has no value; using the default",
                "infra/main.json:7:5: warning EG003 cluster 'aks' leaves through its load balancer",
                "",
                "infra/network.json:12:5: error EG002 subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway",
                "infra/network.json:30:9: unknown EG002 subnet 'pods': NAT gateway id depends on reference('natgw') at infra/network.json:31:22",
                "",
                "Egress Guard: 2 failed (1 error, 1 warning, 0 note), 1 unknown, 1 suppressed in 2 files, 4 resources, 3 rules; 1 input warning");
    }

    @Test
    void eachLineCarriesTheLevelABuildLogShowsItAt() {
        assertThat(plain.levelledLines(SampleReports.cluster())).extracting(ConsoleReporter.Line::level).containsExactly(
                Diagnostic.Level.WARNING, Diagnostic.Level.WARNING, Diagnostic.Level.INFO,
                Diagnostic.Level.ERROR, Diagnostic.Level.WARNING, Diagnostic.Level.INFO,
                Diagnostic.Level.INFO);
        assertThat(plain.levelledLines(SampleReports.cluster())).extracting(ConsoleReporter.Line::text)
                .isEqualTo(plain.lines(SampleReports.cluster()));
    }

    @Test
    void aFailAtItsSeverityAnUnknownAsAWarningUnlessItsRuleIsANote() {
        Finding error = SampleReports.natMissing();
        assertThat(ConsoleReporter.levelOf(error)).isEqualTo(Diagnostic.Level.ERROR);
        assertThat(ConsoleReporter.levelOf(error.withSeverity(Severity.WARNING))).isEqualTo(Diagnostic.Level.WARNING);
        assertThat(ConsoleReporter.levelOf(error.withSeverity(Severity.NOTE))).isEqualTo(Diagnostic.Level.INFO);
        Finding unknown = SampleReports.natUnknown();
        assertThat(ConsoleReporter.levelOf(unknown)).isEqualTo(Diagnostic.Level.WARNING);
        assertThat(ConsoleReporter.levelOf(unknown.withSeverity(Severity.WARNING))).isEqualTo(Diagnostic.Level.WARNING);
        assertThat(ConsoleReporter.levelOf(unknown.withSeverity(Severity.NOTE))).isEqualTo(Diagnostic.Level.INFO);
    }

    @Test
    void aCleanRunIsJustTheSummary() {
        assertThat(plain.lines(SampleReports.clean())).containsExactly(
                "Egress Guard: 0 failed (0 error, 0 warning, 0 note), 0 unknown, 0 suppressed in 1 file, 1 resource, 2 rules");
    }

    @Test
    void liveResourcesWithoutAFileAreNamedByTheirIdAndComeAfterFiles() {
        Finding live = new Finding("EG002", "nat-gateway-on-node-subnets", Severity.ERROR, Outcome.FAIL,
                "Microsoft.Network/virtualNetworks/subnets", SampleReports.SUBNET_ID, "nodes", SourceLocation.NONE,
                "", "subnet 'nodes' has no NAT gateway", "", "https://portal.azure.com/#resource" + SampleReports.SUBNET_ID, null);
        Report report = new Report(List.of(live, SampleReports.natMissing()), List.of(),
                List.of(Diagnostic.error(SourceLocation.NONE, "cannot list Microsoft.Network/natGateways: 403")),
                List.of(SampleReports.EG002), List.of());

        assertThat(plain.lines(report)).containsExactly(
                "infra/network.json:12:5: error EG002 subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway",
                "",
                "error: cannot list Microsoft.Network/natGateways: 403",
                SampleReports.SUBNET_ID + ": error EG002 subnet 'nodes' has no NAT gateway",
                "",
                "Egress Guard: 2 failed (2 error, 0 warning, 0 note), 0 unknown, 0 suppressed in 0 files, 1 resource, 1 rule; 1 input error");
    }

    @Test
    void pathsOutsideTheBaseStayAsGivenWithForwardSlashes() {
        Finding elsewhere = new Finding("EG002", null, Severity.ERROR, Outcome.FAIL, "", "", "x",
                new SourceLocation("C:\\other\\t.json", 1, 2), "", "m", "", null, null);
        Report report = new Report(List.of(elsewhere), List.of(), List.of(), List.of(), List.of());

        assertThat(plain.lines(report).get(0)).isEqualTo("C:/other/t.json:1:2: error EG002 m");
    }

    @Test
    void multiLineMessagesAndControlCharactersCannotBreakOrRecolourTheLog() {
        Finding f = new Finding("EG001", null, Severity.ERROR, Outcome.FAIL, "", "", "x",
                new SourceLocation(SampleReports.MAIN, 1, 1), "", "first line\n  second \u001b[2Jline", "", null, null);
        Report report = new Report(List.of(f), List.of(), List.of(), List.of(), List.of());

        assertThat(plain.lines(report).get(0))
                .isEqualTo("infra/main.json:1:1: error EG001 first line\\n  second \\u001b[2Jline");
    }

    @Test
    void colourOnlyWhenAsked() {
        ConsoleReporter coloured = new ConsoleReporter(new DisplayPaths(BASE), true);
        List<String> lines = coloured.lines(SampleReports.cluster());

        assertThat(lines.get(3)).isEqualTo(
                "infra/network.json:12:5: \u001b[1;31merror\u001b[0m EG002 subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway");
        assertThat(lines.get(4)).startsWith("infra/network.json:30:9: \u001b[35munknown\u001b[0m EG002 ");
        assertThat(String.join("\n", plain.lines(SampleReports.cluster()))).doesNotContain("\u001b");
    }

    @Test
    void autoColourNeedsATerminalAndRespectsNoColorAndDumbTerminals() {
        assertThat(ColorMode.AUTO.enabled(true, Map.of())).isTrue();
        assertThat(ColorMode.AUTO.enabled(false, Map.of())).isFalse();
        assertThat(ColorMode.AUTO.enabled(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(ColorMode.AUTO.enabled(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(ColorMode.ALWAYS.enabled(false, Map.of("NO_COLOR", "1"))).isTrue();
        assertThat(ColorMode.NEVER.enabled(true, Map.of())).isFalse();
        assertThat(ColorMode.parse("true")).contains(ColorMode.ALWAYS);
        assertThat(ColorMode.parse("Never")).contains(ColorMode.NEVER);
        assertThat(ColorMode.parse("sometimes")).isEmpty();
    }
}
