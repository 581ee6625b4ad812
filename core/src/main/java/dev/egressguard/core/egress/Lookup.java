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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * A dotted path split once, with the pointer of each of its beginnings as written: nearly
     * every property the model reads is spelled as the path spells it, and then its pointer is
     * one of these strings instead of a new one.
     *
     * @param keys     the path's keys
     * @param prefixes {@code prefixes[i]}: the pointer of the first {@code i} keys, escaped
     * @param plain    whether no key needs escaping, so a key appended as it is ends a prefix
     */
    private record Path(String[] keys, String[] prefixes, boolean plain) {

        /** The paths met so far: the model's own, written in its code, so there are a few dozen. */
        private static final Map<String, Path> PATHS = new ConcurrentHashMap<>();

        static Path of(String dotted) {
            Path known = PATHS.get(dotted);
            if (known != null) {
                return known;
            }
            String[] keys = dotted.split("\\.");
            String[] prefixes = new String[keys.length + 1];
            prefixes[0] = "";
            boolean plain = true;
            for (int i = 0; i < keys.length; i++) {
                String escaped = JsonPointers.escape(keys[i]);
                plain &= escaped.equals(keys[i]);
                prefixes[i + 1] = prefixes[i] + "/" + escaped;
            }
            Path path = new Path(keys, prefixes, plain);
            PATHS.putIfAbsent(dotted, path);
            return path;
        }
    }

    private final ResourceGraph graph;
    /**
     * By lower-cased child type: children of that type by parent id, in graph order, indexed at the
     * first ask for the type. The model asks for the children of a few types only (routes, load
     * balancer rules and frontends), and most of a graph's resources are children of other types.
     */
    private final Map<String, Map<ResourceId, List<Resource>>> childrenByType = new HashMap<>();
    /** {@link #named(Resource)} by resource: reasons name the same subnets, NAT gateways and pools again and again. */
    private final Map<ResourceId, String> names = new HashMap<>();

    Lookup(ResourceGraph graph) {
        this.graph = graph;
    }

    ResourceGraph graph() {
        return graph;
    }

    /** The child resources of {@code parent} of the full type {@code type}, in graph order. */
    List<Resource> children(Resource parent, String type) {
        Map<ResourceId, List<Resource>> byParent = childrenByType.get(type);
        if (byParent == null) {
            byParent = childrenOfType(type.toLowerCase(Locale.ROOT));
            childrenByType.put(type, byParent);
        }
        return new ArrayList<>(byParent.getOrDefault(parent.id(), List.of()));
    }

    /** The graph's resources of {@code lowerType} by parent id, in graph order. */
    private Map<ResourceId, List<Resource>> childrenOfType(String lowerType) {
        Map<ResourceId, List<Resource>> byParent = new HashMap<>();
        for (Resource r : graph.resources()) {
            if (equalsIgnoringCase(r.type(), lowerType)) {
                Optional<ResourceId> parent = r.id().parent();
                if (parent.isPresent()) {
                    byParent.computeIfAbsent(parent.get(), k -> new ArrayList<>(4)).add(r);
                }
            }
        }
        return byParent;
    }

    /**
     * The value at a dotted path from {@code from} (whose pointer is {@code base}); an Unknown or an
     * open object's undeclared key on the way ends there, with that Unknown.
     */
    static At at(Value from, String base, String dottedPath) {
        Path path = Path.of(dottedPath);
        String[] keys = path.keys();
        Value current = from;
        // The pointer as the body spells it, once a key is spelled otherwise than the path writes it.
        StringBuilder respelled = null;
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            if (current instanceof Value.Unknown) {
                return new At(current, pointer(base, path, i, respelled));
            }
            if (!(current instanceof Value.Obj obj)) {
                // The key that is not there ends the pointer as it is written, unescaped.
                String pointer = respelled == null && path.plain() ? pointer(base, path, i + 1, null)
                        : pointer(base, path, i, respelled) + "/" + key;
                return new At(null, pointer);
            }
            Value v = obj.fields().get(key);
            String spelled = v != null ? key : obj.keyOf(key);
            if (spelled != null && v == null) {
                v = obj.get(spelled);
            }
            if (respelled == null && spelled != null && !spelled.equals(key)) {
                respelled = new StringBuilder(base).append(path.prefixes()[i]);
            } else if (respelled == null) {
                current = spelled != null ? v : obj.isOpen() ? obj.undeclared(key) : null;
                continue;
            }
            respelled.append('/').append(JsonPointers.escape(spelled == null ? key : spelled));
            current = spelled != null ? v : obj.isOpen() ? obj.undeclared(key) : null;
        }
        return new At(current, pointer(base, path, keys.length, respelled));
    }

    /** The pointer of the first {@code n} keys of {@code path} under {@code base}, or the respelled one. */
    private static String pointer(String base, Path path, int n, StringBuilder respelled) {
        if (respelled != null) {
            return respelled.toString();
        }
        return base.isEmpty() ? path.prefixes()[n] : base.concat(path.prefixes()[n]);
    }

    static At at(Resource r, String dottedPath) {
        return at(r.body(), "", dottedPath);
    }

    /** What the id under {@code at} names ({@code at} holds the id string itself). */
    Target target(At at, String what) {
        Value v = at.value();
        if (v instanceof Value.Str s) {
            Optional<ResourceId> id = graph.idOf(s.value());
            if (id.isEmpty()) {
                return new Unknowable(what + " '" + s.value() + "' is not a resource id");
            }
            Optional<Resource> found = graph.find(id.get());
            return found.isPresent() ? new Found(found.get()) : new Elsewhere(s.value());
        }
        if (v instanceof Value.Unknown u) {
            Optional<Resource> found = graph.findSymbolic(u);
            return found.isPresent() ? new Found(found.get()) : new Unknowable(unknownAt(at.pointer(), u));
        }
        return new Unknowable(what + " is not an id");
    }

    /** {@code natGateway 'nat'}, {@code subnet 'nodes' of vnet 'vnet'}: how reasons name a resource. */
    String named(Resource r) {
        String known = names.get(r.id());
        if (known == null) {
            Resource parent = graph.parentOf(r).orElse(null);
            known = parent == null ? sentence(ResourceWords.kind(r.type()), " '", r.name(), "'")
                    : sentence(ResourceWords.kind(r.type()), " '", r.name(), "' of ", ResourceWords.kind(parent.type()), " '",
                    parent.name(), "'");
            names.put(r.id(), known);
        }
        return known;
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

    /**
     * {@code text.toLowerCase(Locale.ROOT).startsWith(lowerPrefix)} for a lower-case ASCII prefix,
     * without the copy for an ASCII text: the model asks it of every reference and unknown site it
     * looks at. Outside ASCII (a hostile key), lower-casing may grow the text, so it copies.
     */
    static boolean startsWithIgnoringCase(String text, String lowerPrefix) {
        int n = Math.min(text.length(), lowerPrefix.length());
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return text.toLowerCase(Locale.ROOT).startsWith(lowerPrefix);
            }
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return text.length() >= lowerPrefix.length();
    }

    /**
     * {@code text.toLowerCase(Locale.ROOT).equals(lower)} for a lower-case ASCII {@code lower}, as
     * {@link #startsWithIgnoringCase}; asked of every resource's type, so a text of another length
     * is told apart without reading it: lower-casing keeps the length but for a dotted capital I,
     * which grows to two characters.
     */
    static boolean equalsIgnoringCase(String text, String lower) {
        if (text.length() == lower.length()) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return text.toLowerCase(Locale.ROOT).equals(lower);
                }
                if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        return text.length() < lower.length() && text.indexOf('\u0130') >= 0
                && text.toLowerCase(Locale.ROOT).equals(lower);
    }

    /** {@code text.toLowerCase(Locale.ROOT).contains(lowerPart)} for a lower-case ASCII part, as {@link #startsWithIgnoringCase}. */
    static boolean containsIgnoringCase(String text, String lowerPart) {
        if (!isAscii(text)) {
            return text.toLowerCase(Locale.ROOT).contains(lowerPart);
        }
        for (int i = 0; i + lowerPart.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, lowerPart, 0, lowerPart.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String dotted(String pointer) {
        return JsonPointers.dotted(pointer);
    }

    /**
     * The parts joined, written at their length: {@code +} grows a builder from 16 characters,
     * copying the text again at each doubling, and the model writes a long reason or two for
     * every subnet and node.
     */
    static String sentence(String... parts) {
        return String.join("", parts);
    }
}
