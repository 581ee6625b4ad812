package dev.egressguard.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI end to end on a pull request whose files link outside the project: {@code egress verify}
 * and {@code egress rules test} name the link as an error (a failing exit code, never a pass), check
 * the rest, and neither the console nor a JSON or SARIF report holds anything of the outside file.
 */
class LinksOutOfTheProjectCommandTest {

    private static final String JSON_SECRET = "s3cr3t-json-4be1d07c93-do-not-leak";
    private static final String PASSWD_SECRET = "s3cr3t-passwd-5e8a2c61f0-do-not-leak";

    /** A VM whose name is its parameter, next to a NIC with a public IP that EG001 reports. */
    private static final String TEMPLATE = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "nicName": { "type": "string", "defaultValue": "default-nic" } },
              "resources": [{
                "type": "Microsoft.Network/networkInterfaces",
                "apiVersion": "2023-09-01",
                "name": "[parameters('nicName')]",
                "location": "westeurope",
                "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {
                  "publicIPAddress": {"id": "[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]"}}}]}
              }]
            }
            """;

    @TempDir
    Path tmp;

    private Path project;
    private Path outside;

    @BeforeEach
    void outsideFilesAndProject() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.parameters.json"), """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0", "parameters": { "nicName": { "value": "%s" } } }
                """.formatted(JSON_SECRET));
        Files.writeString(outside.resolve("shadow"), "root:x:0:0:" + PASSWD_SECRET + ":/root:/bin/bash\n");
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("infra"));
        Files.writeString(project.resolve("infra/main.json"), TEMPLATE);
        Files.writeString(project.resolve("infra/other.json"), TEMPLATE.replace("default-nic", "other-nic"));
    }

    @Test
    void verifyRefusesAParameterFileLinkedToOutsideJson() throws IOException {
        link(project.resolve("infra/main.parameters.json"), outside.resolve("secret.parameters.json"));

        Run run = verify();

        assertRefused(run, "infra/main.parameters.json");
        assertThat(run.out()).contains("other-nic");
        assertNoSecret(run);
    }

    @Test
    void verifyRefusesAParameterFileLinkedToAPasswdFile() throws IOException {
        link(project.resolve("infra/main.parameters.json"), outside.resolve("shadow"));

        Run run = verify();

        assertRefused(run, "infra/main.parameters.json");
        assertThat(run.out()).contains("other-nic");
        assertNoSecret(run);
    }

    @Test
    void verifyRefusesAnExplicitlyPairedParameterFileInsideTheRootThatLinksOut() throws IOException {
        link(project.resolve("infra/dev.json"), outside.resolve("secret.parameters.json"));

        Run run = verify("--parameters", project.resolve("infra/main.json") + "=" + project.resolve("infra/dev.json"));

        assertRefused(run, "infra/dev.json");
        assertNoSecret(run);
    }

    @Test
    void verifyFollowsALinkThatStaysInside() throws IOException {
        Files.createDirectories(project.resolve("shared"));
        Files.writeString(project.resolve("shared/common.parameters.json"),
                Files.readString(outside.resolve("secret.parameters.json")).replace(JSON_SECRET, "shared-nic"));
        link(project.resolve("infra/main.parameters.json"), project.resolve("shared/common.parameters.json"));

        Run run = verify();

        assertThat(run.out()).contains("shared-nic").doesNotContain("outside");
        assertThat(run.err()).doesNotContain("outside");
    }

    @Test
    void rulesTestRefusesATemplateLinkedOut() throws IOException {
        Path rules = ruleDirectory();
        Path leak = Files.createDirectories(rules.resolve("tests/leak"));
        Files.writeString(leak.resolve("expected.yaml"), "none\n");
        link(leak.resolve("template.json"), outside.resolve("shadow"));

        // The user's rule alone: the case is about the links, not about the built-in pack.
        Run run = Run.egress("rules", "test", "--no-built-in-rules", rules.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(run.out() + run.err()).contains("leak").contains("template.json").contains("outside")
                .contains("PASSED clean");
        assertNoSecret(run);
    }

    @Test
    void rulesTestRefusesAnExpectedFileLinkedOut() throws IOException {
        Path rules = ruleDirectory();
        Path leak = Files.createDirectories(rules.resolve("tests/leak"));
        Files.writeString(leak.resolve("template.json"), TEMPLATE);
        link(leak.resolve("expected.yaml"), outside.resolve("shadow"));

        // The user's rule alone: the case is about the links, not about the built-in pack.
        Run run = Run.egress("rules", "test", "--no-built-in-rules", rules.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(run.out() + run.err()).contains("expected.yaml").contains("outside").contains("PASSED clean");
        assertNoSecret(run);
    }

    private Run verify(String... more) {
        List<String> args = new ArrayList<>(List.of("verify", "--base-dir", project.toString(), "-f", "console,json,sarif",
                "-o", tmp.resolve("reports").toString()));
        args.addAll(List.of(more));
        args.add(project.resolve("infra").toString());
        return Run.egress(args.toArray(String[]::new));
    }

    /** A rule directory with one clean case, so that the run shows the other cases still ran. */
    private Path ruleDirectory() throws IOException {
        Path rules = Files.createDirectories(project.resolve("policy"));
        Files.writeString(rules.resolve("acme.yaml"), """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: ACME001
                    name: nics-have-a-name
                    title: NICs have a name
                    severity: error
                    select:
                      type: Microsoft.Network/networkInterfaces
                    assert:
                      field: name
                      exists: true
                    message: "NIC '{name}' has no name."
                """);
        Path clean = Files.createDirectories(rules.resolve("tests/clean"));
        Files.writeString(clean.resolve("template.json"), TEMPLATE);
        Files.writeString(clean.resolve("expected.yaml"), "none\n");
        return rules;
    }

    /** A failing exit code and an error line naming the file: a link out never looks like a clean pass. */
    private static void assertRefused(Run run, String file) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(run.out() + run.err()).containsPattern(java.util.regex.Pattern.quote(file)
                + ": error: .*leads outside the project root");
        assertThat(run.out() + run.err()).doesNotContain("\tat ");
    }

    private void assertNoSecret(Run run) throws IOException {
        List<String> texts = new ArrayList<>(List.of(run.out(), run.err()));
        Path reports = tmp.resolve("reports");
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                for (Path file : files.toList()) {
                    texts.add(Files.readString(file));
                }
            }
            assertThat(reports.resolve("egress-report.json")).exists();
            assertThat(reports.resolve("egress-report.sarif")).exists();
        }
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(JSON_SECRET).doesNotContain(PASSWD_SECRET)
                .doesNotContain("root:x:0:0"));
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "the file system allows symbolic links: " + e);
        }
    }
}
