package dev.egressguard.core.expression;

/** Finds Unknowns inside values. */
public final class Unknowns {

    private Unknowns() {
    }

    /** The first Unknown in {@code v} (itself, an element, a property value, at any depth), or null. */
    public static Value.Unknown first(Value v) {
        if (v instanceof Value.Unknown u) {
            return u;
        }
        if (v instanceof Value.Arr a) {
            for (Value item : a.items()) {
                Value.Unknown u = first(item);
                if (u != null) {
                    return u;
                }
            }
        } else if (v instanceof Value.Obj o) {
            for (Value item : o.fields().values()) {
                Value.Unknown u = first(item);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    public static boolean containsUnknown(Value v) {
        return first(v) != null;
    }
}
