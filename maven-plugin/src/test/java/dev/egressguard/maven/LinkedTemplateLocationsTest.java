package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.Settings;
import dev.egressguard.core.template.LinkLocation;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code linkedTemplateLocations}: prefix and directory, or PREFIX=DIR, onto the facade's settings. */
class LinkedTemplateLocationsTest {

    @TempDir
    Path basedir;

    private VerifyMojo mojo(LinkedTemplateLocation... locations) {
        VerifyMojo m = new VerifyMojo();
        m.setLog(new CapturingLog());
        m.basedir = basedir.toFile();
        m.templateDirectory = basedir.resolve("src/main/arm").toFile();
        m.includes = new ArrayList<>(List.of("**/*.json"));
        m.reportsDirectory = basedir.resolve("target/egress").toFile();
        m.formats = new ArrayList<>(List.of("console"));
        m.failOn = "error";
        m.builtInRules = true;
        m.linkedTemplateLocations = List.of(locations);
        return m;
    }

    private static LinkedTemplateLocation shortForm(String entry) {
        LinkedTemplateLocation l = new LinkedTemplateLocation();
        l.set(entry);
        return l;
    }

    @Test
    void bothFormsBecomeSettings_directoriesRelativeToTheBaseDirectory() throws Exception {
        Files.createDirectories(basedir.resolve("src/main/arm"));
        Files.createDirectories(basedir.resolve("shared"));
        VerifyMojo m = mojo(new LinkedTemplateLocation("https://raw.githubusercontent.com/org/repo/main/infra/",
                new File("src/main/arm")), shortForm("https://example.com/shared/=shared"));

        Settings s = AbstractTemplateMojo.guard(m.templateSettings()).settings();

        assertThat(s.linkLocations()).containsExactly(
                new LinkLocation("https://raw.githubusercontent.com/org/repo/main/infra/", basedir.resolve("src/main/arm")),
                new LinkLocation("https://example.com/shared/", basedir.resolve("shared")));
    }

    @Test
    void aDirectoryOutsideTheProjectFailsTheGoalWithAClearMessage() throws Exception {
        Path outside = Files.createTempDirectory("egress-outside");
        try {
            VerifyMojo m = mojo(new LinkedTemplateLocation("https://example.com/t/", outside.toFile()));

            assertThatThrownBy(() -> AbstractTemplateMojo.guard(m.templateSettings()))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("<linkedTemplateLocations>: linked template location https://example.com/t/:"
                            + " the directory " + outside)
                    .hasMessageContaining("is outside the project root " + basedir.toAbsolutePath().normalize());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void anIncompleteEntryFailsTheGoal() {
        VerifyMojo m = mojo(new LinkedTemplateLocation("https://example.com/t/", null));

        assertThatThrownBy(m::templateSettings).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<linkedTemplateLocation> needs both <prefix> and <directory> (or PREFIX=DIR)");
        assertThatThrownBy(() -> shortForm("https://example.com/t/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'https://example.com/t/' is not PREFIX=DIR");
    }
}
