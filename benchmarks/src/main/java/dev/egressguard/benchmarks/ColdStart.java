package dev.egressguard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start as a user sees it: whole processes, wall time from start to exit. Each round runs, one
 * after the other, a bare JVM that prints a line, {@code java -jar egress-cli.jar verify
 * examples/nat-gateway-cluster --format json}, and the same through the launcher {@code bin/egress}
 * with its class-data sharing archive; rounds alternate so that load from other processes falls on
 * all of them alike. The launcher and the jar are copied to a directory of their own, so its archive
 * is recorded there (that first run is timed on its own) and never in {@code cli/target}.
 *
 * <pre>
 * java -cp benchmarks/target/egress-guard-benchmarks.jar dev.egressguard.benchmarks.ColdStart [--repo .] [--cold-runs 11]
 * </pre>
 */
final class ColdStart {

    static final double TARGET_RATIO = 2.5;

    /** One kind of process and its wall times, in milliseconds, one per round. */
    record Timing(String name, List<String> command, long[] ms) {
        long median() {
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        long min() {
            return Arrays.stream(ms).min().orElse(0);
        }

        long max() {
            return Arrays.stream(ms).max().orElse(0);
        }
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMain.Options o = BenchmarkMain.Options.parse(args);
        measure(o.repo, o.work.resolve("cold-start"), o.coldRuns);
    }

    static void measure(Path repo, Path work, int rounds) throws IOException, InterruptedException {
        System.out.println();
        if (rounds < 1) {
            System.out.println("Cold start: not measured (--cold-runs " + rounds + ").");
            return;
        }
        Optional<Path> jar = cliJar(repo);
        Path launcher = repo.resolve("cli/target/bin/egress");
        Path example = repo.resolve("examples/nat-gateway-cluster").toAbsolutePath();
        if (jar.isEmpty() || !Files.isRegularFile(launcher) || !Files.isDirectory(example)) {
            System.out.println("Cold start: no cli/target/egress-cli-*.jar with cli/target/bin/egress, or no "
                    + "examples/nat-gateway-cluster under " + repo.toAbsolutePath() + " (./mvnw -B -o -pl cli -am package"
                    + " -DskipTests), not measured.");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path hello = printLineClass(work.resolve("print-line"));
        Path dist = Files.createDirectories(work.resolve("dist"));
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Files.copy(launcher, bin.resolve("egress"), StandardCopyOption.REPLACE_EXISTING);
        Path copiedJar = Files.copy(jar.get(), dist.resolve(jar.get().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> old = Files.list(dist)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".jsa")).toList()) {
                Files.delete(p);
            }
        }
        List<String> verify = List.of("verify", example.toString(), "--format", "json");
        List<String> viaLauncher = new ArrayList<>(List.of("sh", bin.resolve("egress").toString()));
        viaLauncher.addAll(verify);
        List<String> viaJar = new ArrayList<>(List.of(java, "-jar", copiedJar.toString()));
        viaJar.addAll(verify);
        List<Timing> timings = List.of(
                new Timing("bare JVM printing a line", List.of(java, "-cp", hello.toString(), PrintLine.class.getName()),
                        new long[rounds]),
                new Timing("java -jar egress-cli.jar verify", viaJar, new long[rounds]),
                new Timing("bin/egress verify (CDS archive)", viaLauncher, new long[rounds]));

        long firstRun = time(viaLauncher, work);
        for (Timing t : timings) {
            time(t.command(), work);  // the file cache, not the JVM: every process is cold anyway
        }
        for (int round = 0; round < rounds; round++) {
            for (Timing t : timings) {
                t.ms()[round] = time(t.command(), work);
            }
        }
        long bare = timings.get(0).median();
        System.out.printf("Cold start (whole processes, %d alternating rounds; median, min-max, ratio of medians to the"
                + " bare JVM; target: %.1fx):%n", rounds, TARGET_RATIO);
        for (Timing t : timings) {
            System.out.printf("  %-34s %5d ms (%d-%d)  %5.1fx%n", t.name(), t.median(), t.min(), t.max(),
                    (double) t.median() / bare);
        }
        System.out.printf("  %-34s %5d ms (once)%n", "bin/egress, first run (records)", firstRun);
        for (Timing t : timings.subList(1, timings.size())) {
            double ratio = (double) t.median() / bare;
            System.out.printf("  %-7s %s within %.1fx the bare JVM (%.1fx)%n", ratio <= TARGET_RATIO ? "MET" : "MISSED",
                    t.name(), TARGET_RATIO, ratio);
        }
    }

    /** The shaded CLI jar: neither the tests jar nor the shade plugin's original. */
    static Optional<Path> cliJar(Path repo) throws IOException {
        Path target = repo.resolve("cli/target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(target)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("egress-cli-") && n.endsWith(".jar") && !n.endsWith("-tests.jar");
            }).findFirst();
        }
    }

    /** {@link PrintLine} alone in a directory: the bare JVM opens no jar. */
    private static Path printLineClass(Path dir) throws IOException {
        String resource = PrintLine.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** Wall milliseconds of one process, which must exit 0 (its output is discarded). */
    private static long time(List<String> command, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("out.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not end within 2 minutes: " + command);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + " from " + command + ": " + Files.readString(out));
        }
        return ms;
    }
}
