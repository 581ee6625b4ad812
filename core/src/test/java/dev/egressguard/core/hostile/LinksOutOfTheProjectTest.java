package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull request controls every file inside the project root, symbolic links included:
 * {@code main.parameters.json -> /etc/shadow} must not bring the secret into a message, a
 * finding or a report. Each file the tool opens by convention, by scanning or because the
 * configuration names a path inside the root is refused when it really leads outside: an ERROR
 * naming the file (so the run fails rather than passing on what it did not read), the other
 * templates still checked. A link that stays inside the root is followed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LinksOutOfTheProjectTest {

    /** Long and unique: found anywhere in the output only if the outside file was read. */
    static final String JSON_SECRET = "s3cr3t-json-7f4c1e9a2b5d-do-not-leak";
    static final String PASSWD_SECRET = "s3cr3t-passwd-91d2e8b7c5a3-do-not-leak";
    static final String PASSWD_LINE = "root:x:0:0:" + PASSWD_SECRET + ":/root:/bin/bash\n";

    /** A parameter file whose value would become the scale set's name, and so every finding's resource. */
    static final String SECRET_PARAMETERS = """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "vmssName": { "value": "%s" } } }
            """.formatted(JSON_SECRET);

    @TempDir
    Path tmp;

    private Path outside;
    private HostileProject project;

    @BeforeEach
    void outsideFilesAndProject() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.parameters.json"), SECRET_PARAMETERS);
        Files.writeString(outside.resolve("shadow"), PASSWD_LINE);
        project = new HostileProject(Files.createDirectories(tmp.resolve("project")));
    }

    /** A scale set named by its parameter: the name shows in findings when the parameter file is read. */
    static String parameterisedTemplate() {
        return HostileProject.CONTROL_TEMPLATE
                .replace("\"contentVersion\": \"1.0.0.0\",", "\"contentVersion\": \"1.0.0.0\",\n  \"parameters\": { "
                        + "\"vmssName\": { \"type\": \"string\", \"defaultValue\": \"default-vmss\" } },")
                .replace("\"name\": \"control-vmss\"", "\"name\": \"[parameters('vmssName')]\"");
    }

    @Test
    void aParameterFileFoundByConventionThatLinksToOutsideJson() throws IOException {
        project.write("infra/main.json", parameterisedTemplate());
        link("infra/main.parameters.json", outside.resolve("secret.parameters.json"));

        Report report = project.verify();

        assertRefused(report, "main.parameters.json");
        assertControlChecked(report);
        assertThat(report.evaluations()).extracting(Evaluation::resourceName).contains("default-vmss");
        assertNoSecretAnywhere(report);
    }

    @Test
    void aParameterFileFoundByConventionThatLinksToAPasswdFile() throws IOException {
        project.write("infra/main.json", parameterisedTemplate());
        link("infra/main.parameters.json", outside.resolve("shadow"));

        Report report = project.verify();

        assertRefused(report, "main.parameters.json");
        assertControlChecked(report);
        assertNoSecretAnywhere(report);
    }

    @Test
    void anExplicitlyPairedParameterFileInsideTheRootThatLinksOut() throws IOException {
        Path template = project.write("infra/main.json", parameterisedTemplate());
        Path params = link("infra/params/dev.json", outside.resolve("secret.parameters.json"));

        Report report = project.verify(b -> b.parameterFile(template, params));

        assertRefused(report, "dev.json");
        assertControlChecked(report);
        assertNoSecretAnywhere(report);
    }

    @Test
    void anExplicitlyPairedParameterFileOutsideTheRootIsTheUsersChoice() throws IOException {
        Path template = project.write("infra/main.json", parameterisedTemplate());
        Path shared = Files.writeString(outside.resolve("shared.parameters.json"),
                SECRET_PARAMETERS.replace(JSON_SECRET, "shared-vmss"));

        Report report = project.verify(b -> b.parameterFile(template, shared));

        assertThat(report.evaluations()).extracting(Evaluation::resourceName).contains("shared-vmss");
        assertThat(report.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    @Test
    void aTemplateNamedAsAnInputThatLinksOut() throws IOException {
        Path link = link("infra/main.json", outside.resolve("shadow"));

        Report report = EgressGuard.builder().projectRoot(project.root()).builtInRules(false)
                .ruleSources(List.of(project.root().resolve("rules/control.yaml"))).build()
                .verify(List.of(link, project.root().resolve(HostileProject.CONTROL_FILE)));

        assertRefused(report, "main.json");
        assertControlChecked(report);
        assertNoSecretAnywhere(report);
    }

    @Test
    void aRuleFileInARulesDirectoryThatLinksOut() throws IOException {
        link("policy/leak.yaml", outside.resolve("shadow"));
        project.write("policy/other.yaml", HostileProject.CONTROL_RULE.replace("CTRL1", "CTRL2"));

        Report report = project.rules(project.root().resolve("policy")).verify();

        assertRefused(report, "leak.yaml");
        assertControlChecked(report);
        assertThat(report.rules()).anySatisfy(r -> assertThat(r.id()).isEqualTo("CTRL2"));
        assertNoSecretAnywhere(report);
    }

    @Test
    void aSuppressionFileThatLinksOut() throws IOException {
        Path file = link("egress-suppressions.yaml", outside.resolve("shadow"));

        Report report = project.verify(b -> b.suppressionFile(file));

        assertRefused(report, "egress-suppressions.yaml");
        assertControlChecked(report);
        assertNoSecretAnywhere(report);
    }

    @Test
    void aBaselineThatLinksOut() throws IOException {
        Path file = link("egress-baseline.json", outside.resolve("shadow"));

        Report report = project.verify(b -> b.baseline(file));

        assertRefused(report, "egress-baseline.json");
        assertControlChecked(report);
        assertNoSecretAnywhere(report);
    }

    @Test
    void aLinkThatStaysInsideTheRootIsFollowed() throws IOException {
        project.write("infra/main.json", parameterisedTemplate());
        project.write("shared/common.parameters.json", SECRET_PARAMETERS.replace(JSON_SECRET, "shared-vmss"));
        link("infra/main.parameters.json", project.root().resolve("shared/common.parameters.json"));
        project.write("policy/real.yaml", HostileProject.CONTROL_RULE.replace("CTRL1", "CTRL2"));
        link("rules/linked.yaml", project.root().resolve("policy/real.yaml"));

        Report report = project.rules(project.root().resolve("rules/linked.yaml")).verify();

        assertThat(report.evaluations()).extracting(Evaluation::resourceName).contains("shared-vmss");
        assertThat(report.rules()).anySatisfy(r -> assertThat(r.id()).isEqualTo("CTRL2"));
        assertThat(report.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    /** A symbolic link at {@code relative} in the project. */
    private Path link(String relative, Path target) {
        return HostileProject.symlink(project.root().resolve(relative), target);
    }

    /** An ERROR names the file and says it leads outside the root: never a quiet pass. */
    static void assertRefused(Report report, String fileName) {
        assertThat(report.diagnostics()).as("diagnostics of the run").anySatisfy(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().file()).endsWith(fileName);
            assertThat(d.message()).contains("outside").contains("not read");
            assertReadable(d);
        });
    }

    /** Neither secret is in a diagnostic, a finding, an evaluation or any rendering of the report. */
    void assertNoSecretAnywhere(Report report) throws IOException {
        List<String> console = new ArrayList<>();
        Path out = tmp.resolve("reports");
        List<Path> written = ReportWriter.write(report, out, EnumSet.allOf(Format.class),
                ReportOptions.defaults(project.root()).withConsole(console::add));
        List<String> texts = new ArrayList<>(console);
        for (Path file : written) {
            texts.add(Files.readString(file));
        }
        report.diagnostics().forEach(d -> texts.add(d.toString()));
        report.findings().forEach(f -> texts.add(f.toString()));
        report.evaluations().forEach(e -> texts.add(e.toString()));
        assertThat(written).extracting(p -> p.getFileName().toString()).contains("egress-report.json", "egress-report.sarif");
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(JSON_SECRET).doesNotContain(PASSWD_SECRET)
                .doesNotContain("root:x:0:0"));
    }
}
