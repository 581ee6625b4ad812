package dev.egressguard.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole benchmark in one run: writes the estates, measures each in a forked JVM with the heap
 * limit under test, prints the figures and how they stand against the targets, the hot spots of
 * one size (Flight Recorder), what {@code egress:verify} adds to the examples' build and, first of all, the
 * cold start of the CLI as whole processes ({@link ColdStart}).
 *
 * <pre>
 * ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/egress-guard-benchmarks.jar [--sizes 1000,10000,100000] [--files 1000]
 *      [--xmx 1g] [--work DIR] [--profile 10000|none] [--repo .] [--build-runs 3|0] [--cold-runs 11|0] [--quick]
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        machine();
        // First, while nothing of ours has warmed the file cache with estates: whole processes.
        ColdStart.measure(o.repo, o.work.resolve("cold-start"), o.coldRuns);
        List<Row> rows = new ArrayList<>();
        for (int size : o.sizes) {
            Path root = o.work.resolve("estate-" + size);
            EstateGenerator.Estate estate = fresh(root, () -> EstateGenerator.estate(root, size));
            System.out.printf("%nEstate %,d: %,d resources in %d templates (%,d files, %.1f MB)%n", size,
                    estate.resources(), estate.templates().size(), estate.files().size(), estate.bytes() / 1e6);
            // Fewer rounds as sizes grow tenfold: the JIT is warm after the first, and time is finite.
            int tenfolds = (int) Math.max(0, Math.floor(Math.log10(size / 1_000.0)));
            int warmups = Math.max(1, o.warmups - tenfolds);
            int iterations = Math.max(1, o.iterations - 2 * tenfolds);
            rows.add(new Row("estate " + size, estate, timeAndHeap(o, estate, warmups, iterations)));
        }
        if (o.files > 0) {
            Path root = o.work.resolve("files-" + o.files);
            EstateGenerator.Estate dir = fresh(root, () -> EstateGenerator.fileDirectory(root, o.files));
            System.out.printf("%nDirectory of %,d templates: %,d resources (%.1f MB)%n", o.files, dir.resources(),
                    dir.bytes() / 1e6);
            rows.add(new Row(o.files + " files", dir, timeAndHeap(o, dir, o.warmups, o.iterations)));
        }
        Targets.print(rows, o.xmx);
        if (o.profile > 0) {
            Path root = o.work.resolve("estate-" + o.profile);
            EstateGenerator.Estate estate = fresh(root, () -> EstateGenerator.estate(root, o.profile));
            Path jfr = o.work.resolve("verify-" + o.profile + ".jfr");
            System.out.printf("%nProfiling estate %,d with Flight Recorder -> %s%n", o.profile, jfr);
            fork(o, estate, 1, o.iterations, jfr, Measure.Part.TIME);
            HotSpots.print(jfr, 20);
        }
        buildCost(o);
    }

    record Row(String name, EstateGenerator.Estate estate, Map<String, String> result) {
        double number(String key) {
            String v = result.get(key);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    private static void machine() throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("Machine: %d cores, %.1f GB memory, %s %s (%s), %s%n", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / 1e9, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static EstateGenerator.Estate fresh(Path root, java.util.function.Supplier<EstateGenerator.Estate> make)
            throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return make.get();
    }

    /**
     * Times in a JVM whose heap is fixed at its limit (the collections Measure asks for between the
     * timed parts must not shrink it, or verify pays for growing it back), and measures the heap in
     * another that starts small, as a CI agent's does, so that collections show what stays alive.
     */
    private static Map<String, String> timeAndHeap(Options o, EstateGenerator.Estate estate, int warmups, int iterations)
            throws IOException, InterruptedException {
        Map<String, String> result = new LinkedHashMap<>(fork(o, estate, warmups, iterations, null, Measure.Part.TIME));
        Map<String, String> heap = fork(o, estate, 0, 1, null, Measure.Part.HEAP);
        heap.forEach((k, v) -> {
            if (k.startsWith("peak") || k.startsWith("live") || k.equals("gcs") || k.equals("error")) {
                result.merge(k, v, (a, b) -> a + "," + b);
            }
        });
        return result;
    }

    /** Runs {@link Measure} in a JVM of its own; {@code jfr} non-null records it with Flight Recorder. */
    static Map<String, String> fork(Options o, EstateGenerator.Estate estate, int warmups, int iterations, Path jfr,
                                    Measure.Part part) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.xmx, "-cp", System.getProperty("java.class.path")));
        if (part == Measure.Part.TIME) {
            command.add(1, "-Xms" + o.xmx);
        }
        command.add("-D" + Measure.PART + "=" + part);
        if (jfr != null) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        command.addAll(List.of(Measure.class.getName(), estate.root().toString(), String.valueOf(warmups),
                String.valueOf(iterations)));
        estate.templates().forEach(t -> command.add(t.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    Arrays.stream(line.substring(7).split(" ")).map(kv -> kv.split("=", 2))
                            .filter(kv -> kv.length == 2).forEach(kv -> result.put(kv[0], kv[1]));
                } else if (!line.startsWith("[") || !line.contains("jfr")) {
                    System.out.println("  | " + line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 && !result.containsKey("error")) {
            result.put("error", "exit-" + exit);
        }
        System.out.println("  " + result);
        return result;
    }

    private static void buildCost(Options o) throws IOException, InterruptedException {
        List<Path> examples = BuildCost.examples(o.repo);
        System.out.println();
        if (o.buildRuns < 1) {
            System.out.println("Build cost: not measured (--build-runs " + o.buildRuns + ").");
            return;
        }
        if (examples.isEmpty()) {
            System.out.println("Build cost: no examples/*/pom.xml under " + o.repo.toAbsolutePath() + ", not measured.");
            return;
        }
        System.out.printf("Build cost of egress:verify (offline, median of %d alternating rounds, target: adds under"
                + " 0.3 s; load average %s):%n", o.buildRuns, WholeProcess.load());
        for (Path example : examples) {
            BuildCost.Cost c = BuildCost.measure(o.repo, example, o.buildRuns);
            System.out.printf("  %-30s validate %5d ms, validate egress:verify %5d ms (exit %d): adds %5d ms  %s%n",
                    c.project(), c.validateMs(), c.verifyMs(), c.verifyExit(), c.addedMs(),
                    c.addedMs() < 300 ? "MET" : "MISSED");
            System.out.printf("  %-30s %s%n", "", c.trivialMs() < 0
                    ? "a trivial goal (" + BuildCost.TRIVIAL_GOAL + ") could not run offline: not compared"
                    : String.format("a trivial goal (enforcer:display-info) adds %d ms: any plugin's share", c.trivialAddedMs()));
        }
    }

    static final class Options {
        List<Integer> sizes = List.of(1_000, 10_000, 100_000);
        int files = 1_000;
        String xmx = "1g";
        Path work = Path.of("benchmarks", "target", "estates");
        int profile = 10_000;
        Path repo = Path.of(".");
        int buildRuns = 3;
        int coldRuns = 11;
        int warmups = 3;
        int iterations = 5;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--sizes" -> { o.sizes = Arrays.stream(value.split(",")).map(Integer::parseInt).toList(); i++; }
                    case "--files" -> { o.files = Integer.parseInt(value); i++; }
                    case "--xmx" -> { o.xmx = value; i++; }
                    case "--work" -> { o.work = Path.of(value); i++; }
                    case "--profile" -> { o.profile = value.equals("none") ? 0 : Integer.parseInt(value); i++; }
                    case "--repo" -> { o.repo = Path.of(value); i++; }
                    case "--build-runs" -> { o.buildRuns = Integer.parseInt(value); i++; }
                    case "--cold-runs" -> { o.coldRuns = Integer.parseInt(value); i++; }
                    case "--quick" -> { o.warmups = 1; o.iterations = 2; o.buildRuns = 1; o.coldRuns = 5; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--sizes --files --xmx --work --profile --repo --build-runs --cold-runs --quick)");
                }
            }
            return o;
        }
    }
}
