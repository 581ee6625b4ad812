package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project directory with one hostile input and one well-formed control template beside it.
 * Every hostile test asserts the same three things: the run returns, an error names the hostile
 * file in words a person can act on, and the control template was still checked.
 */
final class HostileProject {

    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    static final String CONTROL_FILE = "control.json";
    static final String CONTROL_RESOURCE = "control-vmss";

    /** A scale set that gives each instance a public IP. */
    static final String CONTROL_TEMPLATE = """
            {
              "$schema": "%s",
              "contentVersion": "1.0.0.0",
              "resources": [
                {
                  "type": "Microsoft.Compute/virtualMachineScaleSets",
                  "apiVersion": "2023-09-01",
                  "name": "control-vmss",
                  "location": "westeurope",
                  "properties": {
                    "virtualMachineProfile": {
                      "networkProfile": {
                        "networkInterfaceConfigurations": [
                          { "name": "nic", "properties": { "ipConfigurations": [
                            { "name": "ip", "properties": { "publicIPAddressConfiguration": { "name": "pip" } } }
                          ] } }
                        ]
                      }
                    }
                  }
                }
              ]
            }
            """.formatted(SCHEMA);

    /** Selects every scale set, so the control template always has an evaluation to show for itself. */
    static final String CONTROL_RULE = """
            apiVersion: egressguard.dev/v1
            kind: RuleSet
            rules:
              - id: CTRL1
                name: scale-sets-have-a-name
                title: Scale sets have a name
                severity: note
                select:
                  type: Microsoft.Compute/virtualMachineScaleSets
                assert:
                  field: name
                  exists: true
                message: "'{name}' has no name."
            """;

    /** Fails every subnet without a NAT gateway, naming it: puts a subnet's name in every report. */
    static final String SUBNET_RULE = """
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

    /** A template with one subnet of that name, as JSON text (escapes such as {@code \\ud800} allowed). */
    static String subnetNamed(String jsonName) {
        return """
                [ { "type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-09-01",
                    "name": "vnet/%s", "properties": { "addressPrefix": "10.0.1.0/24" } } ]
                """.formatted(jsonName);
    }

    private final Path root;
    private final List<Path> ruleSources = new ArrayList<>();

    /** The control template and the control rule (core's tests do not see the built-in pack). */
    HostileProject(Path root) {
        this.root = root;
        write(CONTROL_FILE, CONTROL_TEMPLATE);
        ruleSources.add(write("rules/control.yaml", CONTROL_RULE));
    }

    Path root() {
        return root;
    }

    Path write(String relative, String text) {
        return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template whose resources array is {@code resources} (JSON text). */
    Path template(String relative, String resources) {
        return write(relative, """
                { "$schema": "%s", "contentVersion": "1.0.0.0", "resources": %s }
                """.formatted(SCHEMA, resources));
    }

    /** Makes {@code link} point at {@code target}; false where the file system does not allow it. */
    static boolean trySymlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The byte arrays one after the other: a file with bad bytes between good text. */
    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Runs these rule files beside the control rule. */
    HostileProject rules(Path... files) {
        ruleSources.addAll(List.of(files));
        return this;
    }

    Report verify() {
        return verify(b -> b);
    }

    Report verify(UnaryOperator<EgressGuard.Builder> configure) {
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root).builtInRules(false)
                .ruleSources(ruleSources);
        return configure.apply(builder).build().verify(List.of(root));
    }

    /** A symbolic link {@code link -> target}; the calling test is skipped where links cannot be made. */
    static Path symlink(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            return Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("the file system allows no symbolic links: " + e);
            return link;
        }
    }

    /** An error names {@code fileName}, says what is wrong in words, and carries no stack trace. */
    static void assertErrorNames(Report report, String fileName) {
        assertThat(report.diagnostics())
                .as("diagnostics of the run")
                .anySatisfy(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
                    assertThat(d.location().file()).endsWith(fileName);
                    assertReadable(d);
                });
    }

    /** A message for people: no stack frames, no bare exception class names. */
    static void assertReadable(Diagnostic d) {
        assertThat(d.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain("java.lang.").hasSizeLessThan(2_000);
    }

    /** The well-formed template beside the hostile one was evaluated. */
    static void assertControlChecked(Report report) {
        assertThat(report.evaluations()).as("evaluations; diagnostics were %s", report.diagnostics())
                .extracting(Evaluation::resourceName).contains(CONTROL_RESOURCE);
    }
}
