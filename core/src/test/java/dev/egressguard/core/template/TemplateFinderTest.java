package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateFinderTest {

    private static final String TEMPLATE = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"resources\": []}";
    private static final String PARAMETERS = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentParameters.json#\", \"parameters\": {}}";

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("infra/azuredeploy.json", TEMPLATE);
        write("infra/azuredeploy.parameters.json", PARAMETERS);
        write("infra/azuredeploy.parameters.dev.json", PARAMETERS);
        write("infra/net/main.json", TEMPLATE);
        write("infra/net/main.parameters.prod.json", PARAMETERS);
        write("infra/package.json", "{\"name\": \"tooling\"}");
        write("infra/target/copied.json", TEMPLATE);
        write("infra/node_modules/x/t.json", TEMPLATE);
        write(".git/t.json", TEMPLATE);
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsTemplatesBySchemaAndPairsParameterFilesByConvention() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root), List.of(), List.of(), Map.of(), root);

        assertThat(found.templates()).containsExactly(
                new TemplateInput(root.resolve("infra/azuredeploy.json"), Optional.of(root.resolve("infra/azuredeploy.parameters.json"))),
                new TemplateInput(root.resolve("infra/net/main.json"), Optional.empty()));
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "infra/package.json: info: not an ARM template; skipped",
                "infra/net/main.parameters.prod.json: info: environment parameter file: used only when paired"
                        + " explicitly with main.json, which is checked without parameters (pair one with --parameters"
                        + " or <parameterFiles>)");
    }

    @Test
    void aParameterFileThatPairsWithNoTemplateIsAWarningNamingTheNameItNeeds() throws IOException {
        write("quick/azuredeploy.json", TEMPLATE);
        write("quick/azuredeploy.params.json", PARAMETERS);

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("quick")), List.of(), List.of(), Map.of(), root);

        assertThat(found.templates()).containsExactly(new TemplateInput(root.resolve("quick/azuredeploy.json"), Optional.empty()));
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "quick/azuredeploy.params.json: warning: parameter file pairs with no template, so its values are not"
                        + " used: name it azuredeploy.parameters.json to go with azuredeploy.json, or pair it explicitly"
                        + " (--parameters or <parameterFiles>)");
    }

    @Test
    void aParameterFileBesideSeveralTemplatesThatNamesNoneOfThemSaysTheConvention() throws IOException {
        write("two/a.json", TEMPLATE);
        write("two/b.json", TEMPLATE);
        write("two/values.json", PARAMETERS);

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("two")), List.of(), List.of(), Map.of(), root);

        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "two/values.json: warning: parameter file pairs with no template, so its values are not used: name it"
                        + " <template>.parameters.json after the template it goes with, or pair it explicitly"
                        + " (--parameters or <parameterFiles>)");
    }

    @Test
    void anEnvironmentFileOfATemplateWithItsOwnParameterFileIsNoNews() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("infra/azuredeploy.json"),
                root.resolve("infra/azuredeploy.parameters.dev.json")), List.of(), List.of(), Map.of(), root);

        assertThat(found.diagnostics()).isEmpty();
    }

    @Test
    void anExplicitPairWhoseTemplateIsNotCheckedIsAnError() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("infra/net")), List.of(), List.of(),
                Map.of(root.resolve("infra/net/mian.json"), root.resolve("infra/net/main.parameters.prod.json")), root);

        assertThat(found.diagnostics()).extracting(Diagnostic::toString).contains(
                "infra/net/mian.json: error: parameter file infra/net/main.parameters.prod.json is paired with this"
                        + " template, which is not among the templates checked (a wrong path, or a file outside the"
                        + " inputs): its parameters are not used");
    }

    @Test
    void aDirectoryWithoutATemplateIsAWarning() throws IOException {
        write("docs/package.json", "{\"name\": \"tooling\"}");
        Files.createDirectories(root.resolve("empty"));

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("docs"), root.resolve("empty")), List.of(),
                List.of(), Map.of(), root);

        assertThat(found.templates()).isEmpty();
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "docs/package.json: info: not an ARM template; skipped",
                "docs: warning: no ARM template in this directory (1 file matched the includes, none with a"
                        + " deploymentTemplate $schema): nothing here is checked",
                "empty: warning: no ARM template in this directory (no file matched the includes): nothing here is checked");
    }

    @Test
    void aFileNamedAsAnInputThatIsNoTemplateIsAWarning() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("infra/package.json")), List.of(),
                List.of(), Map.of(), root);

        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly("infra/package.json: warning:"
                + " not an ARM template (its $schema is not a deploymentTemplate schema); skipped");
    }

    @Test
    void anExplicitPairWins_environmentFilesOnlyThatWay() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("infra/net")), List.of(), List.of(),
                Map.of(root.resolve("infra/net/main.json"), root.resolve("infra/net/main.parameters.prod.json")), root);

        assertThat(found.templates()).containsExactly(new TemplateInput(root.resolve("infra/net/main.json"),
                Optional.of(root.resolve("infra/net/main.parameters.prod.json"))));
    }

    @Test
    void includesAndExcludesAreGlobsRelativeToTheScannedDirectory() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("infra")), List.of("**/*.json"),
                List.of("net/**"), Map.of(), root);

        assertThat(found.templates()).extracting(TemplateInput::template).containsExactly(root.resolve("infra/azuredeploy.json"));
    }

    @Test
    void aMissingInputIsAnError() {
        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("nope")), List.of(), List.of(), Map.of(), root);

        assertThat(found.templates()).isEmpty();
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly("nope: error: no such file or directory");
    }

    @Test
    void aBrokenFileThatNamesTheTemplateSchemaIsStillATemplate() throws IOException {
        write("broken/main.json", "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",");

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("broken")), List.of(), List.of(), Map.of(), root);

        assertThat(found.templates()).extracting(TemplateInput::template).containsExactly(root.resolve("broken/main.json"));
    }

    @Test
    void aJsonFileThatIsNoObjectIsAnError_sinceItMayBeABrokenTemplate() throws IOException {
        write("odd/empty.json", "");
        write("odd/list.json", "[1, 2]");

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("odd")), List.of(), List.of(), Map.of(), root);

        assertThat(found.templates()).isEmpty();
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "odd/empty.json: error: the file is empty; an ARM template is a JSON object",
                "odd/list.json:1:1: error: the top-level value is an array; an ARM template or parameter file is a JSON object");
    }

    @Test
    void aFileOverAzuresSizeLimitIsNotRead() throws IOException {
        write("big/data.json", "{\"a\": \"" + "x".repeat((int) ArmJsonLoader.MAX_FILE_BYTES) + "\"}");

        TemplateFinder.Found found = TemplateFinder.find(List.of(root.resolve("big")), List.of(), List.of(), Map.of(), root);

        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly("big/data.json: error: the file is "
                + "4.0 MB; Azure accepts templates and parameter files of at most 4 MB, so it is not read");
    }
}
