package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceWords;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading the graph for the egress model: properties by path (case-insensitive, with the JSON
 * pointer as written), ids resolved to resources, and the children of a resource by type.
 */
final class Lookup {

    /** What an id names: a resource of the graph, an id of a resource elsewhere, or nothing known yet. */
    sealed interface Target permits Found, Elsewhere, Unknowable {
    }

    record Found(Resource resource) implements Target {
    }

    record Elsewhere(String id) implements Target {
    }

    record Unknowable(String reason) implements Target {
    }

    /** A value with the pointer it was read at; {@code value} null when absent. */
    record At(Value value, String pointer) {
        boolean isAbsent() {
            return value == null || value instanceof Value.Null;
        }
    }

    private final ResourceGraph graph;
    /** Children by parent id and lower-case type. */
    private final Map<ResourceId, Map<String, List<Resource>>> children = new HashMap<>();

    Lookup(ResourceGraph graph) {
        this.graph = graph;
        for (Resource r : graph.resources()) {
            r.id().parent().ifPresent(p -> children.computeIfAbsent(p, k -> new HashMap<>())
                    .computeIfAbsent(r.type().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r));
        }
    }

    ResourceGraph graph() {
        return graph;
    }

    /** The child resources of {@code parent} of the full type {@code type}. */
    List<Resource> children(Resource parent, String type) {
        return children.getOrDefault(parent.id(), Map.of()).getOrDefault(type.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The value at a dotted path from {@code from} (whose pointer is {@code base}); an Unknown or an
     * open object's undeclared key on the way ends there, with that Unknown.
     */
    static At at(Value from, String base, String dottedPath) {
        Value current = from;
        StringBuilder pointer = new StringBuilder(base);
        for (String key : dottedPath.split("\\.")) {
            if (current instanceof Value.Unknown) {
                return new At(current, pointer.toString());
            }
            if (!(current instanceof Value.Obj obj)) {
                return new At(null, pointer.append('/').append(key).toString());
            }
            String spelled = obj.keyOf(key);
            pointer.append('/').append(JsonPointers.escape(spelled == null ? key : spelled));
            current = spelled != null ? obj.get(spelled) : obj.isOpen() ? obj.undeclared(key) : null;
        }
        return new At(current, pointer.toString());
    }

    static At at(Resource r, String dottedPath) {
        return at(r.body(), "", dottedPath);
    }

    /** What the id under {@code at} names ({@code at} holds the id string itself). */
    Target target(At at, String what) {
        Value v = at.value();
        if (v instanceof Value.Str s) {
            return graph.idOf(s.value()).<Target>map(id -> graph.find(id).<Target>map(Found::new)
                            .orElseGet(() -> new Elsewhere(s.value())))
                    .orElseGet(() -> new Unknowable(what + " '" + s.value() + "' is not a resource id"));
        }
        if (v instanceof Value.Unknown u) {
            return graph.findSymbolic(u).<Target>map(Found::new)
                    .orElseGet(() -> new Unknowable(unknownAt(at.pointer(), u)));
        }
        return new Unknowable(what + " is not an id");
    }

    /** {@code natGateway 'nat'}, {@code subnet 'nodes' of vnet 'vnet'}: how reasons name a resource. */
    String named(Resource r) {
        String kind = ResourceWords.kind(r.type());
        String own = kind + " '" + r.name() + "'";
        return r.id().parent().flatMap(graph::find)
                .map(p -> own + " of " + ResourceWords.kind(p.type()) + " '" + p.name() + "'").orElse(own);
    }

    static String named(ResourceId id) {
        return ResourceWords.kind(id.type()) + " '" + id.name() + "'";
    }

    /** The reason an id names nothing evaluated: "X is not among the evaluated resources". */
    static String elsewhere(String what, String id) {
        return what + " refers to " + id + ", which is not among the evaluated resources";
    }

    /** "properties.subnet.id is unknown before deployment: why": how the rule language says it too. */
    static String unknownAt(String pointer, Value.Unknown u) {
        return dotted(pointer) + " is unknown before deployment: " + u.describe();
    }

    static String dotted(String pointer) {
        return JsonPointers.dotted(pointer);
    }
}
