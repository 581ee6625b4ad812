package dev.egressguard.core.report.suppression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How verify and audit, in the CLI and the plugin alike, find the suppression file and the baseline. */
class AcceptedFindingsTest {

    @TempDir
    Path root;

    @Test
    void theFilesGivenWin() {
        Path suppressions = root.resolve("s.yaml");
        Path baseline = root.resolve("b.json");

        assertThat(AcceptedFindings.resolve(root, suppressions, baseline, AcceptedFindings.BaselineDefault.NONE))
                .isEqualTo(new AcceptedFindings(suppressions, baseline));
    }

    @Test
    void withoutThemTheConventionalFilesAreReadWhenTheyExist() throws IOException {
        assertThat(AcceptedFindings.resolve(root, null, null, AcceptedFindings.BaselineDefault.CONVENTIONAL))
                .isEqualTo(AcceptedFindings.NONE);

        Files.writeString(root.resolve(SuppressionFile.DEFAULT_NAME), "");
        Files.writeString(root.resolve(Baseline.DEFAULT_NAME), "");

        assertThat(AcceptedFindings.resolve(root, null, null, AcceptedFindings.BaselineDefault.CONVENTIONAL))
                .isEqualTo(new AcceptedFindings(root.resolve(SuppressionFile.DEFAULT_NAME),
                        root.resolve(Baseline.DEFAULT_NAME)));
        assertThat(AcceptedFindings.resolve(root, null, null, AcceptedFindings.BaselineDefault.NONE))
                .isEqualTo(new AcceptedFindings(root.resolve(SuppressionFile.DEFAULT_NAME), null));
    }

    @Test
    void aDirectoryOfTheConventionalNameIsNoFile() throws IOException {
        Files.createDirectory(root.resolve(SuppressionFile.DEFAULT_NAME));

        assertThat(AcceptedFindings.resolve(root, null, null, AcceptedFindings.BaselineDefault.NONE))
                .isEqualTo(AcceptedFindings.NONE);
    }
}
