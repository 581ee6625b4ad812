package dev.egressguard.core.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Finds Unknowns inside values. */
public final class Unknowns {

    private Unknowns() {
    }

    /**
     * The first Unknown in {@code v} (itself, an element, a property value, at any depth), or
     * null. Values can share parts, so each array and object is visited once, and without
     * recursion, so deep nesting cannot exhaust the stack.
     */
    public static Value.Unknown first(Value v) {
        if (v instanceof Value.Unknown u) {
            return u;
        }
        if (v instanceof Value.Obj o && o.isOpen()) {
            return o.rest();
        }
        if (!(v instanceof Value.Arr || v instanceof Value.Obj)) {
            return null;
        }
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(v);
        while (!todo.isEmpty()) {
            Value next = todo.pop();
            if (next instanceof Value.Unknown u) {
                return u;
            }
            if (next instanceof Value.Obj o && o.isOpen()) {
                // Runtime state: what it does not declare is unknown, so all of it is not known.
                return o.rest();
            }
            if (!seen.add(next)) {
                continue;
            }
            Iterable<Value> children = next instanceof Value.Arr a ? a.items()
                    : next instanceof Value.Obj o ? o.fields().values() : List.of();
            List<Value> reversed = new ArrayList<>();
            for (Value child : children) {
                if (child instanceof Value.Arr || child instanceof Value.Obj || child instanceof Value.Unknown) {
                    reversed.add(child);
                }
            }
            for (int i = reversed.size() - 1; i >= 0; i--) {
                todo.push(reversed.get(i));
            }
        }
        return null;
    }

    public static boolean containsUnknown(Value v) {
        return first(v) != null;
    }
}
