package dev.egressguard.core.model;

import dev.egressguard.core.expression.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one evaluation, indexed by id, with the references between them: every
 * string under a reference key (see {@link #isReferenceKey}, at any depth of a body) that parses
 * as a resource id is a reference, and each reference is also indexed in reverse. A resource's
 * own id in its body (live resources carry it) is not a reference.
 *
 * <p>Build it from {@link Normalizer#normalize} output so that inline children are resources.
 */
public final class ResourceGraph {

    private final Map<ResourceId, Resource> byId;
    private final Map<ResourceId, List<Reference>> outgoing = new HashMap<>();
    private final Map<ResourceId, List<Reference>> incoming = new HashMap<>();
    private final Map<ResourceId, List<UnknownReference>> unknownFrom = new LinkedHashMap<>();
    /**
     * Every reference text seen while indexing, parsed once: thousands of resources name the same
     * few subnets and gateways, and rules follow those same texts again ({@link #idOf}).
     */
    private final Map<String, Optional<ResourceId>> parsedIds = new HashMap<>();

    /** A reference from {@code from} at {@code pointer} (JSON pointer in its body) to {@code target}. */
    public record Reference(Resource from, String pointer, ResourceId target) {
    }

    /**
     * A reference property of {@code from} whose id is unknown before deployment
     * ({@code reference('vnet').outputs.subnetId}): it might point at any resource, so "nobody
     * refers to me" becomes UNKNOWN instead of FALSE.
     */
    public record UnknownReference(Resource from, String pointer, Value.Unknown value) {
    }

    private ResourceGraph(Map<ResourceId, Resource> byId) {
        this.byId = byId;
        for (Resource r : byId.values()) {
            List<Reference> refs = new ArrayList<>();
            List<UnknownReference> unknown = new ArrayList<>(0);
            collect(r, r.body(), new PointerStack(), refs, unknown, parsedIds);
            outgoing.put(r.id(), refs);
            for (Reference ref : refs) {
                incoming.computeIfAbsent(ref.target(), k -> new ArrayList<>()).add(ref);
            }
            if (!unknown.isEmpty()) {
                unknownFrom.put(r.id(), List.copyOf(unknown));
            }
        }
    }

    /**
     * The graph rules run on: the resources normalised ({@link Normalizer#normalize}: inline
     * children as resources, associations on the side rules read), then indexed. Use this for
     * evaluated templates and live resources alike.
     */
    public static ResourceGraph normalized(List<Resource> resources) {
        return of(Normalizer.normalize(resources));
    }

    /** A graph of exactly these resources; a later resource with the same id replaces an earlier one. */
    public static ResourceGraph of(Collection<Resource> resources) {
        Map<ResourceId, Resource> map = new LinkedHashMap<>();
        for (Resource r : resources) {
            map.put(r.id(), r);
        }
        return new ResourceGraph(map);
    }

    public Collection<Resource> resources() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public Optional<Resource> find(ResourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Resource> ofType(String fullType) {
        return byId.values().stream().filter(r -> r.isType(fullType)).toList();
    }

    /** The references written in {@code resource}'s body. */
    public List<Reference> referencesFrom(Resource resource) {
        return outgoing.getOrDefault(resource.id(), List.of());
    }

    /** The references that point at {@code id} (a subnet's NICs, scale sets, clusters). */
    public List<Reference> referencesTo(ResourceId id) {
        return incoming.getOrDefault(id, List.of());
    }

    /** {@link ResourceId#parse}, answered from the texts the graph has already parsed when it can. */
    public Optional<ResourceId> idOf(String text) {
        Optional<ResourceId> known = parsedIds.get(text);
        return known != null ? known : ResourceId.parse(text);
    }

    /** The resources that hold at least one reference whose id is unknown, in graph order. */
    public List<Resource> resourcesWithUnknownReferences() {
        return unknownFrom.keySet().stream().map(byId::get).toList();
    }

    /** {@code resource}'s references whose id is unknown before deployment. */
    public List<UnknownReference> unknownReferencesFrom(Resource resource) {
        return unknownFrom.getOrDefault(resource.id(), List.of());
    }

    /** The parent of a child resource (a subnet's vnet) when it is in the graph. */
    public Optional<Resource> parentOf(Resource resource) {
        return resource.id().parent().flatMap(this::find);
    }

    /** Finds the references in a body, known and unknown, in one walk. */
    private static void collect(Resource from, Value value, PointerStack pointer, List<Reference> out,
                                List<UnknownReference> unknown, Map<String, Optional<ResourceId>> parsed) {
        if (value instanceof Value.Obj obj) {
            for (Map.Entry<String, Value> e : obj.fields().entrySet()) {
                pointer.push(e.getKey());
                Value v = e.getValue();
                if (v instanceof Value.Str s && isReferenceKey(e.getKey())) {
                    Optional<ResourceId> target = parsed.computeIfAbsent(s.value(), ResourceId::parse);
                    if (target.isPresent() && !target.get().equals(from.id())) {
                        out.add(new Reference(from, pointer.pointer(), target.get()));
                    }
                } else if (v instanceof Value.Unknown u && isReferenceKey(e.getKey())) {
                    unknown.add(new UnknownReference(from, pointer.pointer(), u));
                } else if (v instanceof Value.Obj || v instanceof Value.Arr) {
                    collect(from, v, pointer, out, unknown, parsed);
                }
                pointer.pop();
            }
        } else if (value instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                pointer.push(i);
                collect(from, arr.get(i), pointer, out, unknown, parsed);
                pointer.pop();
            }
        }
    }

    /**
     * Whether a property holds a reference: {@code id} in any casing ({@code subnet.id},
     * {@code "PublicIpAddress": {"Id": ...}}), or a camel-case name ending in {@code Id} or
     * {@code ID} ({@code vnetSubnetID} of an AKS pool, {@code subnetId}), which ARM uses where
     * the reference is a plain string.
     */
    public static boolean isReferenceKey(String key) {
        return key.equalsIgnoreCase("id")
                || key.length() > 2 && (key.endsWith("Id") || key.endsWith("ID"))
                && Character.isLowerCase(key.charAt(key.length() - 3));
    }

    /** JSON pointer escaping (RFC 6901). */
    static String escape(String key) {
        return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
    }
}
