package dev.egressguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Outcome;
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

    /** The system property that says which part to measure. */
    static final String PART = "egress.bench.part";

    /** Timing (parse floor, verify, CPU) or the heap one verify needs. */
    enum Part { TIME, HEAP }

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

        if (Part.valueOf(System.getProperty(PART, Part.TIME.name())) == Part.HEAP) {
            heap(builder, inputs, result);
            return;
        }
        for (int i = 0; i < warmups; i++) {
            parseAll(mapper, files);
            builder.build().verify(inputs);
        }
        long[] parse = new long[iterations];
        long[] verify = new long[iterations];
        double cpuWall = 0;
        int workers = 0;
        Report report = null;
        for (int i = 0; i < iterations; i++) {
            // Each timed part starts on a collected heap, so neither pays for the other's garbage
            // (a 3.5 MB parse is 10 ms; a collection of what verify left is as long).
            System.gc();
            long t0 = System.nanoTime();
            parseAll(mapper, files);
            parse[i] = System.nanoTime() - t0;
            System.gc();
            long cpu0 = processCpuNanos();
            Map<Long, Long> threads0 = threadCpu();
            long t1 = System.nanoTime();
            report = builder.build().verify(inputs);
            verify[i] = System.nanoTime() - t1;
            cpuWall = Math.max(cpuWall, (processCpuNanos() - cpu0) / (double) verify[i]);
            workers = Math.max(workers, busyThreads(threads0, threadCpu()));
        }
        result.put("busyThreads", workers);
        result.put("parseMs", millis(median(parse)));
        result.put("verifyMs", millis(median(verify)));
        result.put("parseMinMs", millis(Arrays.stream(parse).min().orElse(0)));
        result.put("verifyMinMs", millis(Arrays.stream(verify).min().orElse(0)));
        result.put("cpuPerWall", String.format("%.2f", cpuWall));
        describe(report, result);
    }

    private static void heap(EgressGuard.Builder builder, List<Path> inputs, Map<String, Object> result) {
        HeapWatch heap = HeapWatch.start();
        Report report = builder.build().verify(inputs);
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

    /** CPU time of every live thread, by id. */
    private static Map<Long, Long> threadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            var info = threads.getThreadInfo(id);
            // The JIT's threads work hardest while code is new; they are not the verification.
            if (t >= 0 && info != null && !info.getThreadName().contains("CompilerThread")) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /**
     * How many threads each did at least a quarter of the busiest thread's work: 2 means the
     * verification ran on two cores' worth of threads, whatever else the machine was doing
     * (cpu/wall alone drops when other processes take the cores).
     */
    private static int busyThreads(Map<Long, Long> before, Map<Long, Long> after) {
        List<Long> deltas = after.entrySet().stream()
                .map(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).toList();
        long busiest = deltas.stream().mapToLong(Long::longValue).max().orElse(0);
        return (int) deltas.stream().filter(d -> busiest > 0 && d >= busiest / 4).count();
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
