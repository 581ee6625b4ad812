package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the graph does not index but {@code referencedBy} must not ignore: references whose id
 * is unknown before deployment ({@code reference('vnet').outputs.subnetId}). Such a reference
 * might point at any resource, so it makes "nobody refers to me" UNKNOWN instead of FALSE.
 * Computed once per resource and kept for the run.
 */
public final class GraphIndex {

    /** A reference property ({@code id}, {@code vnetSubnetID}...) of {@code from} whose value is unknown. */
    public record UnknownReference(Resource from, String pointer, Value.Unknown value) {
    }

    private final ResourceGraph graph;
    private List<Resource> withUnknownReferences;
    private final Map<ResourceId, List<UnknownReference>> unknownById = new HashMap<>();

    public GraphIndex(ResourceGraph graph) {
        this.graph = graph;
    }

    /** The resources that hold at least one unknown id, in graph order; computed on first use. */
    public List<Resource> resourcesWithUnknownReferences() {
        if (withUnknownReferences == null) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : graph.resources()) {
                if (!unknownReferencesFrom(r).isEmpty()) {
                    out.add(r);
                }
            }
            withUnknownReferences = List.copyOf(out);
        }
        return withUnknownReferences;
    }

    public List<UnknownReference> unknownReferencesFrom(Resource r) {
        return unknownById.computeIfAbsent(r.id(), k -> {
            List<UnknownReference> out = new ArrayList<>();
            collect(r, r.body(), new StringBuilder(), out);
            return List.copyOf(out);
        });
    }

    // One pointer builder for the whole walk: the string is made only for an unknown reference.
    private static void collect(Resource from, Value value, StringBuilder pointer, List<UnknownReference> out) {
        int length = pointer.length();
        if (value instanceof Value.Obj obj) {
            for (Map.Entry<String, Value> e : obj.fields().entrySet()) {
                pointer.append('/').append(FieldPath.escape(e.getKey()));
                if (ResourceGraph.isReferenceKey(e.getKey()) && e.getValue() instanceof Value.Unknown u) {
                    out.add(new UnknownReference(from, pointer.toString(), u));
                } else {
                    collect(from, e.getValue(), pointer, out);
                }
                pointer.setLength(length);
            }
        } else if (value instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                collect(from, arr.get(i), pointer.append('/').append(i), out);
                pointer.setLength(length);
            }
        }
    }
}
