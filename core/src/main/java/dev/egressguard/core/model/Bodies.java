package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.JsonPointers;


/** Small operations on resource bodies that the normalisation steps share. */
final class Bodies {

    private Bodies() {
    }

    /** The object under {@code key} in any casing, or null when absent or not an object. */
    static Value.Obj obj(Value.Obj body, String key) {
        return body != null && body.get(key) instanceof Value.Obj o ? o : null;
    }

    /** The array under {@code key} in any casing, or null when absent or not an array. */
    static Value.Arr arr(Value.Obj body, String key) {
        return body != null && body.get(key) instanceof Value.Arr a ? a : null;
    }

    /** The string under {@code key} in any casing, or null when absent or not a string. */
    static String str(Value.Obj body, String key) {
        return body != null && body.get(key) instanceof Value.Str s ? s.value() : null;
    }

    /** The id string of a reference object such as {@code properties.subnet}, or null. */
    static String refId(Value.Obj body, String key) {
        Value.Obj ref = obj(body, key);
        return ref == null ? null : idText(ref.get("id"));
    }

    /**
     * The text of a name or an id: a string's value, or the text of a symbolic Unknown (an id
     * built from a parameter without value names the resource whose id is that text); else null.
     */
    static String idText(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        return v instanceof Value.Unknown u && u.symbol() != null ? u.symbol().render() : null;
    }

    /** The value at a JSON pointer (keys matched case-insensitively), or null when nothing is there. */
    static Value at(Value root, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return root;
        }
        Value current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = JsonPointers.unescape(raw);
            if (current instanceof Value.Obj o) {
                current = o.get(part);
            } else if (current instanceof Value.Arr a && part.matches("\\d{1,9}")) {
                int i = Integer.parseInt(part);
                current = i < a.size() ? a.get(i) : null;
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** A copy of {@code body} with {@code properties} replaced. */
    static Value.Obj withProperties(Value.Obj body, Value.Obj properties) {
        return body.with("properties", properties);
    }
}
