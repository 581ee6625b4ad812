package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code templateLink.uri} built the {@code _artifactsLocation} way (with {@code uri()} or
 * {@code concat()}) or under a mapped URI prefix is read from the project's files; nothing is fetched.
 */
class LinkedTemplateUriTest {

    private static final String SCHEMA = Inline.SCHEMA;

    @TempDir
    Path root;

    /** The conventional pair of parameters, and one deployment linking {@code uriExpression}. */
    private static String linking(String uriExpression, String passed) {
        return """
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
                      "name": "linked",
                      "properties": {
                        "mode": "Incremental",
                        "templateLink": { "uri": "%s" },
                        "parameters": { %s }
                      }
                    }
                  ]
                }
                """.formatted(SCHEMA, uriExpression, passed);
    }

    /** A NIC named by a required parameter, with a public IP: what a rule would catch. */
    private static final String NIC_TEMPLATE = """
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

    private static final String PASS_NIC_NAME = "\"nicName\": { \"value\": \"web-nic\" }";

    private Path write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvaluatedTemplate evaluate(String relative) {
        return evaluate(relative, Optional.empty(), List.of());
    }

    private EvaluatedTemplate evaluate(String relative, Optional<Path> parameters, List<LinkLocation> locations) {
        return TemplateEvaluator.evaluate(new TemplateInput(root.resolve(relative), parameters),
                DeploymentContext.DEFAULT, root, locations);
    }

    private static Resource nic(EvaluatedTemplate t) {
        return Fixtures.resource(t, "Microsoft.Network/networkInterfaces", "web-nic");
    }

    private static List<String> problems(EvaluatedTemplate t) {
        return t.diagnostics().stream().filter(d -> d.level() != Diagnostic.Level.INFO).map(Diagnostic::toString).toList();
    }

    @Test
    void artifactsLocationWithUri_readsTheFileBesideTheLinkingTemplate() {
        write("infra/main.json", linking("[uri(parameters('_artifactsLocation'), concat('nested/nic.json', "
                + "parameters('_artifactsLocationSasToken')))]", PASS_NIC_NAME));
        write("infra/nested/nic.json", NIC_TEMPLATE);

        EvaluatedTemplate t = evaluate("infra/main.json");

        assertThat(problems(t)).isEmpty();
        // Its own file and line, with the parameter the parent passed.
        assertThat(nic(t).provenance().location()).isEqualTo(new SourceLocation("infra/nested/nic.json", 6, 5));
        assertThat(t.linkedFiles()).containsOnlyKeys(root.resolve("infra/nested/nic.json"));
        assertThat(t.linkedFiles().get(root.resolve("infra/nested/nic.json")).toString())
                .isEqualTo("infra/main.json:9:5");
    }

    @Test
    void artifactsLocationWithConcat_readsTheFileRelativeToTheLinkingTemplate() {
        write("infra/main.json", linking("[concat(parameters('_artifactsLocation'), '/nested/nic.json', "
                + "parameters('_artifactsLocationSasToken'))]", PASS_NIC_NAME));
        write("infra/nested/nic.json", NIC_TEMPLATE);

        EvaluatedTemplate t = evaluate("infra/main.json");

        assertThat(problems(t)).isEmpty();
        assertThat(nic(t).provenance().location().file()).isEqualTo("infra/nested/nic.json");
    }

    @Test
    void aSasTokenAndQueryStringAreDropped_andNeverShown() {
        write("infra/main.json", linking("[uri(parameters('_artifactsLocation'), concat('nested/missing.json', "
                + "parameters('_artifactsLocationSasToken')))]", PASS_NIC_NAME));
        write("infra/main.parameters.json", """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "_artifactsLocationSasToken": { "value": "?sv=2022-11-02&sig=s3cr3tSignature" } } }
                """);
        write("infra/nested/nic.json", NIC_TEMPLATE);
        write("infra/main2.json", linking("[uri(parameters('_artifactsLocation'), concat('nested/nic.json', "
                + "parameters('_artifactsLocationSasToken')))]", PASS_NIC_NAME));

        EvaluatedTemplate missing = evaluate("infra/main.json", Optional.of(root.resolve("infra/main.parameters.json")),
                List.of());
        EvaluatedTemplate found = evaluate("infra/main2.json", Optional.of(root.resolve("infra/main.parameters.json")),
                List.of());

        assertThat(problems(found)).isEmpty();
        assertThat(nic(found).provenance().location().file()).isEqualTo("infra/nested/nic.json");
        assertThat(problems(missing)).singleElement().asString()
                .isEqualTo("infra/main.json:9:5: warning: linked template infra/nested/missing.json does not exist "
                        + "(infra/nested/missing.json); its resources are unknown")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aLinkedTemplateLinkingFurther_resolvesRelativeToItself() {
        write("infra/main.json", linking("[uri(parameters('_artifactsLocation'), 'nested/mid.json')]", PASS_NIC_NAME));
        write("infra/nested/mid.json", """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "nicName": { "type": "string" },
                    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" }
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Resources/deployments",
                      "apiVersion": "2022-09-01",
                      "name": "leaf",
                      "properties": {
                        "mode": "Incremental",
                        "templateLink": { "uri": "[uri(parameters('_artifactsLocation'), 'leaf/nic.json')]" },
                        "parameters": { "nicName": { "value": "[parameters('nicName')]" } }
                      }
                    }
                  ]
                }
                """.formatted(SCHEMA));
        write("infra/nested/leaf/nic.json", NIC_TEMPLATE);

        EvaluatedTemplate t = evaluate("infra/main.json");

        assertThat(problems(t)).isEmpty();
        assertThat(nic(t).provenance().location().file()).isEqualTo("infra/nested/leaf/nic.json");
        assertThat(t.linkedFiles()).containsOnlyKeys(root.resolve("infra/nested/mid.json"),
                root.resolve("infra/nested/leaf/nic.json"));
    }

    @Test
    void aRelativePathChildGetsItsOwnLocation_forTheLinksItBuilds() {
        write("infra/main.json", """
                { "$schema": "%s", "contentVersion": "1.0.0.0", "resources": [
                  { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "mid",
                    "properties": { "mode": "Incremental", "templateLink": { "relativePath": "nested/mid.json" } } } ] }
                """.formatted(SCHEMA));
        write("infra/nested/mid.json", linking("[uri(deployment().properties.templateLink.uri, 'nic.json')]",
                PASS_NIC_NAME));
        write("infra/nested/nic.json", NIC_TEMPLATE);

        EvaluatedTemplate t = evaluate("infra/main.json");

        assertThat(problems(t)).isEmpty();
        assertThat(nic(t).provenance().location().file()).isEqualTo("infra/nested/nic.json");
    }

    @Test
    void aLinkClimbingOutOfTheProjectRoot_isRefusedAndNothingOfItIsRead() throws IOException {
        Path project = root.resolve("project");
        Files.createDirectories(project);
        Files.writeString(root.resolve("outside.json"), NIC_TEMPLATE);
        Path main = project.resolve("main.json");
        Files.writeString(main, linking("[uri(parameters('_artifactsLocation'), '../outside.json')]", PASS_NIC_NAME));

        EvaluatedTemplate t = TemplateEvaluator.evaluate(new TemplateInput(main, Optional.empty()),
                DeploymentContext.DEFAULT, project, List.of());

        assertThat(t.resources()).noneMatch(r -> r.isType("Microsoft.Network/networkInterfaces"));
        assertThat(problems(t)).singleElement().asString()
                .startsWith("main.json:9:5: error: linked template ../outside.json (built from "
                        + "deployment().properties.templateLink.uri) leads outside the project root ");
        assertThat(t.linkedFiles()).isEmpty();
    }

    @Test
    void aLinkToAMissingFile_isAWarningNamingTheUri() {
        write("infra/main.json", linking("[uri(parameters('_artifactsLocation'), 'nested/gone.json')]", PASS_NIC_NAME));

        EvaluatedTemplate t = evaluate("infra/main.json");

        assertThat(Fixtures.messages(t, Diagnostic.Level.WARNING)).containsExactly("infra/main.json:9:5: warning: "
                + "linked template infra/nested/gone.json does not exist (infra/nested/gone.json); its resources are unknown");
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).isEmpty();
        assertThat(Fixtures.at(Fixtures.resource(t, "Microsoft.Resources/deployments", "linked"), "properties.template"))
                .isInstanceOf(Value.Unknown.class);
    }

    @Test
    void aMappedPrefix_readsTheDirectoryItStandsFor() {
        write("infra/main.json", linking("[uri(parameters('_artifactsLocation'), concat('nested/my%20nic.json', "
                + "parameters('_artifactsLocationSasToken')))]", PASS_NIC_NAME));
        Path params = write("infra/main.parameters.json", """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "_artifactsLocation": { "value": "https://raw.githubusercontent.com/org/repo/main/infra/" },
                    "_artifactsLocationSasToken": { "value": "?token=abc" } } }
                """);
        write("infra/nested/my nic.json", NIC_TEMPLATE);
        LinkLocation repo = new LinkLocation("https://raw.githubusercontent.com/org/repo/main", root);

        EvaluatedTemplate mapped = evaluate("infra/main.json", Optional.of(params), List.of(repo));
        EvaluatedTemplate unmapped = evaluate("infra/main.json", Optional.of(params), List.of());

        assertThat(problems(mapped)).isEmpty();
        assertThat(nic(mapped).provenance().location().file()).isEqualTo("infra/nested/my nic.json");
        assertThat(Fixtures.messages(unmapped, Diagnostic.Level.WARNING)).containsExactly("infra/main.json:9:5: "
                + "warning: linked template https://raw.githubusercontent.com/org/repo/main/infra/nested/my%20nic.json is "
                + "not fetched; its resources are unknown (map its URI prefix to a project directory as a linked "
                + "template location to check it)");
    }

    @Test
    void aMappedUriMayNotClimbOutOfItsDirectory_norEncodeASeparator() {
        Files.exists(write("infra/secret.json", NIC_TEMPLATE));
        ProjectFiles files = new ProjectFiles(root, List.of(new LinkLocation("https://example.com/t/",
                root.resolve("infra/nested"))));

        assertThat(TemplateLinks.resolve("https://example.com/t/../secret.json", files))
                .isInstanceOfSatisfying(TemplateLinks.Refused.class, r -> assertThat(r.message())
                        .isEqualTo("linked template https://example.com/t/../secret.json climbs out of infra/nested, "
                                + "the directory https://example.com/t/ is mapped to; it is not read"));
        assertThat(TemplateLinks.resolve("https://example.com/t/%2E%2E/secret.json", files))
                .isInstanceOf(TemplateLinks.Refused.class);
        assertThat(TemplateLinks.resolve("https://example.com/t/a%2Fb.json", files))
                .isInstanceOf(TemplateLinks.Refused.class);
        assertThat(TemplateLinks.resolve("https://example.com/t/bad%zz.json", files))
                .isInstanceOf(TemplateLinks.Refused.class);
    }

    @Test
    void aPrefixCoversWholeSegmentsOnly_andTheLongestPrefixWins() throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        ProjectFiles files = new ProjectFiles(root, List.of(
                new LinkLocation("https://example.com/repo", root.resolve("a")),
                new LinkLocation("https://example.com/repo/deep/", root.resolve("a/b"))));

        assertThat(TemplateLinks.resolve("https://example.com/repository/x.json", files))
                .isInstanceOf(TemplateLinks.NotMapped.class);
        assertThat(TemplateLinks.resolve("https://example.com/repo/x.json?sig=1#top", files))
                .isEqualTo(new TemplateLinks.Local(root.resolve("a/x.json"), "https://example.com/repo/x.json",
                        "https://example.com/repo/x.json"));
        assertThat(TemplateLinks.resolve("https://example.com/repo/deep/x.json", files))
                .isInstanceOfSatisfying(TemplateLinks.Local.class, l -> assertThat(l.file())
                        .isEqualTo(root.resolve("a/b/x.json")));
    }

    @Test
    void theMarkerIsTheFilesPathFromTheRoot_andUriCombinesItAsAnHttpsUri() {
        ProjectFiles files = new ProjectFiles(root);
        String marker = TemplateLinks.markerOf(files, root.resolve("infra/my main.json"));

        assertThat(marker).isEqualTo("egress-guard-local:///infra/my%20main.json");
        assertThat(TemplateLinks.resolve(marker, files)).isInstanceOfSatisfying(TemplateLinks.Local.class,
                l -> assertThat(l.file()).isEqualTo(root.resolve("infra/my main.json")));
        // What uri(marker, 'x.json') gives: Java drops the empty authority.
        assertThat(TemplateLinks.resolve("egress-guard-local:/infra/x.json", files))
                .isInstanceOfSatisfying(TemplateLinks.Local.class, l -> assertThat(l.shown()).isEqualTo("infra/x.json"));
        assertThat(TemplateLinks.resolve("egress-guard-local://host/x.json", files))
                .isInstanceOf(TemplateLinks.Refused.class);
    }

    @Test
    void theMarkerNeverReachesTheRules_aPropertyBuiltFromItIsUnknown() {
        write("infra/main.json", """
                { "$schema": "%s", "contentVersion": "1.0.0.0",
                  "parameters": {
                    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" } },
                  "resources": [
                    { "type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2023-09-01",
                      "name": "vm/setup", "location": "westeurope",
                      "properties": { "settings": {
                        "fileUris": [ "[uri(parameters('_artifactsLocation'), 'scripts/setup.sh')]" ],
                        "note": "plain" } } } ] }
                """.formatted(SCHEMA));

        EvaluatedTemplate t = evaluate("infra/main.json");

        Resource ext = t.resources().stream().filter(r -> r.isType("Microsoft.Compute/virtualMachines/extensions"))
                .findFirst().orElseThrow();
        assertThat(Fixtures.at(ext, "properties.settings.fileUris.0")).isInstanceOfSatisfying(Value.Unknown.class,
                u -> assertThat(u.reason()).contains("only known at deployment"));
        assertThat(Fixtures.at(ext, "properties.settings.note")).isEqualTo(Value.of("plain"));
        assertThat(ext.body().toString()).doesNotContain(TemplateLinks.MARKER_SCHEME);
    }
}
