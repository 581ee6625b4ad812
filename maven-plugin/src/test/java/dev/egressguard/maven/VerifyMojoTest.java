package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.Settings;
import dev.egressguard.core.finding.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goal's parameters map one to one onto the facade's settings; nothing is evaluated here. */
class VerifyMojoTest {

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    /** The mojo as Maven configures it with the defaults of its annotations. */
    private VerifyMojo mojo() {
        VerifyMojo m = new VerifyMojo();
        m.setLog(log);
        m.basedir = basedir.toFile();
        m.templateDirectory = basedir.resolve("src/main/arm").toFile();
        m.includes = new ArrayList<>(List.of("**/*.json"));
        m.reportsDirectory = basedir.resolve("target/egress").toFile();
        m.formats = new ArrayList<>(List.of("console,json,sarif,junit,markdown"));
        m.failOn = "error";
        m.builtInRules = true;
        return m;
    }

    @Test
    void parametersBecomeSettings() throws Exception {
        VerifyMojo m = mojo();
        m.subscriptionId = "11111111-2222-3333-4444-555555555555";
        m.resourceGroup = "prod-rg";
        m.location = "northeurope";
        m.tenantId = "tenant-1";
        m.rules = List.of(new File(basedir.toFile(), "rules"));
        m.disabledRules = List.of("EG001,EG004", " EG003 ");
        m.severities = Map.of("EG002", "warning");
        m.options = Map.of("allowFirewallEgress", "true");
        m.excludes = List.of("**/*.parameters.json");
        ParameterFile pair = new ParameterFile();
        pair.setTemplate(new File("src/main/arm/cluster.json"));
        pair.setParameters(new File("env/prod.json"));
        m.parameterFiles = List.of(pair);

        Settings s = m.templateSettings().build().settings();

        assertThat(s.context().subscriptionId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(s.context().resourceGroup()).isEqualTo("prod-rg");
        assertThat(s.context().location()).isEqualTo("northeurope");
        assertThat(s.context().tenantId()).isEqualTo("tenant-1");
        assertThat(s.projectRoot()).isEqualTo(basedir.toAbsolutePath().normalize());
        assertThat(s.ruleSources()).containsExactly(basedir.resolve("rules"));
        assertThat(s.builtInRules()).isTrue();
        assertThat(s.disabledRules()).containsExactlyInAnyOrder("EG001", "EG004", "EG003");
        assertThat(s.severityOverrides()).containsEntry("EG002", Severity.WARNING);
        assertThat(s.options()).containsEntry("allowFirewallEgress", "true");
        assertThat(s.includes()).containsExactly("**/*.json");
        assertThat(s.excludes()).containsExactly("**/*.parameters.json");
        assertThat(s.parameterFiles()).containsEntry(basedir.resolve("src/main/arm/cluster.json").toAbsolutePath(),
                basedir.resolve("env/prod.json").toAbsolutePath());
        assertThat(s.suppressionFile()).isNull();
    }

    @Test
    void theSuppressionFileInTheBaseDirectoryIsUsedWhenThereIsOne() throws Exception {
        Files.writeString(basedir.resolve("egress-suppressions.yaml"), "suppressions: []\n");

        Settings s = mojo().templateSettings().build().settings();

        assertThat(s.suppressionFile()).isEqualTo(basedir.resolve("egress-suppressions.yaml"));
    }

    @Test
    void anUnknownSeverityIsAConfigurationError() {
        VerifyMojo m = mojo();
        m.severities = Map.of("EG002", "fatal");

        assertThatThrownBy(m::templateSettings).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<severities>: 'fatal' for EG002 is not a severity; use error, warning or note");
    }

    @Test
    void aBadFailOnStopsTheGoalBeforeAnyWork() throws Exception {
        Files.createDirectories(basedir.resolve("src/main/arm"));
        VerifyMojo m = mojo();
        m.failOn = "sometimes";

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("egress.failOn: 'sometimes' is not one of error, warning, never");
    }

    @Test
    void aBadFormatStopsTheGoalBeforeAnyWork() {
        VerifyMojo m = mojo();
        m.formats = List.of("json", "xml");

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("egress.formats: unknown report format 'xml'");
    }

    @Test
    void skipReadsNothingAndWritesNothing() throws Exception {
        Files.createDirectories(basedir.resolve("src/main/arm"));
        VerifyMojo m = mojo();
        m.skip = true;

        m.execute();

        assertThat(log.text()).contains("Egress Guard is skipped");
        assertThat(basedir.resolve("target/egress")).doesNotExist();
    }

    @Test
    void aProjectWithoutTemplatesHasNothingToCheck() throws Exception {
        VerifyMojo m = mojo();

        m.execute();

        assertThat(log.text()).contains("No ARM templates in");
        assertThat(basedir.resolve("target/egress")).doesNotExist();
    }

    @Test
    void aMissingExtraTemplateDirectoryFailsTheGoal() {
        VerifyMojo m = mojo();
        m.templateDirectories = List.of(basedir.resolve("infra").toFile());

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage(basedir.resolve("infra") + ": no such template directory or file (templateDirectories)");
    }

    @Test
    void aConfiguredTemplateDirectoryThatDoesNotExistFailsTheGoal_aTypoIsNoPass() {
        VerifyMojo m = mojo();
        m.templateDirectory = basedir.resolve("src/main/amr").toFile();

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(basedir.resolve("src/main/amr") + ": no such template directory");
        assertThat(basedir.resolve("target/egress")).doesNotExist();
    }

    @Test
    void theDefaultTemplateDirectoryWrittenOutIsStillTheDefault() throws Exception {
        VerifyMojo m = mojo();
        m.templateDirectory = new File(basedir.toFile(), "src/main/../main/arm");

        m.execute();

        assertThat(log.text()).contains("No ARM templates in");
    }

    @Test
    void anExplicitPairWhoseTemplateIsNotCheckedFailsTheBuild() throws Exception {
        Path arm = Files.createDirectories(basedir.resolve("src/main/arm"));
        Files.writeString(arm.resolve("main.json"), "{\"$schema\": \"https://schema.management.azure.com/schemas/"
                + "2019-04-01/deploymentTemplate.json#\", \"resources\": []}");
        VerifyMojo m = mojo();
        ParameterFile pair = new ParameterFile();
        pair.setTemplate(new File("src/main/arm/mian.json"));
        pair.setParameters(new File("src/main/arm/main.params.json"));
        m.parameterFiles = List.of(pair);
        m.formats = List.of("console");

        assertThatThrownBy(m::execute).isInstanceOf(org.apache.maven.plugin.MojoFailureException.class);
        assertThat(log.text()).contains("src/main/arm/mian.json: error: parameter file src/main/arm/main.params.json is"
                + " paired with this template, which is not among the templates checked");
    }
}
