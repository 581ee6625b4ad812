package dev.egressguard.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EgressCommandTest {

    @Test
    void versionNamesTheBuild() {
        Run run = Run.egress("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("egress ").doesNotContain("${project.version}").contains("Java");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Run run = Run.egress("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("verify", "help", "Exit codes:", "--debug");
    }

    @Test
    void withoutACommandItPrintsItsUsage() {
        Run run = Run.egress();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: egress");
    }

    @Test
    void verifyHelpDocumentsEveryOption() {
        Run run = Run.egress("help", "verify");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--format", "--output", "--fail-on", "--fail-on-unknown", "--parameters",
                "--subscription-id", "--resource-group", "--location", "--tenant-id", "--rules", "--disable",
                "--severity", "--option", "--suppressions", "--baseline", "--debug");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        Run run = Run.egress("verify", "--no-such-option", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void verifyNeedsAPath() {
        Run run = Run.egress("verify");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = Run.egress("verify", "--format", "xml", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format: unknown report format 'xml'");
    }

    @Test
    void anUnknownFailOnLevelIsAUsageError() {
        Run run = Run.egress("verify", "--fail-on", "sometimes", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on: 'sometimes' is not one of error, warning, never");
    }

    @Test
    void anUnknownSeverityIsAUsageError() {
        Run run = Run.egress("verify", "--severity", "EG001=fatal", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'fatal' is not a severity");
    }

    @Test
    void severalFormatsNeedAnOutputDirectory() {
        Run run = Run.egress("verify", "--format", "json,sarif", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("need --output DIR");
    }

    @Test
    void debugIsAcceptedAfterTheSubcommandToo() {
        picocli.CommandLine cl = EgressCommand.commandLine();
        cl.parseArgs("verify", "--debug", "infra");

        assertThat(((EgressCommand) cl.getCommand()).debug).isTrue();
    }

    @Test
    void aRunBuildsOnlyTheCommandItRunsAndTheSameCommandAsTheWholeTree() {
        picocli.CommandLine verify = EgressCommand.commandLine("--debug", "verify", "--format", "json", "infra");
        picocli.CommandLine whole = EgressCommand.commandLine();

        assertThat(verify.getSubcommands()).containsOnlyKeys("verify");
        assertThat(whole.getSubcommands()).containsOnlyKeys("verify", "audit", "map", "rules", "help");
        assertThat(verify.getSubcommands().get("verify").getUsageMessage())
                .isEqualTo(whole.getSubcommands().get("verify").getUsageMessage());
        picocli.CommandLine map = EgressCommand.commandLine("map", "--live", "--format", "json");
        assertThat(map.getSubcommands()).containsOnlyKeys("map");
        assertThat(map.getSubcommands().get("map").getUsageMessage())
                .isEqualTo(whole.getSubcommands().get("map").getUsageMessage());
    }

    @Test
    void helpAndUnknownCommandsGetTheWholeTree() {
        assertThat(EgressCommand.commandLine("help", "verify").getSubcommands()).hasSize(5);
        assertThat(EgressCommand.commandLine("--help").getSubcommands()).hasSize(5);
        assertThat(EgressCommand.commandLine("verifyy").getSubcommands()).hasSize(5);
        assertThat(Run.egress("verifyy").err()).contains("Unmatched argument", "verify");
    }
}
