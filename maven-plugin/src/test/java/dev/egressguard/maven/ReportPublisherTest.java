package dev.egressguard.maven;

import dev.egressguard.core.engine.Finding;
import dev.egressguard.core.engine.Outcome;
import dev.egressguard.core.engine.Severity;
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
    void failingFindingsFailTheBuildWithCompilerStyleLines() {
        Report report = new Report(List.of(finding("EG002", Outcome.FAIL, Severity.ERROR, 40)), List.of(),
                List.of(), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.CONSOLE, Format.JSON), FailPolicy.DEFAULT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Egress Guard found 1 problem:")
                .hasMessageContaining("src/main/arm/cluster.json:40:11: error EG002 Subnet 'nodes' has no NAT gateway.");
        assertThat(log.text()).contains("[INFO] src/main/arm/cluster.json:40:11: error EG002")
                .contains("[ERROR] Egress Guard fails the build");
        assertThat(basedir.resolve("target/egress/egress-report.json")).isRegularFile();
    }

    @Test
    void anUnreadableInputFailsTheBuildAndIsLoggedEvenWithoutTheConsoleFormat() {
        Diagnostic broken = Diagnostic.error(new SourceLocation(template("broken.json").toString(), 9, 7),
                "expected ',' or '}' after a property");
        Report report = new Report(List.of(), List.of(), List.of(broken), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.of(Format.JSON), FailPolicy.DEFAULT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("src/main/arm/broken.json:9:7: error: expected ',' or '}' after a property");
        assertThat(log.text()).contains("[ERROR] src/main/arm/broken.json:9:7: error: expected ',' or '}'");
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
                .hasMessageContaining("src/main/arm/cluster.json:40:11: unknown EG002");
    }

    @Test
    void theFailureMessageListsAtMostFiftyLines() {
        List<Finding> many = java.util.stream.IntStream.rangeClosed(1, 60)
                .mapToObj(i -> finding("EG002", Outcome.FAIL, Severity.ERROR, i)).toList();
        Report report = new Report(many, List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> publish(report, EnumSet.noneOf(Format.class), FailPolicy.DEFAULT))
                .hasMessageContaining("Egress Guard found 60 problems:")
                .hasMessageContaining("cluster.json:50:11:")
                .hasMessageNotContaining("cluster.json:51:11:")
                .hasMessageContaining("... and 10 more");
    }
}
