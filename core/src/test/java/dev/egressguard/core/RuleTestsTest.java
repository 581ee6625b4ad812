package dev.egressguard.core;

import dev.egressguard.core.ruletest.RuleTestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** EgressGuard.testRules: a user's rule directory and its tests/ cases, through the real evaluator. */
class RuleTestsTest {

    static final String RULE = """
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
            """;

    static String template(boolean publicIp) {
        String ipConfiguration = publicIp
                ? "\"publicIPAddress\": {\"id\": \"[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]\"}, "
                : "";
        return """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {"nicName": {"type": "string", "defaultValue": "nic1"}},
                  "resources": [{
                    "type": "Microsoft.Network/networkInterfaces",
                    "apiVersion": "2023-09-01",
                    "name": "[parameters('nicName')]",
                    "location": "[resourceGroup().location]",
                    "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {%s"privateIPAllocationMethod": "Dynamic"}}]}
                  }]
                }
                """.formatted(ipConfiguration);
    }

    static void ruleDirectory(Path dir, String expectedForPublicIp) throws Exception {
        Files.writeString(dir.resolve("acme.yaml"), RULE);
        Path publicIp = Files.createDirectories(dir.resolve("tests/public-ip"));
        Files.writeString(publicIp.resolve("template.json"), template(true));
        Files.writeString(publicIp.resolve("expected.yaml"), expectedForPublicIp);
        Path clean = Files.createDirectories(dir.resolve("tests/clean"));
        Files.writeString(clean.resolve("main.json"), template(false));
        Files.writeString(clean.resolve("expected.yaml"), "none\n");
    }

    @Test
    void casesWhoseFindingsAreTheExpectedOnesPass(@TempDir Path dir) throws Exception {
        ruleDirectory(dir, "- {rule: ACME001, outcome: FAIL, resource: nic1}\n");

        RuleTestResult result = EgressGuard.builder().builtInRules(false).build().testRules(dir);

        assertThat(result.passed()).as(result.describe()).isTrue();
        assertThat(result.count(RuleTestResult.Status.PASSED)).isEqualTo(2);
    }

    @Test
    void aCaseMissingAnExpectedFindingFailsAndSaysWhich(@TempDir Path dir) throws Exception {
        ruleDirectory(dir, "- {rule: ACME001, outcome: FAIL, resource: nic2}\n");

        RuleTestResult result = EgressGuard.builder().builtInRules(false).build().testRules(dir);

        assertThat(result.passed()).isFalse();
        assertThat(result.describe()).contains("FAILED public-ip").contains("missing:").contains("nic2")
                .contains("unexpected:").contains("nic1");
    }
}
