package dev.egressguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.engine.Evaluation;
import dev.egressguard.core.engine.Outcome;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures one estate in a JVM of its own (the parent forks it with the heap limit under test):
 * the Jackson floor (read and parse every JSON file of the estate, one after another), then full
 * verification through the facade, each warmed up and then timed; then one more verification
 * with the heap peaks reset. Prints human lines and one {@code RESULT k=v ...} line.
 *
 * <p>Usage: {@code Measure <projectRoot> <warmups> <iterations> <input>...}
 */
public final class Measure {

    private Measure() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int warmups = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        List<Path> inputs = Arrays.stream(args, 3, args.length).map(Path::of).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            run(root, warmups, iterations, inputs, result);
        } catch (OutOfMemoryError e) {
            result.put("error", "OutOfMemoryError");
        } catch (RuntimeException e) {
            result.put("error", e.getClass().getSimpleName() + ":" + String.valueOf(e.getMessage()).replace(' ', '_'));
            e.printStackTrace(System.out);
        }
        System.out.println("RESULT " + result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }

    private static void run(Path root, int warmups, int iterations, List<Path> inputs, Map<String, Object> result)
            throws IOException {
        List<Path> files = EstateGenerator.jsonFiles(root);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        result.put("files", files.size());
        result.put("bytes", bytes);
        ObjectMapper mapper = new ObjectMapper();
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);

        for (int i = 0; i < warmups; i++) {
            parseAll(mapper, files);
            builder.build().verify(inputs);
        }
        long[] parse = new long[iterations];
        long[] verify = new long[iterations];
        double cpuWall = 0;
        Report report = null;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            parseAll(mapper, files);
            parse[i] = System.nanoTime() - t0;
            long cpu0 = processCpuNanos();
            long t1 = System.nanoTime();
            report = builder.build().verify(inputs);
            verify[i] = System.nanoTime() - t1;
            cpuWall = Math.max(cpuWall, (processCpuNanos() - cpu0) / (double) verify[i]);
        }
        result.put("parseMs", millis(median(parse)));
        result.put("verifyMs", millis(median(verify)));
        result.put("parseMinMs", millis(Arrays.stream(parse).min().orElse(0)));
        result.put("verifyMinMs", millis(Arrays.stream(verify).min().orElse(0)));
        result.put("cpuPerWall", String.format("%.2f", cpuWall));

        HeapWatch heap = HeapWatch.start();
        report = builder.build().verify(inputs);
        HeapWatch.Peak peak = heap.stop();
        result.put("peakHeapMb", peak.usedMb());
        result.put("liveAfterGcMb", peak.liveAfterGcMb());
        result.put("gcs", peak.collections());
        describe(report, result);
    }

    private static void describe(Report report, Map<String, Object> result) {
        List<Evaluation> evaluations = report.evaluations();
        result.put("evaluations", evaluations.size());
        result.put("resourcesEvaluated", evaluations.stream().map(e -> e.resourceId().toLowerCase()).distinct().count());
        for (Outcome o : Outcome.values()) {
            result.put(o.name().toLowerCase(), evaluations.stream().filter(e -> e.outcome() == o).count());
        }
        result.put("diagnostics", report.diagnostics().size());
        List<Diagnostic> shown = new ArrayList<>(report.diagnostics().subList(0, Math.min(8, report.diagnostics().size())));
        shown.forEach(d -> System.out.println("  diagnostic: " + d));
        report.findings().stream().limit(5).forEach(f -> System.out.println("  finding: " + f.ruleId() + " "
                + f.outcome() + " " + f.resourceName() + ": " + f.message()));
    }

    static long parseAll(ObjectMapper mapper, List<Path> files) throws IOException {
        long nodes = 0;
        for (Path f : files) {
            JsonNode tree = mapper.readTree(Files.readAllBytes(f));
            nodes += tree.size();
        }
        return nodes;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
