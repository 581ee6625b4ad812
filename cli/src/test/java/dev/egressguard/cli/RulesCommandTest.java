package dev.egressguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    @TempDir
    Path dir;

    @Test
    void listShowsTheBuiltInPackOneRuleALine() {
        Run run = Run.egress("rules", "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l).startsWith("EG001").contains("error")
                .contains("no-instance-public-ip"));
        assertThat(run.out()).contains("EG002", "EG003", "EG004");
    }

    @Test
    void listAddsCustomRulesAndCanLeaveOutTheBuiltInOnes() throws Exception {
        Files.writeString(dir.resolve("custom.yaml"), """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: ACME001
                    name: tagged-subnets
                    title: Subnets carry an owner tag
                    severity: note
                    select:
                      type: Microsoft.Network/virtualNetworks/subnets
                    assert:
                      field: tags.owner
                      exists: true
                    message: "Subnet '{name}' has no owner tag."
                """);

        Run run = Run.egress("rules", "list", "--no-built-in-rules", "--rules", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ACME001").contains("note").contains("tagged-subnets")
                .doesNotContain("EG001");
    }

    @Test
    void aBrokenRuleFileIsReportedWithItsLocationAndExitCode2() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: ACME002
                    severity: fatal
                """);

        Run run = Run.egress("rules", "list", "--rules", dir.resolve("broken.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.yaml:").contains("error");
        assertThat(run.out()).contains("EG001");
    }

    @Test
    void showPrintsARuleByIdOrName() {
        Run byId = Run.egress("rules", "show", "EG002");
        Run byName = Run.egress("rules", "show", "nat-gateway-on-node-subnets");

        assertThat(byId.exitCode()).isZero();
        assertThat(byId.out()).startsWith("EG002 nat-gateway-on-node-subnets (error)").contains("Remediation:");
        assertThat(byName.out()).isEqualTo(byId.out());
    }

    @Test
    void showOfAnUnknownRuleSaysSoWithExitCode2() {
        Run run = Run.egress("rules", "show", "EG999");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("egress: no rule 'EG999'; 'egress rules list' shows them" + System.lineSeparator());
    }
}
