package dev.egressguard.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI end of issue 13's hostile inputs, run as CI runs it: whatever the checkout holds, the
 * exit code is 0-2, no stack trace is printed, no file is written through a link, and every line
 * on stdout and stderr shows names escaped.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileOutputTest {

    private static final String VICTIM_TEXT = "precious, not a report\n";

    private static final String SUBNET_RULE = """
            apiVersion: egressguard.dev/v1
            kind: RuleSet
            rules:
              - id: HOST1
                name: subnets-have-a-nat-gateway
                title: Subnets have a NAT gateway
                severity: error
                select:
                  type: Microsoft.Network/virtualNetworks/subnets
                assert:
                  field: properties.natGateway
                  exists: true
                message: "subnet '{name}' has no NAT gateway"
            """;

    @TempDir
    Path tmp;

    private Path project;
    private Path victim;
    private Path rules;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        victim = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("victim.txt"), VICTIM_TEXT);
        rules = Files.writeString(tmp.resolve("subnets.yaml"), SUBNET_RULE);
    }

    private void subnetNamed(String jsonName) throws IOException {
        Files.createDirectories(project.resolve("infra"));
        Files.writeString(project.resolve("infra/main.json"), """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0", "resources": [
                  { "type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-09-01",
                    "name": "vnet/%s", "properties": { "addressPrefix": "10.0.1.0/24" } } ] }
                """.formatted(jsonName));
    }

    private Run verify(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", project.resolve("infra").toString(),
                "--base-dir", project.toString(), "--no-built-in-rules", "--rules", rules.toString(), "--color", "never"));
        args.addAll(List.of(more));
        return Run.egress(args.toArray(String[]::new));
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
    }

    private static void assertNoStackTraceAndSafeLines(Run run) {
        assertThat(run.exitCode()).isBetween(0, 2);
        for (String text : List.of(run.out(), run.err())) {
            assertThat(text).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
            assertThat(text.lines()).noneMatch(line -> line.stripLeading().startsWith("::"))
                    .noneMatch(line -> line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x202e));
        }
    }

    @Test
    void outputFileThatIsALinkIsReplacedNotWrittenThrough() throws IOException {
        subnetNamed("s");
        Path report = project.resolve("report.sarif");
        link(report, victim);

        Run run = verify("--format", "sarif", "--output", report.toString());

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        assertThat(Files.isSymbolicLink(report)).isFalse();
        assertThat(Files.readString(report)).contains("\"version\" : \"2.1.0\"");
    }

    @Test
    void outputDirectoryLinkedOutOfTheProjectIsOneLineNamingTheLink() throws IOException {
        subnetNamed("s");
        link(project.resolve("target"), tmp.resolve("outside"));

        Run run = verify("--format", "json,sarif", "--output", project.resolve("target/egress").toString());

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("egress: cannot write the report: " + project.resolve("target")
                + ": is a symbolic link inside the project to " + tmp.resolve("outside").toRealPath()
                + ", outside it; reports are not written through links: remove it or choose another output directory"
                + System.lineSeparator());
        assertThat(tmp.resolve("outside/egress")).doesNotExist();
    }

    @Test
    void aNewlineInASubnetNameIsEscapedOnStdoutAndStderr() throws IOException {
        subnetNamed("x\\n::error title=forged::owned");

        Run run = verify();

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).startsWith("infra/main.json:")
                .endsWith(": error HOST1 subnet 'x\\n::error title=forged::owned' has no NAT gateway"));
        assertThat(run.err()).contains("HOST1 error on subnet 'x\\n::error title=forged::owned' of vnet 'vnet' at infra/main.json:");
    }

    /** Found by ReportFuzzTest: a place named ":" and the separator after it made a line start with "::". */
    @Test
    void aFileNamedColonCannotStartAWorkflowCommand() throws IOException {
        // Empty: the error is about the whole file, so its place is the bare name ":".
        Files.writeString(project.resolve(":"), "");

        Run run = Run.egress("verify", project.resolve(":").toString(), "--base-dir", project.toString(),
                "--color", "never");

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).startsWith("\\u003a: error: "));
    }

    @Test
    void aLoneSurrogateCostsNoReport() throws IOException {
        subnetNamed("lone\\ud800surrogate");
        Path out = project.resolve("target/egress");

        Run run = verify("--format", "all", "--output", out.toString());

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        for (String name : List.of("egress-report.json", "egress-report.sarif", "TEST-egress.xml", "egress-summary.md")) {
            assertThat(Files.readString(out.resolve(name))).as(name).contains("lone\uFFFDsurrogate");
        }
        assertThat(run.out()).contains("subnet 'lone\uFFFDsurrogate' has no NAT gateway");
    }

    @Test
    void aSparseRuleFileIsRefusedBySizeInOneLine() throws IOException {
        subnetNamed("s");
        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(1_536L * 1024 * 1024);
        }

        Run run = verify("--rules", huge.toString());

        assertNoStackTraceAndSafeLines(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(huge + ": error: the file is 1536.0 MB; it is read only up to 8.0 MB");
    }
}
