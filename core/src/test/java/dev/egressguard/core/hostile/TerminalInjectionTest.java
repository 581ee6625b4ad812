package dev.egressguard.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.report.ConsoleReporter;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.SarifReporter;
import dev.egressguard.core.report.ToolInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names from a pull request reach the console and CI logs. Whatever they hold (a newline that
 * starts a GitHub workflow command, ESC and OSC sequences, BEL, C1 controls, bidi overrides), each
 * console line shows them escaped, the line stays one line, and SARIF names the file with a valid
 * URI reference.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminalInjectionTest {

    @TempDir
    Path dir;

    private Report verify(HostileProject project) {
        return project.rules(project.write("rules/subnets.yaml", HostileProject.SUBNET_RULE)).verify();
    }

    @Test
    void aNewlineInASubnetNameCannotForgeAWorkflowCommand() {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", HostileProject.subnetNamed("x\\n::error title=forged::owned"));

        Report report = verify(project);
        List<String> console = new ConsoleReporter(new DisplayPaths(dir), false).lines(report);
        String explanation = FailDecision.decide(report, FailPolicy.DEFAULT, new DisplayPaths(dir)).explanation();

        assertThat(console.get(0)).startsWith("infra/main.json:2:")
                .endsWith(": error HOST1 subnet 'x\\n::error title=forged::owned' has no NAT gateway");
        assertThat(explanation).contains("HOST1 error on subnet 'x\\n::error title=forged::owned' of vnet 'vnet' at infra/main.json:2:")
                .doesNotContain("\n");
        assertThat(console).noneMatch(line -> line.contains("\n") || line.stripLeading().startsWith("::"));
        HostileProject.assertControlChecked(report);
    }

    @Test
    void escapeSequencesBellC1AndBidiShowEscaped() {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", HostileProject.subnetNamed(
                "a\\u001b[2J\\u001b]8;;evil\\u0007b\\u009b31m\\u202egpj.exe\\u2066\\u200f\\u061c"));

        Report report = verify(project);
        List<String> console = new ConsoleReporter(new DisplayPaths(dir), true).lines(report);

        assertThat(console).anySatisfy(line -> assertThat(line).endsWith(" HOST1 subnet 'a\\u001b[2J\\u001b]8;;evil"
                + "\\u0007b\\u009b31m\\u202egpj.exe\\u2066\\u200f\\u061c' has no NAT gateway"));
        // Colour is on: the only ESC left are the reporter's own SGR codes.
        assertThat(String.join("\n", console).replaceAll("\u001b\\[[0-9;]*m", ""))
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
    }

    @Test
    void aFileNameCannotStartACommandAndItsSarifUriIsAValidReference() throws Exception {
        HostileProject project = new HostileProject(dir);
        String fileName = "::error title=f::x #1 %41.json";
        project.template(fileName, HostileProject.subnetNamed("s"));

        Report report = verify(project);
        List<String> console = new ConsoleReporter(new DisplayPaths(dir), false).lines(report);
        JsonNode sarif = new ObjectMapper().readTree(new SarifReporter(ToolInfo.current(), new DisplayPaths(dir))
                .toSarif(report).toString());

        assertThat(console.get(0)).startsWith("\\u003a:error title=f::x #1 %41.json:2:")
                .endsWith(": error HOST1 subnet 's' has no NAT gateway");
        List<String> uris = sarif.findValues("uri").stream().map(JsonNode::asText)
                .filter(u -> u.contains("error")).toList();
        assertThat(uris).containsExactly("%3A%3Aerror%20title=f%3A%3Ax%20%231%20%2541.json");
        URI uri = URI.create(uris.get(0));
        assertThat(uri.getScheme()).isNull();
        assertThat(uri.getPath()).isEqualTo(fileName);
    }

    @Test
    void azurePipelinesCommandsAreBrokenAnywhereInALine() {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", HostileProject.subnetNamed("##vso[task.setvariable variable=x]y"));

        Report report = verify(project);
        List<String> console = new ConsoleReporter(new DisplayPaths(dir), false).lines(report);

        assertThat(console.get(0)).startsWith("infra/main.json:2:")
                .endsWith(": error HOST1 subnet '#\\u0023vso[task.setvariable variable=x]y' has no NAT gateway");
    }
}
