package dev.egressguard.core.rule.condition;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parents {@code parent:} steps look up in one graph, each found once: a {@code referencedBy}
 * asks for the parent of every referrer of every subnet, rule after rule, and working out a
 * parent id makes a new id (its lower-cased key included) each time. Kept with the graph
 * ({@link ResourceGraph#derived}); thread-safe, since the graph may be read by several threads.
 */
final class Parents {

    /** A resource's parent: its id ({@code null} for a top-level resource) and the resource when the graph has it. */
    record Parent(ResourceId id, Resource resource) {
    }

    private final ResourceGraph graph;
    private final Map<ResourceId, Parent> byChild = new ConcurrentHashMap<>();

    private Parents(ResourceGraph graph) {
        this.graph = graph;
    }

    static Parents of(ResourceGraph graph) {
        return graph.derived(Parents.class, Parents::new);
    }

    Parent of(Resource child) {
        return byChild.computeIfAbsent(child.id(), id -> {
            ResourceId parent = id.parent().orElse(null);
            return new Parent(parent, parent == null ? null : graph.find(parent).orElse(null));
        });
    }
}
