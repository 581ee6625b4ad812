package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceGraph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The egress models of one graph, one per {@link EgressOptions} a run asked for: kept with the
 * graph ({@link ResourceGraph#derived}), so every rule of a run and the run's egress map share one
 * computation, and a run with other settings (a test, an embedder) gets its own.
 */
final class EgressModels {

    private final Map<EgressOptions, EgressModel> byOptions = new ConcurrentHashMap<>();

    private EgressModels() {
    }

    static EgressModel of(ResourceGraph graph, EgressOptions options,
                          BiFunction<ResourceGraph, EgressOptions, EgressModel> compute) {
        EgressModels models = graph.derived(EgressModels.class, g -> new EgressModels());
        EgressOptions key = options == null ? EgressOptions.NONE : options;
        // A path into the egress view asks for the model on every resource: a plain read first,
        // so that only the first asks make the capturing lambda computeIfAbsent takes.
        EgressModel known = models.byOptions.get(key);
        return known != null ? known : models.byOptions.computeIfAbsent(key, k -> compute.apply(graph, k));
    }
}
