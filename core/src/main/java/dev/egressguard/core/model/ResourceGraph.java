package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The resources of one evaluation, indexed by id, with the references between them: every
 * string under a reference key (see {@link #isReferenceKey}, at any depth of a body) that parses
 * as a resource id is a reference, and each reference is also indexed in reverse. A resource's
 * own id in its body (live resources carry it) is not a reference.
 *
 * <p>A symbolic Unknown under a reference key (an id built from a parameter without value,
 * {@link Value.Unknown#symbol}) whose text names a resource of the graph is a reference to it:
 * resources named from the same parameter have ids with exactly that text.
 *
 * <p>Where the template does not decide whether a body refers to a resource, the graph keeps an
 * {@link UnknownReference}, at the pointer where the reference may hide ({@link Site}):
 * <ul>
 *   <li>{@link Site#ID}: an Unknown under a reference key, or a symbolic id that names no
 *       resource of the graph (two different symbols are not known to differ, so it may be any
 *       resource of the type it names);</li>
 *   <li>{@link Site#VALUE}: an Unknown anywhere else — a whole list, one element, an object such
 *       as {@code subnet}, an output of an output — unless it is known to be a string (a symbol
 *       with literal text: {@code concat()}, {@code format()}), which is a reference only under a
 *       reference key;</li>
 *   <li>{@link Site#UNDECLARED}: an open object ({@link Value.Obj#isOpen}, runtime state read
 *       with {@code reference()}): a property it does not declare may hold a reference.</li>
 * </ul>
 * Steps that look for referrers decide which sites matter ({@code referencedBy} with a
 * {@code via} only those on the via path); the graph only records them. Known ids that name no
 * resource of the graph are kept too ({@link #danglingReferencesTo}): they may name a resource
 * whose own id holds a symbol.
 *
 * <p>Build it from {@link Normalizer#normalize} output so that inline children are resources.
 */
public final class ResourceGraph {

    private final Map<ResourceId, Resource> byId;
    private final Map<ResourceId, List<Reference>> outgoing;
    private final Map<ResourceId, List<Reference>> incoming;
    private final Map<ResourceId, List<UnknownReference>> unknownFrom = new LinkedHashMap<>();
    /** References to ids that name no resource of the graph, by the target's type in lower case. */
    private final Map<String, List<Reference>> dangling = new HashMap<>();
    /**
     * Every reference text seen while indexing, parsed once: thousands of resources name the same
     * few subnets and gateways, and rules follow those same texts again ({@link #idOf}).
     */
    private final Map<String, Optional<ResourceId>> parsedIds;
    /**
     * The resource each id of {@link #parsedIds} names, by the id instance: a reference's id is
     * equal to its target's own id but another instance, and comparing two equal ids compares
     * their whole texts, which an estate's ids share for a hundred characters. Thousands of
     * references share the few parsed ids of their targets, so each is compared once. Made
     * while the graph is built, read-only after.
     */
    private final Map<ResourceId, Resource> targets;
    /** Views computed from the whole graph once (the egress model), by the class that computes them. */
    private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** A reference from {@code from} at {@code pointer} (JSON pointer in its body) to {@code target}. */
    public record Reference(Resource from, String pointer, ResourceId target) {
    }

    /** What kind of place in a body an {@link UnknownReference} is; see the class comment. */
    public enum Site {
        /** An id that is unknown, or symbolic and naming no resource of the graph. */
        ID,
        /** An Unknown that may be a list or an object holding ids. */
        VALUE,
        /** An open object: a property it does not declare may be a reference. */
        UNDECLARED
    }

    /**
     * A place in {@code from}'s body where a reference may hide that only the deployment decides
     * ({@code reference('vnet').outputs.subnetId}): it might point at any resource, so "nobody
     * refers to me" becomes UNKNOWN instead of FALSE. {@code value} is the Unknown there (for an
     * {@link Site#UNDECLARED} site, the open object's reason for its undeclared properties).
     */
    public record UnknownReference(Resource from, String pointer, Value.Unknown value, Site site) {

        /**
         * The type of resource this unknown id can name: the type its symbolic text names
         * ({@code resourceId('Microsoft.Network/virtualNetworks/subnets', ...)}), else empty (any).
         */
        public Optional<String> targetType() {
            return site == Site.ID && value.symbol() != null
                    ? ResourceId.parse(value.symbol().render()).map(ResourceId::type) : Optional.empty();
        }

        /** Whether this site may hold a reference to a resource of {@code type}. */
        public boolean mayName(String type) {
            return targetType().map(type::equalsIgnoreCase).orElse(true);
        }
    }

    private ResourceGraph(Map<ResourceId, Resource> byId) {
        this.byId = byId;
        // Sized from the resources, so that no index is copied as it grows: nearly every
        // resource of an estate refers to another, and names a target of its own.
        int expected = byId.size();
        outgoing = new HashMap<>(capacityFor(expected));
        incoming = new HashMap<>(capacityFor(expected / 2));
        parsedIds = new HashMap<>(capacityFor(expected));
        targets = new IdentityHashMap<>(expected);
        Walk walk = new Walk();
        // One list for every walk; what a resource holds is kept in a list of its own size.
        List<Reference> found = new ArrayList<>();
        List<UnknownReference> unknown = new ArrayList<>();
        Map<String, String> lowerTypes = new HashMap<>();
        for (Resource r : byId.values()) {
            found.clear();
            unknown.clear();
            walk.collect(r, found, unknown);
            if (!found.isEmpty()) {
                outgoing.put(r.id(), new ArrayList<>(found));
            }
            for (int i = 0; i < found.size(); i++) {
                Reference ref = found.get(i);
                // Kept under the target's own id: referencesTo is asked with that very id, so the
                // lookup's identity check answers without comparing two long texts.
                Resource target = target(ref.target());
                incoming.computeIfAbsent(target != null ? target.id() : ref.target(), k -> new ArrayList<>()).add(ref);
                if (target == null) {
                    // Many references name the same few types outside the graph (a load balancer's probes).
                    String type = lowerTypes.computeIfAbsent(ref.target().type(), t -> t.toLowerCase(Locale.ROOT));
                    dangling.computeIfAbsent(type, k -> new ArrayList<>()).add(ref);
                }
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
        if (resources instanceof NormalizedResources normalized) {
            // The normaliser's own index: the same ids, resources and order this would build.
            return new ResourceGraph(normalized.byId());
        }
        Map<ResourceId, Resource> map = new LinkedHashMap<>(capacityFor(resources.size()));
        for (Resource r : resources) {
            map.put(r.id(), r);
        }
        return new ResourceGraph(map);
    }

    /** A hash map's initial capacity that holds {@code expected} entries without growing. */
    private static int capacityFor(int expected) {
        return Math.max(16, (int) (expected / 0.75f) + 1);
    }

    public Collection<Resource> resources() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public Optional<Resource> find(ResourceId id) {
        Resource known = targets.get(id);
        return Optional.ofNullable(known != null ? known : byId.get(id));
    }

    /** The resource {@code id} (a reference's target) names, or null; kept by instance while building. */
    private Resource target(ResourceId id) {
        Resource known = targets.get(id);
        if (known == null && !targets.containsKey(id)) {
            known = byId.get(id);
            targets.put(id, known);
        }
        return known;
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

    /** The resources whose bodies hold at least one {@link UnknownReference}, in graph order. */
    public List<Resource> resourcesWithUnknownReferences() {
        return unknownFrom.keySet().stream().map(byId::get).toList();
    }

    /** The places in {@code resource}'s body where a reference may hide that only the deployment decides. */
    public List<UnknownReference> unknownReferencesFrom(Resource resource) {
        return unknownFrom.getOrDefault(resource.id(), List.of());
    }

    /**
     * The references to ids of {@code type} that name no resource of the graph: one of them may
     * name a resource whose id holds a symbol, when the deployment gives the parameter that value.
     */
    public List<Reference> danglingReferencesTo(String type) {
        return dangling.getOrDefault(type.toLowerCase(Locale.ROOT), List.of());
    }

    /** The parent of a child resource (a subnet's vnet) when it is in the graph. */
    public Optional<Resource> parentOf(Resource resource) {
        return resource.id().parent().flatMap(this::find);
    }

    /**
     * The resource a symbolic id names: the one whose id is the symbol's text, if the graph has
     * it. Empty for an Unknown without symbol.
     */
    public Optional<Resource> findSymbolic(Value.Unknown id) {
        return id.symbol() == null ? Optional.empty() : idOf(id.symbol().render()).flatMap(this::find);
    }

    /**
     * A view of the whole graph that a layer above computes once and every rule then reads (the
     * egress model): computed on first use, under {@code key}, and kept as long as the graph.
     * Thread-safe; {@code compute} must not ask for another derived view of this graph.
     */
    public <T> T derived(Class<T> key, java.util.function.Function<ResourceGraph, T> compute) {
        // Read first: rules ask for a view per resource, and only a miss needs the capturing lambda.
        Object known = derived.get(key);
        return key.cast(known != null ? known : derived.computeIfAbsent(key, k -> compute.apply(this)));
    }

    /**
     * The walk that finds the references in a body, known and unknown: one for the whole graph,
     * so that its pointer stack hands out the same pointer strings for every body
     * ({@link PointerStack}). It visits an object's fields through {@code forEach}, which the
     * objects' maps answer without the entry wrappers an unmodifiable map's entry set makes for
     * every property of every body. It takes {@code Object}s so that {@code accept} is one method:
     * as a {@code BiConsumer<String, Value>} it had a bridge method too, and the JIT compiled the
     * walk twice, once inlined into the bridge.
     */
    private final class Walk implements BiConsumer<Object, Object> {
        private final PointerStack pointer = new PointerStack();
        private Resource from;
        private List<Reference> out;
        private List<UnknownReference> unknown;

        void collect(Resource resource, List<Reference> references, List<UnknownReference> unknownReferences) {
            from = resource;
            out = references;
            unknown = unknownReferences;
            value(resource.body());
            from = null;
            out = null;
            unknown = null;
        }

        private void value(Value value) {
            if (value instanceof Value.Obj obj) {
                if (obj.isOpen()) {
                    unknown.add(new UnknownReference(from, pointer.pointer(), obj.rest(), Site.UNDECLARED));
                }
                if (obj.mayHoldIdOrUnknown()) {
                    obj.fields().forEach(this);
                }
            } else if (value instanceof Value.Arr arr) {
                for (int i = 0; i < arr.size(); i++) {
                    // Only an Unknown, an object or an array can hold a reference: a string, a
                    // number or a boolean in a list is passed by without touching the pointer.
                    Value item = arr.get(i);
                    if (item instanceof Value.Unknown u) {
                        pointer.push(i);
                        unknownValue(u);
                        pointer.pop();
                    } else if (mayHoldReference(item)) {
                        pointer.push(i);
                        value(item);
                        pointer.pop();
                    }
                }
            }
        }

        /**
         * Whether an object or an array may hold what the walk records. An object that holds no
         * Unknown, no open object and no string that could parse as an id holds none, and most
         * of a body (a scale set's OS and storage profiles, tags, SKUs) is passed by whole
         * ({@link Value.Obj#mayHoldIdOrUnknown}: worked out when each object was built, so the
         * inline children, whose bodies share their entries' objects, find it made too).
         */
        private static boolean mayHoldReference(Value value) {
            return value instanceof Value.Obj obj ? obj.isOpen() || obj.mayHoldIdOrUnknown() : value instanceof Value.Arr;
        }

        /**
         * One property of an object: a key and its value. Most properties are plain strings,
         * numbers and booleans under keys that are not reference keys; they are passed by first,
         * without a push on the pointer stack, since nothing is recorded for them.
         */
        @Override
        public void accept(Object k, Object value) {
            if (value instanceof Value.Obj || value instanceof Value.Arr) {
                if (mayHoldReference((Value) value)) {
                    pointer.push((String) k);
                    value((Value) value);
                    pointer.pop();
                }
            } else if (value instanceof Value.Str s) {
                String key = (String) k;
                if (isReferenceKey(key)) {
                    pointer.push(key);
                    reference(s);
                    pointer.pop();
                }
            } else if (value instanceof Value.Unknown u) {
                String key = (String) k;
                pointer.push(key);
                if (isReferenceKey(key)) {
                    unknownId(u);
                } else {
                    unknownValue(u);
                }
                pointer.pop();
            }
        }

        /** A string under a reference key: a reference when it parses as an id other than the resource's own. */
        private void reference(Value.Str s) {
            Optional<ResourceId> target = parsedIds.computeIfAbsent(s.value(), ResourceId::parse);
            if (target.isPresent() && !target.get().equals(from.id())) {
                out.add(new Reference(from, pointer.pointer(), target.get()));
            }
        }

        /** An Unknown id: a reference when its symbol names a resource of the graph, else a site. */
        private void unknownId(Value.Unknown u) {
            Optional<ResourceId> target = u.symbol() == null ? Optional.empty()
                    : parsedIds.computeIfAbsent(u.symbol().render(), ResourceId::parse);
            if (target.isPresent() && target.get().equals(from.id())) {
                return;
            }
            if (target.isPresent() && byId.containsKey(target.get())) {
                out.add(new Reference(from, pointer.pointer(), target.get()));
            } else {
                unknown.add(new UnknownReference(from, pointer.pointer(), u, Site.ID));
            }
        }

        /** An Unknown outside a reference key: it may be a list or an object of ids, unless it is a known string. */
        private void unknownValue(Value.Unknown u) {
            if (!isKnownString(u)) {
                unknown.add(new UnknownReference(from, pointer.pointer(), u, Site.VALUE));
            }
        }
    }

    /**
     * Whether an Unknown is known to be a string: a symbol with literal text around its terms
     * is what {@code concat()} or {@code format()} made of strings. A symbol that is one term
     * ({@code parameters('pools')}) may be any value.
     */
    public static boolean isKnownString(Value.Unknown u) {
        return u.symbol() != null && !u.symbol().isTerm();
    }

    /**
     * Whether a property holds a reference: {@code id} in any casing ({@code subnet.id},
     * {@code "PublicIpAddress": {"Id": ...}}), or a camel-case name ending in {@code Id} or
     * {@code ID} ({@code vnetSubnetID} of an AKS pool, {@code subnetId}), which ARM uses where
     * the reference is a plain string.
     */
    public static boolean isReferenceKey(String key) {
        // Every form ends in d or D; the walk asks for every string property of every body.
        int length = key.length();
        if (length < 2) {
            return false;
        }
        char last = key.charAt(length - 1);
        if (last != 'd' && last != 'D') {
            return false;
        }
        return key.equalsIgnoreCase("id")
                || key.length() > 2 && (key.endsWith("Id") || key.endsWith("ID"))
                && Character.isLowerCase(key.charAt(key.length() - 3));
    }
}
