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

/**
 * Names from a pull request reach the Maven log through the plugin's Log and the failure message;
 * neither may carry a line break, an escape sequence or a bidi override as it is.
 */
class HostileLogTest {

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    @Test
    void findingsDiagnosticsAndTheFailureMessageShowNamesEscaped() {
        String file = basedir.resolve("src/main/arm/main.json").toString();
        Finding finding = new Finding("EG002", "nat", Severity.ERROR, Outcome.FAIL, "Microsoft.Network/virtualNetworks/subnets",
                "/subscriptions/s/x", "x\n::error title=forged::owned", new SourceLocation(file, 3, 5), "",
                "subnet 'x\n::error title=forged::owned' has no NAT gateway", "", null, null);
        Diagnostic diagnostic = Diagnostic.warning(new SourceLocation(file, 1, 1), "parameter '\u001b]0;owned\u0007\u202e' has no value");
        Report report = new Report(List.of(finding), List.of(), List.of(diagnostic), List.of(), List.of());

        assertThatThrownBy(() -> new ReportPublisher(log, basedir).publish(report, EnumSet.of(Format.JSON),
                basedir.resolve("target/egress"), FailPolicy.DEFAULT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard: 1 finding at or above error fails the build; see the log above and the"
                        + " reports in target/egress.");

        assertThat(log.lines).contains("[WARNING] src/main/arm/main.json:1:1: warning: parameter '\\u001b]0;owned\\u0007"
                + "\\u202e' has no value");
        assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("[ERROR] Egress Guard fails the build:")
                .contains("EG002 error on 'x\\n::error title=forged::owned' at src/main/arm/main.json:3:5"));
        assertThat(log.lines).noneMatch(line -> line.contains("\n") || line.contains("\u001b") || line.contains("\u202e"));
    }

    @Test
    void everyGoalLogsThroughTheEscapingLog() {
        VerifyMojo mojo = new VerifyMojo();
        mojo.setLog(log);

        mojo.getLog().info("a\nb\u001b[31m");

        assertThat(log.lines).containsExactly("[INFO] a\\nb\\u001b[31m");
    }
}
