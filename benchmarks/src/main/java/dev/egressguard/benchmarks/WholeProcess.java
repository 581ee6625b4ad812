package dev.egressguard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 18's own measure of throughput: whole processes on one machine, wall time from start to
 * exit, a JVM that only reads and Jackson-parses every JSON file of an estate ({@link ParseFloor})
 * against {@code java -Xmx1g -jar egress-cli.jar verify <estate> --format json --output <file>} and
 * the same through the launcher {@code bin/egress} (archive recorded by a verify of the estate, with
 * {@code EGRESS_JAVA_OPTS=-Xmx1g}). Rounds alternate (floor, jar, launcher, floor, ...) so that load
 * from other processes falls on all alike; medians, min-max and the ratios of the medians to the
 * floor. Then one more jar run with a GC log gives the heap: the largest occupancy a collection met
 * and the largest it left (what the run kept alive).
 *
 * <pre>
 * java -cp benchmarks/target/egress-guard-benchmarks.jar dev.egressguard.benchmarks.WholeProcess
 *      [--sizes 10000,100000] [--process-runs 7] [--repo .] [--work benchmarks/target/estates] [--cli NAME=JAR]
 * </pre>
 * {@code --cli before=JAR} (repeatable) times another build's jar in the same rounds; the estates are
 * written when missing.
 */
public final class WholeProcess {

    static final double TARGET_RATIO = 3.0;

    private WholeProcess() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        int rounds = 7;
        List<String> others = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--process-runs" -> rounds = Integer.parseInt(args[++i]);
                case "--cli" -> others.add(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        BenchmarkMain.Options o = BenchmarkMain.Options.parse(rest.toArray(String[]::new));
        if (rest.stream().noneMatch("--sizes"::equals)) {
            o.sizes = List.of(10_000, 100_000);
        }
        for (int size : o.sizes) {
            Path root = o.work.resolve("estate-" + size);
            if (!Files.isDirectory(root.resolve("regions"))) {
                EstateGenerator.estate(root, size);
            }
            measure(o.repo, others, root, o.work.resolve("process-" + size), o.xmx, rounds);
        }
    }

    /** {@code others}: {@code NAME=JAR}, other builds' CLI jars to time in the same rounds (a "before"). */
    static void measure(Path repo, List<String> others, Path estate, Path work, String xmx, int rounds)
            throws IOException, InterruptedException {
        Optional<Path> jar = ColdStart.cliJar(repo);
        Path launcher = repo.resolve("cli/target/bin/egress");
        if (jar.isEmpty()) {
            System.out.println("Whole processes: no cli/target/egress-cli-*.jar (./mvnw -B -o -pl cli -am package"
                    + " -DskipTests), not measured.");
            return;
        }
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path report = work.resolve("report.json");
        List<String> verify = List.of("verify", estate.toAbsolutePath().toString(), "--format", "json", "--output",
                report.toAbsolutePath().toString());
        List<String> viaJar = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-jar", jar.get().toString()));
        viaJar.addAll(verify);
        List<ColdStart.Timing> timings = new ArrayList<>();
        timings.add(new ColdStart.Timing("JVM parsing every file (Jackson)", List.of(java, "-Xmx" + xmx, "-cp",
                System.getProperty("java.class.path"), ParseFloor.class.getName(), estate.toString()), new long[rounds]));
        for (String other : others) {
            String[] nameJar = other.split("=", 2);
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-jar", nameJar[1]));
            command.addAll(verify);
            timings.add(new ColdStart.Timing(nameJar[0] + ": java -jar egress-cli.jar verify", command, new long[rounds]));
        }
        timings.add(new ColdStart.Timing("java -jar egress-cli.jar verify", viaJar, new long[rounds]));
        if (Files.isRegularFile(launcher)) {
            Path dist = Files.createDirectories(work.resolve("dist"));
            Path bin = Files.createDirectories(dist.resolve("bin"));
            Files.copy(launcher, bin.resolve("egress"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(jar.get(), dist.resolve(jar.get().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> old = Files.list(dist)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".jsa")).toList()) {
                    Files.delete(p);
                }
            }
            List<String> viaLauncher = new ArrayList<>(List.of("sh", bin.resolve("egress").toString()));
            viaLauncher.addAll(verify);
            timings.add(new ColdStart.Timing("bin/egress verify (CDS archive)", viaLauncher, new long[rounds]));
        }
        Map<String, String> env = Map.of("EGRESS_JAVA_OPTS", "-Xmx" + xmx);
        for (ColdStart.Timing t : timings) {
            time(t.command(), work, env);  // the file cache, and the launcher's archive
        }
        for (int round = 0; round < rounds; round++) {
            for (ColdStart.Timing t : timings) {
                t.ms()[round] = time(t.command(), work, env);
            }
        }
        long floor = timings.get(0).median();
        System.out.printf("%nWhole processes, %s (%d alternating rounds; median, min-max, ratio of medians to the"
                + " parsing JVM; target: %.1fx; load average %s):%n", estate, rounds, TARGET_RATIO, load());
        for (ColdStart.Timing t : timings) {
            System.out.printf("  %-36s %6d ms (%d-%d)  %5.2fx%n", t.name(), t.median(), t.min(), t.max(),
                    (double) t.median() / floor);
        }
        for (ColdStart.Timing t : timings.subList(1, timings.size())) {
            if (t.command().contains("-jar")) {
                System.out.printf("  %-36s %s%n", "heap, " + t.name(), heap(t.command(), work, env));
            }
        }
    }

    /** One jar run with a GC log: the most heap a collection found in use, and the most it left. */
    private static String heap(List<String> run, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = work.resolve("gc.log");
        List<String> command = new ArrayList<>(run);
        command.add(1, "-Xlog:gc:file=" + log);
        time(command, work, env);
        Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return String.format("peak in use %d MB, most left alive by a collection %d MB, heap committed %d MB,"
                + " %d collections", before, after, committed, collections);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Wall milliseconds of one process; exit 0 or 1 (findings) only. */
    private static long time(List<String> command, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = work.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not end within 10 minutes: " + command);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (p.exitValue() > 1) {
            throw new IllegalStateException("exit " + p.exitValue() + " from " + command + ": " + Files.readString(out));
        }
        return ms;
    }
}
