package dev.egressguard.core.hostile;

import dev.egressguard.core.report.suppression.Baseline;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule file and a baseline of 1.5 GB (sparse: a few kilobytes on disk) were read whole before
 * their size was looked at: an OutOfMemoryError with a stack trace under -Xmx1g. Their size is now
 * checked first, as for templates and suppression files, so a run in a 256 MB heap refuses both
 * with an error naming each file and still checks the template beside them.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OversizedRuleAndBaselineTest {

    private static final long SPARSE_SIZE = 1_536L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void sparseRuleFileAndBaselineAreRefusedBySizeWithinABoundedHeap() throws Exception {
        new HostileProject(dir);
        Path rules = sparse(dir.resolve("rules/huge.yaml"));
        Path baseline = sparse(dir.resolve(Baseline.DEFAULT_NAME));

        List<String> output = BoundedHeapTest.verifyInChildJvm(dir, "-Xmx256m", "--rules=" + rules,
                "--baseline=" + baseline);

        assertThat(BoundedHeapTest.maxHeapMb(output)).isLessThanOrEqualTo(256);
        assertThat(output).contains("DIAGNOSTIC ERROR " + rules + " the file is 1536.0 MB; it is read only"
                + " up to " + RuleSetLoader.MAX_FILE_BYTES / (1024 * 1024) + ".0 MB");
        assertThat(output).contains("DIAGNOSTIC ERROR " + baseline + " baseline file not read: the file is 1536.0 MB; it is read only"
                + " up to 16.0 MB");
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
        assertThat(String.join("\n", output)).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void theSameRefusalInThisJvmIsOneReadableDiagnosticPerFile() throws Exception {
        HostileProject project = new HostileProject(dir);
        Path rules = sparse(dir.resolve("rules/huge.yaml"));

        List<Diagnostic> ruleErrors = RuleSetLoader.load(List.of(rules), false).diagnostics();
        List<Diagnostic> baselineErrors = Baseline.load(sparse(dir.resolve(Baseline.DEFAULT_NAME))).diagnostics();

        assertThat(ruleErrors).singleElement().satisfies(HostileProject::assertReadable);
        assertThat(baselineErrors).singleElement().satisfies(HostileProject::assertReadable);
        HostileProject.assertControlChecked(project.verify());
    }

    private static Path sparse(Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SPARSE_SIZE);
        }
        return file;
    }
}
