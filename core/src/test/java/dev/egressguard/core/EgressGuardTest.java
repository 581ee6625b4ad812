package dev.egressguard.core;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EgressGuardTest {

    private static final String RULE = """
            apiVersion: egressguard.dev/v1
            kind: RuleSet
            rules:
              - id: ACME001
                name: no-scale-set-public-ip
                severity: error
                title: Scale set instances get no public IP
                select: { type: Microsoft.Compute/virtualMachineScaleSets }
                assert:
                  field: properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations[*].properties.ipConfigurations[*].properties.publicIPAddressConfiguration
                  exists: false
                message: "Scale set '{name}' gives every instance a public IP."
            """;

    private static final String SCALE_SET = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "poolName": { "type": "string", "defaultValue": "pool1" } },
              "resources": [
                {
                  "type": "Microsoft.Compute/virtualMachineScaleSets",
                  "apiVersion": "2024-07-01",
                  "name": "[parameters('poolName')]",
                  "location": "westeurope",
                  "properties": {
                    "virtualMachineProfile": {
                      "networkProfile": {
                        "networkInterfaceConfigurations": [
                          { "name": "nic", "properties": { "ipConfigurations": [
                            { "name": "ip", "properties": {
                              "publicIPAddressConfiguration": { "name": "pip" }
                            } }
                          ] } }
                        ]
                      }
                    }
                  }
                }
              ]
            }
            """;

    @Test
    void verifyFindsTheViolationWithItsPlaceAndGoesOnPastABrokenTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), RULE);
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("pool.json"), SCALE_SET);
        Files.writeString(infra.resolve("broken.json"), "{ \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"resources\": [ }");

        Report report = EgressGuard.builder().projectRoot(dir).builtInRules(false)
                .ruleSources(List.of(dir.resolve("rules.yaml"))).today(LocalDate.of(2026, 11, 25))
                .build().verify(List.of(infra));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("ACME001");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.resourceName()).isEqualTo("pool1");
            assertThat(f.message()).isEqualTo("Scale set 'pool1' gives every instance a public IP.");
            assertThat(f.location().file()).isEqualTo("infra/pool.json".replace('/', java.io.File.separatorChar));
            assertThat(f.location().line()).isGreaterThan(6);
        });
        assertThat(report.diagnostics()).filteredOn(d -> d.level() == Diagnostic.Level.ERROR)
                .singleElement().satisfies(d -> {
                    assertThat(d.location().file()).endsWith("broken.json");
                    assertThat(d.location().line()).isEqualTo(2);
                });
    }

    @Test
    void auditChecksLiveResourcesWithTheSameRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), RULE);
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("pool.json"), SCALE_SET);
        EgressGuard guard = EgressGuard.builder().projectRoot(dir).builtInRules(false)
                .ruleSources(List.of(dir.resolve("rules.yaml"))).build();
        var evaluated = dev.egressguard.core.template.TemplateEvaluator.evaluate(infra.resolve("pool.json"),
                java.util.Optional.empty(), guard.settings().context(), dir);

        Report audit = guard.audit(evaluated.resources(), List.of(Diagnostic.warning(
                dev.egressguard.core.source.SourceLocation.NONE, "subscription s2: 403, not audited")));

        assertThat(audit.findings()).extracting(Finding::ruleId, Finding::resourceName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACME001", "pool1"));
        assertThat(audit.diagnostics()).extracting(Diagnostic::message).contains("subscription s2: 403, not audited");
    }

    @Test
    void severityOverridesReachTheFindingsAndTheRuleListOfTheReport(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), RULE);
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("pool.json"), SCALE_SET);

        Report report = EgressGuard.builder().projectRoot(dir).builtInRules(false)
                .ruleSources(List.of(dir.resolve("rules.yaml")))
                .severity("ACME001", dev.egressguard.core.finding.Severity.WARNING)
                .build().verify(List.of(infra));

        assertThat(report.findings()).extracting(Finding::severity)
                .containsExactly(dev.egressguard.core.finding.Severity.WARNING);
        assertThat(report.rules()).singleElement()
                .satisfies(r -> assertThat(r.severity()).isEqualTo(dev.egressguard.core.finding.Severity.WARNING));
    }

    @Test
    void anInlineSuppressionInTheTemplateMarksTheFindingSuppressedWithItsJustification(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), RULE);
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("pool.json"), SCALE_SET.replace(
                "\"location\": \"westeurope\",",
                "\"location\": \"westeurope\", \"metadata\": { \"egressGuard\": { \"suppress\": [ "
                        + "{ \"rule\": \"ACME001\", \"justification\": \"bastion pool, ticket NET-42\" } ] } },"));

        Report report = EgressGuard.builder().projectRoot(dir).builtInRules(false)
                .ruleSources(List.of(dir.resolve("rules.yaml"))).today(LocalDate.of(2026, 11, 25))
                .build().verify(List.of(infra));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.suppression().justification()).isEqualTo("bastion pool, ticket NET-42");
        });
        assertThat(report.activeFindings()).isEmpty();
    }
}
