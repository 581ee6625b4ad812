package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.trySymlink;
import static dev.egressguard.core.hostile.HostileProject.assertErrorNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Linked templates are read only from inside the project root: {@code ../} climbing out of it,
 * absolute paths and symbolic links pointing outside are errors naming the linking file, and
 * nothing of the outside file is evaluated.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EscapingLinksTest {

    private static final String SECRET_RESOURCE = "outside-vmss";

    @TempDir
    Path tmp;

    private Path outsideTemplate() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        return Files.writeString(outside.resolve("secret.json"),
                HostileProject.CONTROL_TEMPLATE.replace(HostileProject.CONTROL_RESOURCE, SECRET_RESOURCE));
    }

    private static String linkTo(String relativePath) {
        return """
                [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "linked",
                    "properties": { "mode": "Incremental", "templateLink": { "relativePath": "%s" } } } ]
                """.formatted(relativePath.replace("\\", "\\\\"));
    }

    private HostileProject project() throws IOException {
        Path root = tmp.resolve("project");
        Files.createDirectories(root);
        return new HostileProject(root);
    }

    @Test
    void dotDotOutOfTheProjectRoot() throws IOException {
        outsideTemplate();
        HostileProject project = project();
        project.template("infra/main.json", linkTo("../../outside/secret.json"));

        Report report = project.verify();

        assertErrorNames(report, "main.json");
        assertControlChecked(report);
        assertNothingEvaluatedFromOutside(report);
    }

    @Test
    void dotDotThatStaysInsideIsFollowed() throws IOException {
        HostileProject project = project();
        project.write("modules/vmss.json", HostileProject.CONTROL_TEMPLATE.replace(HostileProject.CONTROL_RESOURCE, "module-vmss"));
        project.template("infra/main.json", linkTo("../modules/vmss.json"));

        Report report = verifyOnly(project, project.root().resolve("infra/main.json"));

        assertThat(report.evaluations()).extracting(Evaluation::resourceName).contains("module-vmss");
        assertThat(report.diagnostics()).noneSatisfy(d -> assertThat(d.location().file()).endsWith("main.json"));
    }

    @Test
    void absolutePathOutsideTheProjectRoot() throws IOException {
        Path secret = outsideTemplate();
        HostileProject project = project();
        project.template("main.json", linkTo(secret.toAbsolutePath().toString()));

        Report report = project.verify();

        assertErrorNames(report, "main.json");
        assertControlChecked(report);
        assertNothingEvaluatedFromOutside(report);
    }

    @Test
    void symbolicLinkToAFileOutsideTheProjectRoot() throws IOException {
        Path secret = outsideTemplate();
        HostileProject project = project();
        Path link = project.root().resolve("modules").resolve("secret.json");
        Files.createDirectories(link.getParent());
        assumeTrue(trySymlink(link, secret), "the file system allows symbolic links");
        project.template("main.json", linkTo("modules/secret.json"));

        Report report = verifyOnly(project, project.root().resolve("main.json"), project.root().resolve(HostileProject.CONTROL_FILE));

        assertErrorNames(report, "main.json");
        assertControlChecked(report);
        assertNothingEvaluatedFromOutside(report);
    }

    @Test
    void symbolicLinkToADirectoryOutsideTheProjectRoot() throws IOException {
        outsideTemplate();
        HostileProject project = project();
        Path link = project.root().resolve("shared");
        assumeTrue(trySymlink(link, tmp.resolve("outside")), "the file system allows symbolic links");
        project.template("main.json", linkTo("shared/secret.json"));

        Report report = verifyOnly(project, project.root().resolve("main.json"), project.root().resolve(HostileProject.CONTROL_FILE));

        assertErrorNames(report, "main.json");
        assertControlChecked(report);
        assertNothingEvaluatedFromOutside(report);
    }

    @Test
    void scanningTheProjectDoesNotFollowLinksOut() throws IOException {
        outsideTemplate();
        HostileProject project = project();
        assumeTrue(trySymlink(project.root().resolve("elsewhere"), tmp.resolve("outside")), "symbolic links allowed");

        Report report = project.verify();

        assertControlChecked(report);
        assertNothingEvaluatedFromOutside(report);
    }

    /** Verifies the named files only, so the symbolic link is reached through templateLink alone. */
    private static Report verifyOnly(HostileProject project, Path... files) {
        return EgressGuard.builder().projectRoot(project.root()).builtInRules(false)
                .ruleSources(List.of(project.root().resolve("rules/control.yaml"))).build().verify(List.of(files));
    }

    private static void assertNothingEvaluatedFromOutside(Report report) {
        assertThat(report.evaluations()).extracting(Evaluation::resourceName).doesNotContain(SECRET_RESOURCE);
        assertThat(report.inputs()).noneSatisfy(i -> assertThat(i).contains("outside"));
    }
}
