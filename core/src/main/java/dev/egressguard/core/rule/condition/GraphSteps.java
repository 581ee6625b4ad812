package dev.egressguard.core.rule.condition;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the graph steps ask of one graph again and again, worked out once for it and kept with it
 * ({@link ResourceGraph#derived}): the parents {@code parent:} looks up (a {@code referencedBy}
 * asks for the parent of every referrer of every subnet, rule after rule, and working out a
 * parent id makes a new id each time) and the resources whose bodies may hide a reference
 * (every {@code referencedBy} that finds no referrer goes through them). Thread-safe: a graph
 * may be read by several threads.
 */
final class GraphSteps {

    /** A resource's parent: its id ({@code null} for a top-level resource) and the resource when the graph has it. */
    record Parent(ResourceId id, Resource resource) {
    }

    private final ResourceGraph graph;
    private final Map<ResourceId, Parent> parents = new ConcurrentHashMap<>();
    private final List<Resource> withUnknownReferences;

    private GraphSteps(ResourceGraph graph) {
        this.graph = graph;
        this.withUnknownReferences = graph.resourcesWithUnknownReferences();
    }

    static GraphSteps of(ResourceGraph graph) {
        return graph.derived(GraphSteps.class, GraphSteps::new);
    }

    Parent parentOf(Resource child) {
        // Read first: only a miss needs the capturing lambda computeIfAbsent takes.
        Parent known = parents.get(child.id());
        return known != null ? known : parents.computeIfAbsent(child.id(), id -> {
            ResourceId parent = id.parent().orElse(null);
            return new Parent(parent, parent == null ? null : graph.find(parent).orElse(null));
        });
    }

    /** {@link ResourceGraph#resourcesWithUnknownReferences}, made once. */
    List<Resource> resourcesWithUnknownReferences() {
        return withUnknownReferences;
    }
}
