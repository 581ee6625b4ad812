package dev.egressguard.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/egress}, the launcher shipped beside the jar, as a user runs it: the first run records
 * a class-data sharing archive beside the jar, later runs load their classes from it, a newer jar
 * gets a new archive, and none of it shows in the output or the exit code. It runs the shaded jar,
 * so it runs after packaging (tagged {@code packaged}: the surefire execution {@code launcher} in
 * the CLI's pom runs it, the default one does not).
 */
@DisabledOnOs(OS.WINDOWS)
@Tag("packaged")
class LauncherTest {

    @TempDir
    Path dir;

    private Path launcher;
    private Path jar;
    private Path archive;
    private Path examples;

    @BeforeEach
    void installLikeADistribution() throws IOException {
        Path builtJar = Path.of(System.getProperty("egress.cli.jar", "target/missing.jar"));
        Path builtLauncher = Path.of(System.getProperty("egress.cli.launcher", "target/bin/egress"));
        assertThat(builtJar).as("the shaded jar; this test runs in the launcher execution, after packaging").isRegularFile();
        examples = Path.of(System.getProperty("egress.examples", "../examples")).toAbsolutePath();
        launcher = Files.createDirectories(dir.resolve("bin")).resolve("egress");
        Files.copy(builtLauncher, launcher);
        jar = Files.copy(builtJar, dir.resolve(builtJar.getFileName()));
        String name = builtJar.getFileName().toString();
        archive = dir.resolve(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    @Test
    void theFirstRunRecordsAnArchiveThatLaterRunsLoadTheirClassesFrom() throws Exception {
        Result first = run(Map.of(), "verify", examples.resolve("nat-gateway-cluster").toString(), "--format", "json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("{").contains("\"failed\" : 0");
        assertThat(archive).isRegularFile();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));

        Path classes = dir.resolve("classes.txt");
        Result second = run(Map.of("EGRESS_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "verify", examples.resolve("nat-gateway-cluster").toString(), "--format", "json");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("dev.egressguard.core.EgressGuard source: shared objects file");
        // picocli's Java 5 class files, rewritten at packaging (OldClassFiles), are archived too.
        assertThat(loaded).contains("picocli.CommandLine source: shared objects file")
                .doesNotContainPattern("picocli\\.\\S+ source: (file|jar):");
        // The jar carries the Azure SDK for audit; verify must not load any of it (nor its logging).
        assertThat(loaded).doesNotContain("dev.egressguard.azure.", "com.azure.", "com.microsoft.aad.", "io.netty.",
                "reactor.core.", "org.slf4j.");
    }

    /**
     * Whatever the first command was, the archive holds what a verify loads: the recording run also
     * loads the classes listed in the jar at packaging (ArchiveClassList, ArchivedClasses).
     */
    @Test
    void aFirstRunOfVersionRecordsTheClassesAVerifyLoadsToo() throws Exception {
        Result first = run(Map.of(), "--version");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("egress ");
        assertThat(first.err()).isEmpty();
        assertThat(archive).isRegularFile();

        Path classes = dir.resolve("classes.txt");
        Result verify = run(Map.of("EGRESS_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "verify", examples.resolve("nat-gateway-cluster").toString(), "--format", "sarif");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("dev.egressguard.core.template.TemplateEvaluator source: shared objects file",
                "dev.egressguard.core.report.SarifReporter source: shared objects file",
                "dev.egressguard.cli.VerifyCommand source: shared objects file");
        assertThat(loaded).doesNotContainPattern("(dev\\.egressguard|picocli|com\\.fasterxml|org\\.yaml)\\.\\S+ source: (file|jar):");
    }

    @Test
    void theExitCodeAndTheMessagesAreTheCommandsOnTheFirstRunAndAfter() throws Exception {
        for (int i = 0; i < 2; i++) {
            Result r = run(Map.of(), "verify", examples.resolve("public-ip-cluster").toString(), "--fail-on", "error");

            assertThat(r.exitCode()).as("run %d: %s", i, r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("Egress Guard fails the build");
            assertThat(archive).isRegularFile();
        }
    }

    /**
     * Only the first JIT tier and a batch job's pause goal for the collector, unless
     * EGRESS_JAVA_OPTS, which comes after the launcher's options, says otherwise.
     */
    @Test
    void theFirstJitTierAndALongPauseGoalUnlessTheUserSaysOtherwise() throws Exception {
        Result byDefault = run(Map.of("EGRESS_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        Result asked = run(Map.of("EGRESS_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:MaxGCPauseMillis=200 -XX:+PrintFlagsFinal"),
                "--version");
        Result withoutArchive = run(Map.of("EGRESS_CDS", "off", "EGRESS_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).containsPattern("intx TieredStopAtLevel\\s+= 1 ")
                .containsPattern("uintx MaxGCPauseMillis\\s+= 3000 ");
        assertThat(withoutArchive.out()).containsPattern("intx TieredStopAtLevel\\s+= 1 ")
                .containsPattern("uintx MaxGCPauseMillis\\s+= 3000 ");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).containsPattern("intx TieredStopAtLevel\\s+= 4 ")
                .containsPattern("uintx MaxGCPauseMillis\\s+= 200 ");
    }

    @Test
    void aJarNewerThanTheArchiveGetsANewOne() throws Exception {
        run(Map.of(), "--version");
        long minuteAgo = System.currentTimeMillis() - 60_000;
        Files.setLastModifiedTime(archive, FileTime.fromMillis(minuteAgo));

        Result r = run(Map.of(), "--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("egress ");
        assertThat(Files.getLastModifiedTime(archive).toMillis()).isGreaterThan(minuteAgo + 30_000);
    }

    @Test
    void withoutArchiveWhenAskedSo() throws Exception {
        Result r = run(Map.of("EGRESS_CDS", "off"), "--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("egress ");
        assertThat(archive).doesNotExist();
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheJarBesideTheLauncher() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("usr/local/bin"));
        Files.createSymbolicLink(elsewhere.resolve("egress"), Path.of("../../../bin/egress"));

        Result r = run(elsewhere.resolve("egress"), Map.of(), "--version");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("egress ");
        assertThat(archive).isRegularFile();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(launcher, environment, args);
    }

    private Result run(Path script, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/egress did not end within 120 s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
