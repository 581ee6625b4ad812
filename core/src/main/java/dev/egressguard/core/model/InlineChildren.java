package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.JsonPointers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the entries of {@link InlineCollection}s into child resources with ids, parents and a
 * provenance that points at the entry inside the parent's declaration. An entry that is not an
 * object (an Unknown from {@code reference()}) yields no child; the parent keeps it in its body,
 * and references to the child it would have been stay unresolved, so rules say UNKNOWN.
 */
final class InlineChildren {

    private InlineChildren() {
    }

    /** The children written inline in {@code parent} (not their own inline children). */
    static List<Resource> of(Resource parent) {
        List<Resource> out = new ArrayList<>();
        for (Spelled s : collectionsOf(parent.type())) {
            InlineCollection c = s.collection();
            Located array = locate(parent.body(), c.path());
            if (array == null || !(array.value() instanceof Value.Arr entries)) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof Value.Obj entry) {
                    out.add(child(parent, s, entry, i, array.pointer() + "/" + i));
                }
            }
        }
        return out;
    }

    /**
     * An inline collection of a parent type as spelled, with its children's type: the parent's
     * type as spelled, a slash and the child segment, made once per spelling and interned, so
     * that every child of a type shares one string (rules and the egress model compare types
     * for every resource, and equal strings are equal at the first comparison).
     */
    record Spelled(InlineCollection collection, String childType) {
    }

    /** The inline collections of each type a resource has. */
    private static final TypeCache<List<Spelled>> COLLECTIONS = new TypeCache<>(
            type -> InlineCollection.ALL.stream().filter(c -> c.parentType().equalsIgnoreCase(type))
                    .map(c -> new Spelled(c, (type + "/" + c.childSegment()).intern())).toList());

    private static List<Spelled> collectionsOf(String type) {
        return COLLECTIONS.get(type);
    }

    private static Resource child(Resource parent, Spelled s, Value.Obj entry, int index, String pointer) {
        InlineCollection c = s.collection();
        String name = nameOf(entry, index);
        Value.Obj body = withApiVersionOf(parent, c.flat() ? armShape(entry, name) : entry);
        ResourceId id = parent.id().child(c.childSegment(), name);
        return new Resource(id, s.childType(), name, parent.apiVersion(), body,
                inlineProvenance(parent.provenance(), pointer, c.flat()));
    }

    /**
     * A declared child resource says which API version it was written for, and rules read it
     * (a subnet's {@code defaultOutboundAccess} default changed with 2025-07-01); an inline child
     * was written for its parent's. Live bodies carry none, and get none.
     */
    private static Value.Obj withApiVersionOf(Resource parent, Value.Obj body) {
        Value apiVersion = parent.body().get("apiVersion");
        if (apiVersion == null || body.has("apiVersion")) {
            return body;
        }
        // What body.with("apiVersion", apiVersion) gives (the key is new, so it goes last), built
        // with one copy of the fields instead of two: every inline child of every parent is one.
        Value.Obj.Builder copy = new Value.Obj.Builder(body.fields().size() + 1);
        body.fields().forEach(copy::put);
        copy.put("apiVersion", apiVersion);
        return (body.isOpen() ? copy.rest(body.rest()) : copy).build();
    }

    /**
     * The entry's name; one the template decides up to a parameter without value is its symbol's
     * text ({@code [parameters('subnetName')]}), as ResourceExpander names such resources, so ids
     * built from the same parameter name it. An entry without a usable one (computed by the
     * deployment, missing, or with a slash that would break the id) is named by its position,
     * {@code [2]}, so it still gets checked.
     */
    private static String nameOf(Value.Obj entry, int index) {
        String name = Bodies.idText(entry.get("name"));
        return name == null || name.isBlank() || name.contains("/") ? "[" + index + "]" : name;
    }

    /** {@code {name, count, vnetSubnetID}} -> {@code {name, properties: {count, vnetSubnetID}}}, as ARM returns a child. */
    private static Value.Obj armShape(Value.Obj entry, String name) {
        Value.Obj.Builder properties = new Value.Obj.Builder(entry.fields().size());
        Value.Obj.Builder body = new Value.Obj.Builder(3);
        boolean named = false;
        for (Map.Entry<String, Value> e : entry.fields().entrySet()) {
            if (e.getKey().equalsIgnoreCase("name")) {
                body.put(e.getKey(), e.getValue());
                named |= e.getKey().equals("name");
            } else {
                properties.put(e.getKey(), e.getValue());
            }
        }
        if (!named) {
            body.put("name", Value.of(name));
        }
        return body.put("properties", properties.build()).build();
    }

    /**
     * A child's provenance: it was declared where its entry is written, and its properties are
     * located through the parent's locator under the entry's pointer.
     */
    static Provenance inlineProvenance(Provenance parent, String prefix, boolean flat) {
        PropertyLocator locator = pointer -> parent.locate(prefix + (flat ? unflatten(pointer) : pointer));
        return new Provenance(parent.locate(prefix), locator, parent.portalLink());
    }

    /** A pointer into the ARM-shaped child, mapped back onto the flat entry it came from. */
    private static String unflatten(String pointer) {
        String lower = pointer.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("/properties")) {
            return "";
        }
        return lower.startsWith("/properties/") ? pointer.substring("/properties".length()) : pointer;
    }

    /** A value with the JSON pointer it was found at, keys spelled as written. */
    record Located(Value value, String pointer) {
    }

    static Located locate(Value.Obj body, List<String> path) {
        Value current = body;
        StringBuilder pointer = new StringBuilder();
        for (String key : path) {
            // Looked up once: the key as spelled in the body, then its value under that spelling.
            String spelled = current instanceof Value.Obj obj ? obj.keyOf(key) : null;
            if (spelled == null) {
                return null;
            }
            pointer.append('/').append(JsonPointers.escape(spelled));
            current = ((Value.Obj) current).fields().get(spelled);
        }
        return new Located(current, pointer.toString());
    }
}
