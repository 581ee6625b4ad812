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

    private void ruleDirectory(String expected) throws Exception {
        Files.writeString(dir.resolve("acme.yaml"), """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: ACME001
                    name: no-nic-public-ip
                    title: NICs have no public IP
                    severity: error
                    select:
                      type: Microsoft.Network/networkInterfaces
                    assert:
                      field: properties.ipConfigurations[*].properties.publicIPAddress.id
                      exists: false
                    message: "NIC '{name}' has a public IP."
                """);
        Path fixture = Files.createDirectories(dir.resolve("tests/public-ip"));
        Files.writeString(fixture.resolve("template.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [{
                    "type": "Microsoft.Network/networkInterfaces",
                    "apiVersion": "2023-09-01",
                    "name": "nic1",
                    "location": "westeurope",
                    "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {
                      "publicIPAddress": {"id": "[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]"}}}]}
                  }]
                }
                """);
        Files.writeString(fixture.resolve("expected.yaml"), expected);
    }

    @Test
    void testPassesWhenTheFindingsAreTheExpectedOnes_theBuiltInPackRunsBesideByDefault() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n- {rule: EG001, resource: nic1}\n");

        Run run = Run.egress("rules", "test", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PASSED public-ip").contains("1 passed, 0 failed, 0 errors");
    }

    @Test
    void aBuiltInFindingTheCaseDoesNotExpectFailsIt_soAClashShows() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");

        Run run = Run.egress("rules", "test", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("unexpected: EG001 FAIL nic1");
    }

    @Test
    void noBuiltInRulesLeavesThePackOut() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");

        Run run = Run.egress("rules", "test", "--no-built-in-rules", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1 passed, 0 failed, 0 errors");
    }

    @Test
    void disableSeverityAndOptionApplyAsInVerify() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");

        Run disabled = Run.egress("rules", "test", "--disable", "EG001", "--severity", "ACME001=warning",
                "--option", "allowFirewallEgress=true", dir.toString());
        Run badSeverity = Run.egress("rules", "test", "--severity", "ACME001=fatal", dir.toString());

        assertThat(disabled.exitCode()).as(disabled.out() + disabled.err()).isZero();
        assertThat(badSeverity.exitCode()).isEqualTo(2);
        assertThat(badSeverity.err()).contains("--severity ACME001=fatal: 'fatal' is not a severity");
    }

    @Test
    void theOldBuiltInFlagIsStillAccepted() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n- {rule: EG001, resource: nic1}\n");

        Run run = Run.egress("rules", "test", "--built-in-rules", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void testFailsWithTheDifferenceAndExitCode1() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic2}\n");

        Run run = Run.egress("rules", "test", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED public-ip").contains("missing:").contains("unexpected:");
    }

    @Test
    void testOfAMissingDirectoryIsExitCode2() {
        Run run = Run.egress("rules", "test", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere: not a directory");
    }
}
