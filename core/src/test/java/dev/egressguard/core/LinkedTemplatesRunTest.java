package dev.egressguard.core;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template that another checked template links is checked through its parent, with the
 * parameters the parent passes, and not a second time on its own with none; unless it has a
 * parameter file of its own or the user named the file.
 */
class LinkedTemplatesRunTest {

    private static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    /** Core's tests do not see the built-in pack: the NIC part of EG001, under a name of its own. */
    private static final String PUBLIC_IP_RULE = """
            apiVersion: egressguard.dev/v1
            kind: RuleSet
            rules:
              - id: NIC1
                name: no-nic-public-ip
                title: NICs have no public IP
                severity: error
                select:
                  type: Microsoft.Network/networkInterfaces
                assert:
                  field: properties.ipConfigurations[*].properties.publicIPAddress.id
                  exists: false
                message: "'{name}' has a public IP."
            """;

    private static final String MAIN = """
            {
              "$schema": "%s",
              "contentVersion": "1.0.0.0",
              "parameters": {
                "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
                "_artifactsLocationSasToken": { "type": "securestring", "defaultValue": "" }
              },
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "nic",
                  "properties": {
                    "mode": "Incremental",
                    "templateLink": { "uri": "[uri(parameters('_artifactsLocation'), concat('nested/nic.json', parameters('_artifactsLocationSasToken')))]" },
                    "parameters": { "nicName": { "value": "web-nic" } }
                  }
                }
              ]
            }
            """.formatted(SCHEMA);

    /** A NIC named by a required parameter: on its own it would have no name. */
    private static final String NIC = """
            {
              "$schema": "%s",
              "contentVersion": "1.0.0.0",
              "parameters": { "nicName": { "type": "string" } },
              "resources": [
                {
                  "type": "Microsoft.Network/networkInterfaces",
                  "apiVersion": "2023-09-01",
                  "name": "[parameters('nicName')]",
                  "location": "westeurope",
                  "properties": {
                    "ipConfigurations": [
                      { "name": "ip", "properties": { "publicIPAddress": { "id": "/subscriptions/s/pip" } } }
                    ]
                  }
                }
              ]
            }
            """.formatted(SCHEMA);

    @TempDir
    Path root;

    private Path write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EgressGuard.Builder guard() {
        return EgressGuard.builder().projectRoot(root).builtInRules(false)
                .ruleSources(List.of(write("rules/nic.yaml", PUBLIC_IP_RULE)));
    }

    private Report verify(Path... inputs) {
        return guard().build().verify(List.of(inputs));
    }

    @Test
    void aLinkedChildIsCheckedThroughItsParentOnly_withoutSpuriousInputErrors() {
        write("infra/main.json", MAIN);
        write("infra/nested/nic.json", NIC);

        Report report = verify(root.resolve("infra"));

        assertThat(report.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
        assertThat(report.findings()).extracting(Finding::resourceName).containsExactly("web-nic");
        assertThat(report.findings()).noneMatch(f -> f.resourceName().startsWith("unknown-name"));
        assertThat(report.inputs()).containsExactly("infra/main.json");
        assertThat(report.diagnostics()).filteredOn(d -> d.level() == Diagnostic.Level.INFO)
                .extracting(Diagnostic::toString)
                .contains("infra/nested/nic.json: info: infra/nested/nic.json is checked as linked by "
                        + "infra/main.json:9:5, with the parameters passed there, and not on its own (give it a "
                        + "parameter file or name the file as an input to check it on its own too)");
    }

    @Test
    void theVerdictComesThrough_atTheChildsFileAndLine() {
        write("infra/main.json", MAIN);
        write("infra/nested/nic.json", NIC);

        Report report = verify(root.resolve("infra"));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NIC1");
            // The property that fails, in the child's own file.
            assertThat(f.location().toString()).isEqualTo("infra/nested/nic.json:13:64");
        });
    }

    @Test
    void aChildWithAParameterFileOfItsOwn_isAlsoCheckedOnItsOwn() {
        write("infra/main.json", MAIN);
        write("infra/nested/nic.json", NIC);
        write("infra/nested/nic.parameters.json", """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0", "parameters": { "nicName": { "value": "own-nic" } } }
                """);

        Report report = verify(root.resolve("infra"));

        assertThat(report.inputs()).containsExactly("infra/main.json", "infra/nested/nic.json");
        assertThat(report.findings()).extracting(Finding::resourceName).containsExactly("web-nic", "own-nic");
        assertThat(report.diagnostics()).noneMatch(d -> d.message().contains("is checked as linked by"));
    }

    @Test
    void aChildTheUserNames_isAlsoCheckedOnItsOwn() {
        write("infra/main.json", MAIN);
        Path nic = write("infra/nested/nic.json", NIC);

        Report report = verify(root.resolve("infra"), nic);

        assertThat(report.inputs()).containsExactly("infra/main.json", "infra/nested/nic.json");
    }

    @Test
    void withoutItsParent_aTemplateIsCheckedOnItsOwn() {
        write("infra/main.json", MAIN);
        write("infra/nested/nic.json", NIC);

        Report report = verify(root.resolve("infra/nested"));

        assertThat(report.inputs()).containsExactly("infra/nested/nic.json");
    }

    @Test
    void aMappedPrefixGivenToTheBuilder_leadsToTheDirectory() {
        write("infra/main.json", MAIN);
        write("infra/main.parameters.json", """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "_artifactsLocation": { "value": "https://raw.githubusercontent.com/org/repo/main/" } } }
                """);
        write("infra/nested/nic.json", NIC);

        Report unmapped = verify(root.resolve("infra"));
        Report mapped = guard().linkedTemplateLocation("https://raw.githubusercontent.com/org/repo/main/", Path.of("infra"))
                .build().verify(List.of(root.resolve("infra")));

        assertThat(unmapped.diagnostics()).anyMatch(d -> d.level() == Diagnostic.Level.WARNING
                && d.message().startsWith("linked template https://raw.githubusercontent.com/org/repo/main/nested/nic.json"
                + " is not fetched"));
        assertThat(mapped.findings()).extracting(Finding::resourceName).containsExactly("web-nic");
        assertThat(mapped.inputs()).containsExactly("infra/main.json");
    }

    @Test
    void aLinkedTemplateLocationOutsideTheProjectRoot_isAConfigurationError() throws IOException {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.createDirectories(root.resolve("elsewhere"));

        assertThatThrownBy(() -> EgressGuard.builder().projectRoot(project)
                .linkedTemplateLocation("https://example.com/t/", Path.of("../elsewhere")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linked template location https://example.com/t/: the directory " + root.resolve("elsewhere")
                        + " is outside the project root " + project + "; linked templates are only read from inside it");
        assertThatThrownBy(() -> EgressGuard.builder().projectRoot(project)
                .linkedTemplateLocation("https://example.com/t/", Path.of("missing")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is not a directory");
        assertThat(EgressGuard.builder().linkedTemplateLocation("https://example.com/t/", Path.of("."))
                .projectRoot(project).build().settings().linkLocations())
                .singleElement().satisfies(l -> assertThat(l.directory()).isEqualTo(project));
    }
}
