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
        List<Spelled> collections = collectionsOf(parent.type());
        if (collections.isEmpty()) {
            // Most resources of an estate (and every child of a child) hold no inline collection.
            return List.of();
        }
        List<Resource> out = new ArrayList<>();
        for (int k = 0; k < collections.size(); k++) {
            Spelled s = collections.get(k);
            InlineCollection c = s.collection();
            Located array = locate(parent.body(), c.path(), s.path());
            if (array == null || !(array.value() instanceof Value.Arr entries)) {
                continue;
            }
            boolean asWritten = array.pointer() == s.path().pointer();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof Value.Obj entry) {
                    String pointer = asWritten ? s.path().entryPointer(i) : array.pointer() + "/" + i;
                    out.add(child(parent, s, entry, i, pointer));
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
    record Spelled(InlineCollection collection, String childType, CollectionPath path) {
    }

    /**
     * What is asked of a collection's path for every parent, worked out once: its keys'
     * {@link Value.Obj#foldedHash}es, the array's JSON pointer as the path spells its keys, and
     * the pointers of its first entries. Read-only once made (shared by every thread).
     */
    record CollectionPath(int[] foldedHashes, String pointer, String[] entryPointers) {

        /** Entries whose pointers are kept written: more than a collection of a template here holds. */
        private static final int KEPT_ENTRY_POINTERS = 64;

        static CollectionPath of(List<String> keys) {
            int[] folded = new int[keys.size()];
            StringBuilder pointer = new StringBuilder();
            for (int k = 0; k < folded.length; k++) {
                folded[k] = Value.Obj.foldedHash(keys.get(k));
                pointer.append('/').append(JsonPointers.escape(keys.get(k)));
            }
            String array = pointer.toString();
            String[] entries = new String[KEPT_ENTRY_POINTERS];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = array + "/" + i;
            }
            return new CollectionPath(folded, array, entries);
        }

        /** {@code pointer() + "/" + index}, the same instance for every parent while the index is small. */
        String entryPointer(int index) {
            return index < entryPointers.length ? entryPointers[index] : pointer + "/" + index;
        }
    }

    /** The inline collections of each type a resource has. */
    private static final TypeCache<List<Spelled>> COLLECTIONS = new TypeCache<>(
            type -> InlineCollection.ALL.stream().filter(c -> c.parentType().equalsIgnoreCase(type))
                    .map(c -> new Spelled(c, (type + "/" + c.childSegment()).intern(), CollectionPath.of(c.path()))).toList());

    private static List<Spelled> collectionsOf(String type) {
        return COLLECTIONS.get(type);
    }

    private static Resource child(Resource parent, Spelled s, Value.Obj entry, int index, String pointer) {
        InlineCollection c = s.collection();
        String name = nameOf(entry, index);
        Value.Obj body = withApiVersionOf(parent, c.flat() ? armShape(entry, name) : entry);
        // The parent's id spelling its type as the parent does (the evaluator hands both the
        // same string): the child's id takes the children's shared type string too.
        ResourceId id = parent.id().type() == parent.type() ? parent.id().child(c.childSegment(), name, s.childType())
                : parent.id().child(c.childSegment(), name);
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

    /**
     * The value at {@code path} in {@code body}, keys matched in any casing, with its pointer:
     * {@code prepared}'s own pointer instance when every key is spelled as the path spells it
     * (nearly always), else one written for the spelling found.
     */
    static Located locate(Value.Obj body, List<String> path, CollectionPath prepared) {
        Value current = body;
        String[] spelledKeys = null;
        for (int k = 0; k < path.size(); k++) {
            if (!(current instanceof Value.Obj obj)) {
                return null;
            }
            String key = path.get(k);
            // Looked up once as spelled; only a miss asks for another spelling.
            Value exact = obj.fields().get(key);
            if (exact != null) {
                current = exact;
                continue;
            }
            String spelled = obj.otherSpelling(key, prepared.foldedHashes()[k]);
            if (spelled == null) {
                return null;
            }
            if (spelledKeys == null) {
                spelledKeys = path.toArray(new String[0]);
            }
            spelledKeys[k] = spelled;
            current = obj.fields().get(spelled);
        }
        return new Located(current, spelledKeys == null ? prepared.pointer() : pointerOf(spelledKeys));
    }

    private static String pointerOf(String[] keys) {
        StringBuilder pointer = new StringBuilder();
        for (String key : keys) {
            pointer.append('/').append(JsonPointers.escape(key));
        }
        return pointer.toString();
    }
}
