package dev.egressguard.core.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF shows paths from the repository root while the console shows them from the module. */
class DisplayPathsTest {

    private static final Path REPO = Path.of("/repo").toAbsolutePath();
    private static final Path MODULE = REPO.resolve("services/api");

    @Test
    void aRelativeFileNameIsTakenFromWhereTheFilesWereNamed() {
        DisplayPaths sarif = new DisplayPaths(REPO, MODULE);

        assertThat(sarif.display("src/main/arm/x.json")).isEqualTo("services/api/src/main/arm/x.json");
        assertThat(sarif.uri("src/main/arm/x.json")).isEqualTo("services/api/src/main/arm/x.json");
        assertThat(sarif.isUnderBase("src/main/arm/x.json")).isTrue();
        assertThat(sarif.uri(MODULE.resolve("src/main/arm/x.json").toString())).isEqualTo("services/api/src/main/arm/x.json");
    }

    @Test
    void aFileOutsideTheRootIsAnAbsoluteUri() {
        DisplayPaths sarif = new DisplayPaths(MODULE, MODULE.resolve("sub"));

        assertThat(sarif.isUnderBase("../../x.json")).isFalse();
        assertThat(sarif.isUnderBase(REPO.resolve("x.json").toString())).isFalse();
        assertThat(sarif.uri(REPO.resolve("x.json").toString())).startsWith("file:");
    }

    @Test
    void oneDirectoryKeepsTheBehaviourOfTheConsole() {
        DisplayPaths console = new DisplayPaths(MODULE);

        assertThat(console.display("src/main/arm/x.json")).isEqualTo("src/main/arm/x.json");
        assertThat(console.display(MODULE.resolve("a.json").toString())).isEqualTo("a.json");
        assertThat(console.isUnderBase("src/main/arm/x.json")).isTrue();
    }
}
