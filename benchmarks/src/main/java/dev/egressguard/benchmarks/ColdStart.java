package dev.egressguard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cold start as a user sees it: whole processes, from start to exit. Each round runs, one after the
 * other, a bare JVM that prints a line, {@code java -jar egress-cli.jar verify
 * examples/nat-gateway-cluster --format json}, and the same through the launcher {@code bin/egress}
 * with its class-data sharing archive; rounds alternate so that load from other processes falls on
 * all of them alike. Wall time is what the issue measures; CPU time (user and system, through
 * {@code /usr/bin/time} where it is) moves far less with the machine's load, so it is printed
 * beside it. The launcher and the jar are copied to a directory of their own, so its archive is
 * recorded there (that first run is timed on its own) and never in {@code cli/target}.
 * {@code --cli NAME=DIR} times another build's launcher in the same rounds (a "before"): DIR holds
 * {@code bin/egress} and the jar beside {@code bin}, as {@code cli/target} does.
 *
 * <pre>
 * java -cp benchmarks/target/egress-guard-benchmarks.jar dev.egressguard.benchmarks.ColdStart [--repo .] [--cold-runs 11] [--cli before=DIR]
 * </pre>
 */
final class ColdStart {

    static final double TARGET_RATIO = 2.5;

    /** One kind of process and its wall and CPU times, in milliseconds, one per round. */
    record Timing(String name, List<String> command, long[] wall, long[] cpu) {
        Timing(String name, List<String> command, int rounds) {
            this(name, command, new long[rounds], new long[rounds]);
        }

        static long median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        static long min(long[] values) {
            return Arrays.stream(values).min().orElse(0);
        }

        static long max(long[] values) {
            return Arrays.stream(values).max().orElse(0);
        }
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--cli")) {
                others.add(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        BenchmarkMain.Options o = BenchmarkMain.Options.parse(rest.toArray(String[]::new));
        measure(o.repo, others, o.work.resolve("cold-start"), o.coldRuns);
    }

    static void measure(Path repo, Path work, int rounds) throws IOException, InterruptedException {
        measure(repo, List.of(), work, rounds);
    }

    /** {@code others}: {@code NAME=DIR}, other builds' launchers to time in the same rounds. */
    static void measure(Path repo, List<String> others, Path work, int rounds) throws IOException, InterruptedException {
        System.out.println();
        if (rounds < 1) {
            System.out.println("Cold start: not measured (--cold-runs " + rounds + ").");
            return;
        }
        Optional<Path> jar = cliJar(repo.resolve("cli/target"));
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
        List<String> verify = List.of("verify", example.toString(), "--format", "json");
        List<String> viaJar = new ArrayList<>(List.of(java, "-jar", jar.get().toString()));
        viaJar.addAll(verify);
        List<Timing> timings = new ArrayList<>();
        timings.add(new Timing("bare JVM printing a line", List.of(java, "-cp", hello.toString(), PrintLine.class.getName()),
                rounds));
        timings.add(new Timing("java -jar egress-cli.jar verify", viaJar, rounds));
        Optional<Timing> floor = parseFloorTiming(java, example, work.resolve("parse-floor"), rounds);
        floor.ifPresent(timings::add);
        List<Long> firstRuns = new ArrayList<>();
        for (String other : others) {
            String[] nameDir = other.split("=", 2);
            Path dir = Path.of(nameDir[1]);
            timings.add(launcherTiming(nameDir[0] + ": bin/egress verify", dir.resolve("bin/egress"),
                    cliJar(dir).orElseThrow(() -> new IllegalArgumentException("no egress-cli-*.jar in " + dir)),
                    work.resolve("dist-" + nameDir[0]), verify, rounds));
        }
        timings.add(launcherTiming("bin/egress verify (CDS archive)", launcher, jar.get(), work.resolve("dist"), verify,
                rounds));

        for (Timing t : timings) {
            List<String> first = t.command();
            if (floor.isPresent() && t == floor.get()) {
                // Its archive is recorded by a run of its own, as the launcher records the CLI's.
                first = new ArrayList<>(first);
                first.set(1, first.get(1).replace("-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit="));
            }
            long[] firstRun = WholeProcess.time(first, work, Map.of());  // a launcher's first run records its archive
            if (t.name().contains("bin/egress")) {
                firstRuns.add(firstRun[0]);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Timing t : timings) {
                long[] sample = WholeProcess.time(t.command(), work, Map.of());
                t.wall()[round] = sample[0];
                t.cpu()[round] = sample[1];
            }
        }
        long bare = Timing.median(timings.get(0).wall());
        long bareCpu = Timing.median(timings.get(0).cpu());
        System.out.printf("Cold start (whole processes, %d alternating rounds; median, min-max, ratio of medians to the"
                + " bare JVM; target: %.1fx the wall time; load average %s at the end):%n", rounds, TARGET_RATIO,
                WholeProcess.load());
        for (Timing t : timings) {
            long wall = Timing.median(t.wall());
            long cpu = Timing.median(t.cpu());
            System.out.printf("  %-42s wall %5d ms (%d-%d) %5.1fx | cpu %5d ms (%d-%d) %5.1fx%n", t.name(), wall,
                    Timing.min(t.wall()), Timing.max(t.wall()), (double) wall / bare, cpu, Timing.min(t.cpu()),
                    Timing.max(t.cpu()), bareCpu > 0 ? (double) cpu / bareCpu : Double.NaN);
        }
        System.out.printf("  %-42s %s ms (once each)%n", "launchers' first runs (record the archive)", firstRuns);
        for (Timing t : timings.subList(1, timings.size())) {
            if (floor.isPresent() && t == floor.get()) {
                continue;  // a reference, not a target
            }
            double ratio = (double) Timing.median(t.wall()) / bare;
            System.out.printf("  %-7s %s within %.1fx the bare JVM (%.1fx)%n", ratio <= TARGET_RATIO ? "MET" : "MISSED",
                    t.name(), TARGET_RATIO, ratio);
        }
    }

    /**
     * The least any Java tool could do for this job, started the way the launcher starts the CLI
     * (its own class-data sharing archive, the first JIT tier): a JVM that parses the example's
     * JSON files with Jackson ({@link ParseFloor}) and exits. What the CLI takes beyond it is the
     * CLI's own; what it takes beyond the bare JVM no work of ours can remove. Needs this class's
     * own jar (an archive cannot cover classes from a directory), so not measured from classes.
     */
    private static Optional<Timing> parseFloorTiming(String java, Path example, Path dir, int rounds) throws IOException {
        Path self;
        try {
            self = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(self)) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path archive = dir.resolve("parse-floor.jsa");
        Files.deleteIfExists(archive);
        return Optional.of(new Timing("JVM parsing the example with Jackson (CDS)",
                List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-XX:TieredStopAtLevel=1", "-cp", self.toString(), ParseFloor.class.getName(), example.toString()),
                rounds));
    }

    /** A launcher and its jar copied to {@code dist} (a fresh archive is recorded there), run through sh. */
    private static Timing launcherTiming(String name, Path launcher, Path jar, Path dist, List<String> verify, int rounds)
            throws IOException {
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Files.copy(launcher, bin.resolve("egress"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(jar, dist.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> old = Files.list(dist)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".jsa")).toList()) {
                Files.delete(p);
            }
        }
        List<String> command = new ArrayList<>(List.of("sh", bin.resolve("egress").toString()));
        command.addAll(verify);
        return new Timing(name, command, rounds);
    }

    /** The shaded CLI jar in {@code dir}: neither the tests jar nor the shade plugin's original. */
    static Optional<Path> cliJar(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(dir)) {
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
}
