package dev.egressguard.core.source;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where a path inside the root really leads decides whether it is read; explicit paths outside are the user's. */
class ConfinedFilesTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path secret;
    private ConfinedFiles files;

    @BeforeEach
    void rootAndOutside() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret"), "s3cr3t");
        files = new ConfinedFiles(root);
    }

    @Test
    void aFileInsideIsRead() throws IOException {
        Path file = Files.writeString(root.resolve("a.json"), "{}");

        assertThat(text(files.read(file, 100))).isEqualTo("{}");
        assertThat(text(files.readGiven(file, 100))).isEqualTo("{}");
    }

    @Test
    void aLinkInsideToInsideIsFollowed() throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("shared")).resolve("b.json"), "[1]");
        Path link = link(root.resolve("b.json"), root.resolve("shared/b.json"));

        assertThat(text(files.read(link, 100))).isEqualTo("[1]");
        assertThat(files.encloses(link)).isTrue();
    }

    @Test
    void aLinkOutIsRefusedByBothReads() {
        Path link = link(root.resolve("x.parameters.json"), secret);

        assertThat(files.read(link, 100)).isInstanceOf(ConfinedFiles.Outside.class);
        assertThat(files.readGiven(link, 100)).isInstanceOf(ConfinedFiles.Outside.class);
        assertThat(files.encloses(link)).isFalse();
        assertThat(((ConfinedFiles.Refused) files.read(link, 100)).problem())
                .startsWith("leads outside the project root " + root).doesNotContain("s3cr3t");
    }

    @Test
    void aDirectoryLinkOutIsRefused() {
        link(root.resolve("shared"), secret.getParent());

        assertThat(files.read(root.resolve("shared/secret"), 100)).isInstanceOf(ConfinedFiles.Outside.class);
    }

    @Test
    void aDanglingLinkIsRefusedAsLeadingOut() {
        Path link = link(root.resolve("gone.json"), tmp.resolve("nowhere/gone.json"));

        assertThat(files.read(link, 100)).isInstanceOf(ConfinedFiles.Outside.class);
    }

    @Test
    void aPathOutsideIsReadOnlyWhenTheConfigurationGaveIt() {
        assertThat(files.read(secret, 100)).isInstanceOf(ConfinedFiles.Outside.class);
        assertThat(files.read(root.resolve("../outside/secret"), 100)).isInstanceOf(ConfinedFiles.Outside.class);
        assertThat(text(files.readGiven(secret, 100))).isEqualTo("s3cr3t");
    }

    @Test
    void missingDirectoriesAndLargeFilesAreNotRead() throws IOException {
        Files.createDirectories(root.resolve("dir.json"));
        Path large = Files.write(root.resolve("large.json"), new byte[101]);

        assertThat(files.read(root.resolve("none.json"), 100)).isInstanceOf(ConfinedFiles.Missing.class);
        assertThat(files.read(root.resolve("dir.json"), 100)).isInstanceOf(ConfinedFiles.NotAFile.class);
        assertThat(files.read(large, 100)).isEqualTo(new ConfinedFiles.TooLarge(101, 100));
    }

    @Test
    void aFileThatReportsNoSizeIsStillReadOnlyUpToTheLimit() {
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "a /proc file system");

        // /proc files report a size of 0; the limit holds anyway.
        assertThat(files.readGiven(environ, 0)).isInstanceOfAny(ConfinedFiles.TooLarge.class, ConfinedFiles.Bytes.class);
        assertThat(files.read(environ, 1 << 20)).isInstanceOf(ConfinedFiles.Outside.class);
    }

    @Test
    void aRootReachedThroughALinkIsStillTheRoot() throws IOException {
        Path viaLink = link(tmp.resolve("project-link"), root);
        Path file = Files.writeString(root.resolve("c.json"), "{}");

        ConfinedFiles throughLink = new ConfinedFiles(viaLink);

        assertThat(text(throughLink.read(viaLink.resolve("c.json"), 100))).isEqualTo("{}");
        assertThat(throughLink.read(file, 100)).isInstanceOf(ConfinedFiles.Outside.class);
    }

    private static ConfinedFiles.Bytes bytes(ConfinedFiles.Read read) {
        assertThat(read).isInstanceOf(ConfinedFiles.Bytes.class);
        return (ConfinedFiles.Bytes) read;
    }

    private static String text(ConfinedFiles.Read read) {
        return new String(bytes(read).bytes(), StandardCharsets.UTF_8);
    }

    private static Path link(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "the file system allows symbolic links: " + e);
            return link;
        }
    }

    @Test
    void readsWhatTheFileHoldsWhateverSizeItTold() throws IOException {
        byte[] ten = "0123456789".getBytes(StandardCharsets.UTF_8);

        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 10, 100)).isEqualTo(ten);
        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 0, 100)).as("told 0, as /proc does")
                .isEqualTo(ten);
        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 4, 100)).as("grew after the stat")
                .isEqualTo(ten);
        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 20, 100)).as("shrank after the stat")
                .isEqualTo(ten);
        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 4, 7)).as("never past the limit")
                .isEqualTo("0123456".getBytes(StandardCharsets.UTF_8));
        assertThat(ConfinedFiles.readUpTo(new java.io.ByteArrayInputStream(ten), 6, 7))
                .isEqualTo("0123456".getBytes(StandardCharsets.UTF_8));
    }
}
