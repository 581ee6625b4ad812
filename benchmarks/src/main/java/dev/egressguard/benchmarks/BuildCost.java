package dev.egressguard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code egress:verify} adds to a build: each example project is built offline with
 * {@code validate} alone and with {@code validate egress:verify}, a few times each, through the
 * project's Maven Wrapper; the difference of the medians is the cost. A goal that does next to
 * nothing ({@link #TRIVIAL_GOAL}) is timed in the same rounds: what any plugin adds. The plugin must be installed
 * in the local repository first ({@code ./mvnw -B install -DskipTests}).
 */
final class BuildCost {

    /**
     * A plugin that does next to nothing, for comparison: what any plugin's goal adds to a build
     * (Maven resolving the plugin, making its class realm, configuring the mojo) before its own
     * work. Offline it is measured only when the local repository has it.
     */
    static final String TRIVIAL_GOAL = "org.apache.maven.plugins:maven-enforcer-plugin:3.6.2:display-info";

    /** {@code trivialMs} is -1 when the trivial goal could not run (not in the local repository). */
    record Cost(String project, long validateMs, long verifyMs, int verifyExit, long trivialMs) {
        long addedMs() {
            return verifyMs - validateMs;
        }

        long trivialAddedMs() {
            return trivialMs < 0 ? -1 : trivialMs - validateMs;
        }
    }

    private BuildCost() {
    }

    static List<Path> examples(Path repo) throws IOException {
        Path dir = repo.resolve("examples");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).sorted().toList();
        }
    }

    static Cost measure(Path repo, Path project, int runs) throws IOException, InterruptedException {
        long[] validate = new long[runs];
        long[] verify = new long[runs];
        long[] trivial = new long[runs];
        int exit = 0;
        run(repo, project, List.of("validate"));  // warm the file cache and the wrapper
        boolean trivialRuns = run(repo, project, List.of("validate", TRIVIAL_GOAL))[1] == 0;
        for (int i = 0; i < runs; i++) {
            validate[i] = run(repo, project, List.of("validate"))[0];
            long[] v = run(repo, project, List.of("validate", "egress:verify"));
            verify[i] = v[0];
            exit = (int) v[1];
            if (trivialRuns) {
                trivial[i] = run(repo, project, List.of("validate", TRIVIAL_GOAL))[0];
            }
        }
        return new Cost(repo.relativize(project).toString(), median(validate), median(verify), exit,
                trivialRuns ? median(trivial) : -1);
    }

    /** Wall milliseconds and exit code of one offline, quiet Maven run. */
    private static long[] run(Path repo, Path project, List<String> goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-o", "-q", "-B",
                "-f", project.resolve("pom.xml").toString()));
        command.addAll(goals);
        Path log = Files.createTempFile("egress-build-cost", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("maven did not finish in 10 minutes: " + command);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Files.deleteIfExists(log);
        return new long[] {ms, p.exitValue()};
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
