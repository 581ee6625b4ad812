package dev.egressguard.core.hostile;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.trySymlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A symbolic link in a scanned directory is not followed, and says so: one warning naming the
 * link. The link leads outside the project to a named pipe, which records whether anyone opened
 * it: a writer blocks on the pipe until a reader comes, so "opened before the run ended" is a fact
 * the test reads, not a timing.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SymbolicLinksInScanTest {

    @TempDir
    Path tmp;

    @Test
    void aLinkedTemplateIsNamedInAWarningAndNeverRead() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path pipe = outside.resolve("secret.json");
        assumeTrue(mkfifo(pipe), "mkfifo is available");
        Path root = Files.createDirectories(tmp.resolve("project"));
        HostileProject project = new HostileProject(root);
        assumeTrue(trySymlink(root.resolve("linked.json"), pipe), "the file system allows symbolic links");
        assumeTrue(trySymlink(root.resolve("shared"), outside), "the file system allows symbolic links");

        AtomicBoolean runEnded = new AtomicBoolean();
        AtomicBoolean openedDuringRun = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) { // returns only once a reader has opened the pipe
                openedDuringRun.set(!runEnded.get());
                out.write(HostileProject.CONTROL_TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Report report = project.verify();
        runEnded.set(true);
        try (InputStream release = Files.newInputStream(pipe)) { // lets the writer finish
            release.readAllBytes();
        }
        writer.get();

        assertThat(openedDuringRun).as("the pipe behind the link was opened by the run").isFalse();
        assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactlyInAnyOrder(
                "linked.json: warning: a symbolic link; the scan does not follow links, so nothing behind it is checked",
                "shared: warning: a symbolic link; the scan does not follow links, so nothing behind it is checked");
        assertThat(report.evaluations()).extracting(Evaluation::resourceName).containsExactly(HostileProject.CONTROL_RESOURCE);
        assertControlChecked(report);
    }

    private static boolean mkfifo(Path path) {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
