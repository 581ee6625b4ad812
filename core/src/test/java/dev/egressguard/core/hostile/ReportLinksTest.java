package dev.egressguard.core.hostile;

import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import dev.egressguard.core.report.suppression.Baseline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A pull request can commit symbolic links anywhere in the checkout, the report directory
 * included. Reports and baselines are never written through one: a link in a report's place is
 * replaced and its target keeps its content; links planted at temporary names are never opened;
 * a report directory reached through a link out of the project is refused, naming the link.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportLinksTest {

    private static final String VICTIM_TEXT = "precious, not a report\n";

    @TempDir
    Path tmp;

    private Path project;
    private Path victim;
    private Report report;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        victim = Files.writeString(outside.resolve("victim.txt"), VICTIM_TEXT);
        report = new HostileProject(project).verify();
    }

    private ReportOptions options() {
        return ReportOptions.defaults(project).withColor(ColorMode.NEVER).withConsole(line -> { });
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
    }

    @Test
    void aReportFileThatIsALinkIsReplacedAndItsTargetKeepsItsContent() throws IOException {
        Path out = project.resolve("target/egress");
        for (Format format : EnumSet.complementOf(EnumSet.of(Format.CONSOLE))) {
            link(out.resolve(format.fileName().orElseThrow()), victim);
        }

        List<Path> written = ReportWriter.write(report, out, EnumSet.allOf(Format.class), options());

        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        assertThat(written).hasSize(4).allSatisfy(file -> {
            assertThat(Files.isSymbolicLink(file)).as("%s is no link any more", file).isFalse();
            assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(Files.readString(file)).isNotEqualTo(VICTIM_TEXT);
        });
        assertThat(Files.readString(out.resolve("egress-report.json"))).contains("\"findings\"");
    }

    /** The old temporary name was .NAME.PID-THREAD.tmp, opened with create+truncate following links. */
    @Test
    void linksPlantedAtTemporaryNamesAreNeverOpened() throws IOException {
        Path out = project.resolve("target/egress");
        long pid = ProcessHandle.current().pid();
        for (long p = pid; p < pid + 5; p++) {
            for (long thread = 0; thread < 300; thread++) {
                link(out.resolve(".egress-report.json." + p + "-" + thread + ".tmp"), victim);
            }
        }

        ReportWriter.write(report, out, EnumSet.of(Format.JSON), options());

        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> !Files.isSymbolicLink(f)).map(f -> f.getFileName().toString()))
                    .as("no temporary file left behind").containsExactly("egress-report.json");
        }
    }

    @Test
    void aReportDirectoryLinkedOutOfTheProjectIsRefusedNamingTheLink() throws IOException {
        Path outsideDir = Files.createDirectories(tmp.resolve("outside/reports"));
        Files.writeString(outsideDir.resolve("egress-report.sarif"), VICTIM_TEXT);
        link(project.resolve("target"), tmp.resolve("outside"));

        assertThatThrownBy(() -> ReportWriter.write(report, project.resolve("target/reports"),
                EnumSet.of(Format.SARIF), options()))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(project.resolve("target") + ": is a symbolic link inside the project to "
                        + tmp.resolve("outside").toRealPath() + ", outside it; reports are not written through"
                        + " links: remove it or choose another output directory");

        assertThat(Files.readString(outsideDir.resolve("egress-report.sarif"))).isEqualTo(VICTIM_TEXT);
    }

    @Test
    void aLinkThatStaysInsideTheProjectIsFollowed() throws IOException {
        Path build = Files.createDirectories(project.resolve("build"));
        link(project.resolve("target"), build);

        ReportWriter.write(report, project.resolve("target/egress"), EnumSet.of(Format.JSON), options());

        assertThat(build.resolve("egress/egress-report.json")).isRegularFile();
    }

    @Test
    void aBaselineThatIsALinkIsReplacedAndItsTargetKeepsItsContent() throws IOException {
        Path baseline = project.resolve(Baseline.DEFAULT_NAME);
        link(baseline, victim);

        Baseline.write(report, baseline);

        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        assertThat(Files.isSymbolicLink(baseline)).isFalse();
        assertThat(Baseline.load(baseline).diagnostics()).isEmpty();
    }
}
