package dev.egressguard.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF's %SRCROOT% is the directory holding .git, found upwards from a module, never beyond a bound. */
class RepositoryRootTest {

    @TempDir
    Path dir;

    @Test
    void aGitDirectoryAboveTheModuleMarksTheRoot() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectory(repo.resolve(".git"));
        Path module = Files.createDirectories(repo.resolve("services/api"));

        assertThat(RepositoryRoot.find(module)).contains(repo);
        assertThat(RepositoryRoot.find(repo)).contains(repo);
    }

    @Test
    void aGitFileMarksTheRootOfAWorktreeOrSubmodule() throws Exception {
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Files.createDirectory(outer.resolve(".git"));
        Path submodule = Files.createDirectories(outer.resolve("vendor/infra"));
        Files.writeString(submodule.resolve(".git"), "gitdir: ../../.git/modules/infra\n");
        Path module = Files.createDirectories(submodule.resolve("arm"));

        assertThat(RepositoryRoot.find(module)).contains(submodule);
    }

    @Test
    void aDanglingLinkNamedGitIsNoRepository() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path module = Files.createDirectories(repo.resolve("module"));
        try {
            Files.createSymbolicLink(module.resolve(".git"), repo.resolve("nowhere"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // no symbolic links here (Windows without the privilege): nothing to check
        }
        Files.createDirectory(repo.resolve(".git"));

        assertThat(RepositoryRoot.find(module)).contains(repo);
    }

    @Test
    void theWalkIsBounded() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectory(repo.resolve(".git"));
        Path deep = Files.createDirectories(repo.resolve("a/b/c"));

        assertThat(RepositoryRoot.find(deep, 3)).isEmpty();
        assertThat(RepositoryRoot.find(deep, 4)).contains(repo);
    }

    @Test
    void noRepositoryUpToTheFileSystemRootIsEmpty() throws Exception {
        Path module = Files.createDirectories(dir.resolve("plain/module"));
        // Only meaningful where no directory above the temporary directory is a repository.
        org.junit.jupiter.api.Assumptions.assumeTrue(RepositoryRoot.find(dir).isEmpty());

        assertThat(RepositoryRoot.find(module)).isEmpty();
        assertThat(RepositoryRoot.find(dir.getRoot())).isEmpty();
    }

    @Test
    void aRelativeStartIsTakenFromTheWorkingDirectory() {
        assertThat(RepositoryRoot.find(Path.of(""))).isEqualTo(RepositoryRoot.find(Path.of("").toAbsolutePath()));
    }
}
