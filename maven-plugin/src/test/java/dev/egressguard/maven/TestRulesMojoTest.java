package dev.egressguard.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** egress:test-rules on a rule directory with one fixture. */
class TestRulesMojoTest {

    @TempDir
    Path dir;

    private final CapturingLog log = new CapturingLog();

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

    private TestRulesMojo mojo() {
        TestRulesMojo m = new TestRulesMojo();
        m.setLog(log);
        m.rules = List.of(dir.toFile(), dir.resolve("acme.yaml").toFile());
        return m;
    }

    @Test
    void theDirectoriesAmongRulesAreTested_withTheBuiltInPackBeside() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n- {rule: EG001, resource: nic1}\n");

        mojo().execute();

        assertThat(log.text()).contains("PASSED public-ip").contains("1 passed, 0 failed, 0 errors");
    }

    @Test
    void aClashWithABuiltInRuleFailsTheCase() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");

        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unexpected: EG001 FAIL nic1");
    }

    @Test
    void builtInRulesFalseLeavesThePackOut() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");
        TestRulesMojo m = mojo();
        m.builtInRules = false;

        m.execute();

        assertThat(log.text()).contains("1 passed, 0 failed, 0 errors");
    }

    @Test
    void disabledRulesSeveritiesAndOptionsApplyAsInVerify() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic1}\n");
        TestRulesMojo m = mojo();
        m.disabledRules = List.of("EG001");
        m.severities = java.util.Map.of("ACME001", "warning");
        m.options = java.util.Map.of("allowFirewallEgress", "true");

        m.execute();

        assertThat(log.text()).contains("1 passed, 0 failed, 0 errors");
        m.severities = java.util.Map.of("ACME001", "fatal");
        assertThatThrownBy(m::execute).hasMessageContaining("<severities>: 'fatal' for ACME001 is not a severity");
    }

    @Test
    void aFailingCaseFailsTheBuildWithTheDifference() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic2}\n");

        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("FAILED public-ip").hasMessageContaining("missing:");
    }

    @Test
    void skipTestsSkipsThem() throws Exception {
        ruleDirectory("- {rule: ACME001, resource: nic2}\n");
        TestRulesMojo m = mojo();
        m.skipTests = true;

        m.execute();

        assertThat(log.text()).contains("rule tests are skipped");
    }
}
