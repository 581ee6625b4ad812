package dev.egressguard.benchmarks;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.Normalizer;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.template.TemplateEvaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the parts of a verify cost, in one warmed JVM, each part alone and on one thread: evaluating
 * the estate's templates, normalising and building their graphs (the reference walk), and the
 * egress model (issue 15) on fresh graphs of the same resources, the built-in rules alone on those
 * graphs (their egress models already made, so the rule stage is the engine's own cost); against a whole verify through
 * the facade (both cores, rules included). Parts alternate with verify, each after a collection.
 * Wall time, and the CPU time and bytes allocated of the thread that ran the part (verify: the
 * process's CPU time), which another process's load on the machine stretches far less.
 *
 * <p>Usage: {@code Stages <estateRoot> [warmups] [iterations]} (run with {@code -Xms1g -Xmx1g})
 */
public final class Stages {

    private Stages() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> templates = EstateGenerator.jsonFiles(root.resolve("regions"));
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);
        long[] evaluate = new long[iterations];
        long[] graph = new long[iterations];
        long[] model = new long[iterations];
        long[] rules = new long[iterations];
        long[] verify = new long[iterations];
        long[][] cpu = new long[5][iterations];
        long[][] allocated = new long[5][iterations];
        long[] verifyThreads = new long[iterations];
        RuleEngine engine = new RuleEngine(RuleSetLoader.load(List.of(), true).rules(), RuleEngine.Options.DEFAULT);
        int findings = 0;
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int nodes = 0;
        for (int i = -warmups; i < iterations; i++) {
            System.gc();
            Mark m0 = Mark.now(threads);
            List<List<Resource>> resources = new ArrayList<>();
            for (Path t : templates) {
                resources.add(TemplateEvaluator.evaluate(t, Optional.empty(), DeploymentContext.DEFAULT, root).resources());
            }
            Mark m1 = Mark.now(threads);
            List<List<Resource>> normalised = new ArrayList<>();
            for (List<Resource> r : resources) {
                normalised.add(Normalizer.normalize(r));
            }
            List<ResourceGraph> graphs = new ArrayList<>();
            for (List<Resource> r : normalised) {
                graphs.add(ResourceGraph.of(r));
            }
            Mark m2 = Mark.now(threads);
            nodes = 0;
            for (ResourceGraph g : graphs) {
                nodes += EgressModel.of(g).nodes().size();
            }
            Mark m3 = Mark.now(threads);
            findings = 0;
            for (ResourceGraph g : graphs) {
                findings += engine.evaluate(g).findings().size();
            }
            Mark m3r = Mark.now(threads);
            resources = null;
            normalised = null;
            graphs = null;
            System.gc();
            java.util.Map<Long, Long> b4 = allocatedByThread(threads);
            java.util.Map<Long, Long> u4 = cpuByThread(threads);
            long p4 = os.getProcessCpuTime();
            long t4 = System.nanoTime();
            builder.build().verify(templates);
            long t5 = System.nanoTime();
            long p5 = os.getProcessCpuTime();
            java.util.Map<Long, Long> b5 = allocatedByThread(threads);
            java.util.Map<Long, Long> u5 = cpuByThread(threads);
            if (i >= 0) {
                Mark[] marks = {m0, m1, m2, m3, m3r};
                long[][] walls = {evaluate, graph, model, rules};
                for (int stage = 0; stage < walls.length; stage++) {
                    walls[stage][i] = marks[stage + 1].wall() - marks[stage].wall();
                    cpu[stage][i] = marks[stage + 1].cpu() - marks[stage].cpu();
                    allocated[stage][i] = marks[stage + 1].allocated() - marks[stage].allocated();
                }
                verify[i] = t5 - t4;
                cpu[4][i] = p5 - p4;
                allocated[4][i] = b5.entrySet().stream().mapToLong(e -> e.getValue() - b4.getOrDefault(e.getKey(), 0L)).sum();
                verifyThreads[i] = u5.entrySet().stream().mapToLong(e -> e.getValue() - u4.getOrDefault(e.getKey(), 0L)).sum();
            }
        }
        long v = median(verify);
        long vc = median(cpu[4]);
        System.out.printf("Stages of %s, %d templates, median (min-max) of %d after %d warm-ups, one thread each"
                + " (verify: both cores), load %s:%n", root, templates.size(), iterations, warmups, WholeProcess.load());
        print("evaluate templates", evaluate, v, cpu[0], vc, allocated[0]);
        print("normalise + graph (reference walk)", graph, v, cpu[1], vc, allocated[1]);
        print("egress model (" + nodes + " nodes)", model, v, cpu[2], vc, allocated[2]);
        print("rules (built-in, " + findings + " findings)", rules, v, cpu[3], vc, allocated[3]);
        print("whole verify (facade; cpu: the process)", verify, v, cpu[4], vc, allocated[4]);
        System.out.printf("  verify's threads: cpu %.1f ms (%.1f-%.1f), without the JIT and GC threads the process figure includes%n",
                median(verifyThreads) / 1e6, Arrays.stream(verifyThreads).min().orElse(0) / 1e6,
                Arrays.stream(verifyThreads).max().orElse(0) / 1e6);
        System.out.println("  (verify's allocation and threads: those alive after it, so not the rule files' reader, which ends before)");
    }

    private static void print(String name, long[] ns, long verify, long[] cpu, long verifyCpu, long[] allocated) {
        System.out.printf("  %-40s wall %8.1f ms (%.1f-%.1f) %5.1f%% | cpu %8.1f ms (%.1f-%.1f) %5.1f%% of verify's%s%n",
                name, median(ns) / 1e6, Arrays.stream(ns).min().orElse(0) / 1e6, Arrays.stream(ns).max().orElse(0) / 1e6,
                100.0 * median(ns) / verify, median(cpu) / 1e6, Arrays.stream(cpu).min().orElse(0) / 1e6,
                Arrays.stream(cpu).max().orElse(0) / 1e6, 100.0 * median(cpu) / verifyCpu,
                allocated == null ? "" : String.format(" | allocated %.1f MB", median(allocated) / 1e6));
    }

    /** Bytes allocated so far by each live thread, by thread id (JDK 17 has no total over all threads). */
    private static java.util.Map<Long, Long> allocatedByThread(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /** CPU time so far of each live thread, by thread id. */
    private static java.util.Map<Long, Long> cpuByThread(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : ids) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                out.put(id, cpu);
            }
        }
        return out;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The current thread's wall clock, CPU time and allocated bytes at one point: a stage is the difference of two. */
    private record Mark(long wall, long cpu, long allocated) {
        static Mark now(com.sun.management.ThreadMXBean threads) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            return new Mark(System.nanoTime(), cpu, allocated);
        }
    }
}
