package dev.egressguard.benchmarks;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.Normalizer;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.template.TemplateEvaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the parts of a verify cost, in one warmed JVM, each part alone and on one thread: evaluating
 * the estate's templates, normalising and building their graphs (the reference walk), and the
 * egress model (issue 15) on fresh graphs of the same resources; against a whole verify through
 * the facade (both cores, rules included). Parts alternate with verify, each after a collection.
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
        long[] verify = new long[iterations];
        int nodes = 0;
        for (int i = -warmups; i < iterations; i++) {
            System.gc();
            long t0 = System.nanoTime();
            List<List<Resource>> resources = new ArrayList<>();
            for (Path t : templates) {
                resources.add(TemplateEvaluator.evaluate(t, Optional.empty(), DeploymentContext.DEFAULT, root).resources());
            }
            long t1 = System.nanoTime();
            List<List<Resource>> normalised = new ArrayList<>();
            for (List<Resource> r : resources) {
                normalised.add(Normalizer.normalize(r));
            }
            List<ResourceGraph> graphs = new ArrayList<>();
            for (List<Resource> r : normalised) {
                graphs.add(ResourceGraph.of(r));
            }
            long t2 = System.nanoTime();
            nodes = 0;
            for (ResourceGraph g : graphs) {
                nodes += EgressModel.of(g).nodes().size();
            }
            long t3 = System.nanoTime();
            resources = null;
            normalised = null;
            graphs = null;
            System.gc();
            long t4 = System.nanoTime();
            builder.build().verify(templates);
            long t5 = System.nanoTime();
            if (i >= 0) {
                evaluate[i] = t1 - t0;
                graph[i] = t2 - t1;
                model[i] = t3 - t2;
                verify[i] = t5 - t4;
            }
        }
        long v = median(verify);
        System.out.printf("Stages of %s, %d templates, median (min-max) of %d after %d warm-ups, one thread each"
                + " (verify: both cores), load %s:%n", root, templates.size(), iterations, warmups, WholeProcess.load());
        print("evaluate templates", evaluate, v);
        print("normalise + graph (reference walk)", graph, v);
        print("egress model (" + nodes + " nodes)", model, v);
        print("whole verify (facade)", verify, v);
    }

    private static void print(String name, long[] ns, long verify) {
        System.out.printf("  %-36s %8.1f ms (%.1f-%.1f)  %5.1f%% of verify's median%n", name, median(ns) / 1e6,
                Arrays.stream(ns).min().orElse(0) / 1e6, Arrays.stream(ns).max().orElse(0) / 1e6,
                100.0 * median(ns) / verify);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
