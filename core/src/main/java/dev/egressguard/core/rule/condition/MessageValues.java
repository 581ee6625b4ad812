package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceWords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the placeholders of a {@code message} or a {@code because}: the resource
 * ({@code {name}}, {@code {kind}}, {@code {subject}}...), the verdict's evidence ({@code {path}},
 * {@code {value}}, {@code {reason}}), and three related resources, each with the same fields:
 * {@code parent} (a subnet's vnet), {@code owner} (the top-level resource a child belongs to: the
 * scale set of a normalised ipConfiguration; the resource itself when top-level) and
 * {@code target} (the resource named by the id the verdict rests on: what a {@code ref} followed,
 * the referrer {@code referencedBy} found). A related resource that does not exist renders empty;
 * a target whose id is unknown before deployment renders {@code ?}.
 */
public final class MessageValues {

    private static final List<String> ROLES = List.of("parent", "owner", "target");
    private static final List<String> FIELDS = List.of("kind", "type", "id", "subject");

    /** What every {@code target} placeholder says when the id the verdict rests on is unknown before deployment. */
    public static final String UNKNOWN_TARGET = "?";

    /** Every placeholder, in the order the docs list them. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("name", "type", "id", "path", "value", "reason", "kind", "subject"));
        for (String role : ROLES) {
            names.add(role);
            FIELDS.forEach(f -> names.add(role + "." + f));
        }
        names.add("target.parent");
        NAMES = List.copyOf(names);
    }

    private MessageValues() {
    }

    /** A resource as messages name it: from the graph when it is there, else from its id alone. */
    private record Named(ResourceId id, String name, String type) {
        static Named of(Resource r) {
            return new Named(r.id(), r.name(), r.type());
        }

        static Named of(ResourceId id, ResourceGraph graph) {
            return graph.find(id).map(Named::of).orElseGet(() -> new Named(id, id.name(), id.type()));
        }
    }

    public static Map<String, String> of(Resource resource, ResourceGraph graph, Verdict verdict) {
        Map<String, String> values = new HashMap<>();
        Named self = Named.of(resource);
        put(values, "", self, graph);
        values.put("path", FieldPath.dotted(verdict.path()));
        values.put("value", verdict.value() == null ? "" : ConditionValues.text(verdict.value()));
        values.put("reason", verdict.reasonText());
        put(values, "parent.", resource.id().parent().map(p -> Named.of(p, graph)).orElse(null), graph);
        put(values, "owner.", Named.of(top(resource.id()), graph), graph);
        Named target = target(verdict.value(), graph).orElse(null);
        put(values, "target.", target, graph);
        values.put("target.parent", target == null ? ""
                : target.id().parent().map(p -> Named.of(p, graph).name()).orElse(""));
        if (verdict.value() instanceof Value.Unknown) {
            // The id is unknown before deployment: say so rather than leave a gap in the sentence.
            NAMES.stream().filter(n -> n.startsWith("target")).forEach(n -> values.put(n, UNKNOWN_TARGET));
        }
        return values;
    }

    /** {@code subnet 'nodes' of vnet 'vnet'}, {@code scale set 'web'}. */
    public static String subject(Resource resource, ResourceGraph graph) {
        return subject(Named.of(resource), graph);
    }

    private static String subject(Named n, ResourceGraph graph) {
        String own = ResourceWords.kind(n.type()) + " '" + n.name() + "'";
        return n.id().parent().map(p -> Named.of(p, graph))
                .map(p -> own + " of " + ResourceWords.kind(p.type()) + " '" + p.name() + "'").orElse(own);
    }

    private static void put(Map<String, String> values, String prefix, Named n, ResourceGraph graph) {
        String role = prefix.isEmpty() ? "name" : prefix.substring(0, prefix.length() - 1);
        values.put(role, n == null ? "" : n.name());
        values.put(prefix + "kind", n == null ? "" : ResourceWords.kind(n.type()));
        values.put(prefix + "type", n == null ? "" : n.type());
        values.put(prefix + "id", n == null ? "" : n.id().toString());
        values.put(prefix + "subject", n == null ? "" : subject(n, graph));
    }

    private static ResourceId top(ResourceId id) {
        ResourceId top = id;
        for (Optional<ResourceId> p = id.parent(); p.isPresent(); p = p.get().parent()) {
            top = p.get();
        }
        return top;
    }

    private static Optional<Named> target(Value value, ResourceGraph graph) {
        return value instanceof Value.Str s ? ResourceId.parse(s.value()).map(id -> Named.of(id, graph)) : Optional.empty();
    }
}
