package dev.egressguard.maven;

import dev.egressguard.core.report.RepositoryRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SARIF's %SRCROOT% for a module: the repository root, else the top-level project that holds the module. */
class SourceRootTest {

    @TempDir
    Path dir;

    private final CapturingLog log = new CapturingLog();
    private Path top;
    private Path module;

    @BeforeEach
    void layout() throws Exception {
        top = Files.createDirectories(dir.resolve("build"));
        module = Files.createDirectories(top.resolve("infra/network"));
    }

    private Path sourceRoot(Path topLevel) {
        VerifyMojo m = new VerifyMojo();
        m.setLog(log);
        m.basedir = module.toFile();
        m.topLevelBasedir = topLevel == null ? null : topLevel.toFile();
        return m.sourceRoot();
    }

    @Test
    void theRepositoryRootWhereThereIsOne() throws Exception {
        Files.createDirectory(dir.resolve(".git"));

        assertThat(sourceRoot(top)).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void withoutARepositoryTheTopLevelProjectThatHoldsTheModule() {
        assumeTrue(RepositoryRoot.find(dir).isEmpty(), "the temporary directory lies in a repository");

        assertThat(sourceRoot(top)).isEqualTo(top.toAbsolutePath().normalize());
        assertThat(log.lines).anySatisfy(l -> assertThat(l).startsWith("[DEBUG] Egress Guard: no .git above"));
    }

    @Test
    void withoutARepositoryNorAnEnclosingTopLevelProjectTheModuleItself() throws Exception {
        assumeTrue(RepositoryRoot.find(dir).isEmpty(), "the temporary directory lies in a repository");
        Path elsewhere = Files.createDirectories(dir.resolve("aggregator"));

        assertThat(sourceRoot(elsewhere)).isEqualTo(module.toAbsolutePath().normalize());
        assertThat(sourceRoot(null)).isEqualTo(module.toAbsolutePath().normalize());
    }
}
