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
 * floor, wall time and CPU time (a loaded machine stretches the first more than the second). Then one
 * more jar run with a GC log gives the heap: the largest occupancy a collection met
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
        Optional<Path> jar = ColdStart.cliJar(repo.resolve("cli/target"));
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
        List<Series> series = new ArrayList<>();
        series.add(new Series("JVM parsing every file (Jackson)", List.of(java, "-Xmx" + xmx, "-cp",
                System.getProperty("java.class.path"), ParseFloor.class.getName(), estate.toString()), rounds));
        for (String other : others) {
            String[] nameJar = other.split("=", 2);
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-jar", nameJar[1]));
            command.addAll(verify);
            series.add(new Series(nameJar[0] + ": java -jar egress-cli.jar verify", command, rounds));
        }
        series.add(new Series("java -jar egress-cli.jar verify", viaJar, rounds));
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
            series.add(new Series("bin/egress verify (CDS archive)", viaLauncher, rounds));
        }
        Map<String, String> env = Map.of("EGRESS_JAVA_OPTS", "-Xmx" + xmx);
        for (Series t : series) {
            time(t.command(), work, env);  // the file cache, and the launcher's archive
        }
        String loadBefore = load();
        for (int round = 0; round < rounds; round++) {
            for (Series t : series) {
                long[] sample = time(t.command(), work, env);
                t.wall()[round] = sample[0];
                t.cpu()[round] = sample[1];
                t.rssMb()[round] = sample[2];
            }
        }
        double floor = median(series.get(0).wall());
        double floorCpu = median(series.get(0).cpu());
        System.out.printf("%nWhole processes, %s (%d alternating rounds; median (min-max) and ratio of medians to the"
                + " parsing JVM, wall time (target: %.1fx) and, where /usr/bin/time is, CPU time (user+system) and"
                + " the largest resident set; load average %s at the start, %s at the end):%n", estate, rounds,
                TARGET_RATIO, loadBefore, load());
        for (Series t : series) {
            System.out.printf("  %-44s wall %6d ms (%d-%d) %5.2fx | cpu %6d ms (%d-%d) %5.2fx | rss %4d MB%n", t.name(),
                    median(t.wall()), min(t.wall()), max(t.wall()), median(t.wall()) / floor,
                    median(t.cpu()), min(t.cpu()), max(t.cpu()), median(t.cpu()) / floorCpu, max(t.rssMb()));
        }
        for (Series t : series.subList(1, series.size())) {
            if (t.command().contains("-jar")) {
                System.out.printf("  %-44s %s%n", "heap, " + t.name(), heap(t.command(), work, env));
            }
        }
    }

    /** One kind of process: wall and CPU milliseconds and resident megabytes, one per round. */
    private record Series(String name, List<String> command, long[] wall, long[] cpu, long[] rssMb) {
        Series(String name, List<String> command, int rounds) {
            this(name, command, new long[rounds], new long[rounds], new long[rounds]);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
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

    /**
     * Wall milliseconds, CPU milliseconds (user and system, -1 without /usr/bin/time) and the
     * largest resident set in MB (-1 likewise) of one process; exit 0 or 1 (findings) only.
     */
    static long[] time(List<String> command, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = work.resolve("out.txt");
        Path times = work.resolve("time.txt");
        List<String> timed = new ArrayList<>(command);
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            timed.addAll(0, List.of("/usr/bin/time", "-f", "%U %S %M", "-o", times.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(out.toFile());
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
        long cpu = -1;
        long rss = -1;
        if (gnuTime) {
            List<String> lines = Files.readAllLines(times);
            String[] f = lines.get(lines.size() - 1).trim().split(" ");
            cpu = Math.round((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1000);
            rss = Long.parseLong(f[2]) / 1024;
        }
        return new long[] {ms, cpu, rss};
    }
}
