package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Object functions, and union/intersection, which Azure defines for arrays and objects alike. */
final class ObjectFunctions {

    private ObjectFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "createObject" -> b.addUnknownAware(name, 0, -1, ObjectFunctions::createObject);
            case "items" -> b.add(name, 1, 1, ObjectFunctions::items);
            case "json" -> b.add(name, 1, 1, ObjectFunctions::json);
            case "null" -> b.add(name, 0, 0, c -> Value.Null.INSTANCE);
            case "objectKeys" -> b.add(name, 1, 1,
                    c -> new Value.Arr(c.object(0).fields().keySet().stream().map(Value::of).toList()));
            case "shallowMerge" -> b.add(name, 1, 1, ObjectFunctions::shallowMerge);
            case "union" -> b.add(name, 1, -1, ObjectFunctions::union);
            case "intersection" -> b.add(name, 1, -1, ObjectFunctions::intersection);
            case "tryGet" -> b.addUnknownAware(name, 2, -1, ObjectFunctions::tryGet);
        }
    }

    private static Value createObject(FunctionCall c) {
        if (c.count() % 2 != 0) {
            throw c.error("expects pairs of key and value but got " + c.count() + " arguments");
        }
        Value.Obj out = Value.Obj.EMPTY;
        for (int i = 0; i < c.count(); i += 2) {
            Value key = c.known(c.arg(i));
            if (!(key instanceof Value.Str s)) {
                throw c.wrongType(i, "a string key", key);
            }
            // Keys differing only in case are one property in ARM; the later value wins.
            out = out.with(s.value(), c.arg(i + 1));
        }
        return out;
    }

    /** Azure returns the entries sorted by key. */
    private static Value items(FunctionCall c) {
        List<Map.Entry<String, Value>> entries = new ArrayList<>(c.object(0).fields().entrySet());
        entries.sort((x, y) -> x.getKey().compareToIgnoreCase(y.getKey()));
        List<Value> out = new ArrayList<>();
        for (Map.Entry<String, Value> e : entries) {
            Map<String, Value> item = new LinkedHashMap<>();
            item.put("key", Value.of(e.getKey()));
            item.put("value", e.getValue());
            out.add(new Value.Obj(item));
        }
        return new Value.Arr(out);
    }

    private static Value json(FunctionCall c) {
        try {
            return JsonText.parse(c.string(0));
        } catch (dev.egressguard.core.value.ExpressionException e) {
            throw c.error("can't parse its argument: " + e.getMessage());
        }
    }

    private static Value shallowMerge(FunctionCall c) {
        Value.Obj merged = Value.Obj.EMPTY;
        for (Value item : c.array(0).items()) {
            if (!(c.known(item) instanceof Value.Obj o)) {
                throw c.error("expects an array of objects but an element is " + item.typeName());
            }
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                merged = merged.with(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    private static Value union(FunctionCall c) {
        if (c.arg(0) instanceof Value.Obj) {
            Value.Obj merged = Value.Obj.EMPTY;
            for (int i = 0; i < c.count(); i++) {
                merged = deepMerge(c, merged, c.object(i));
            }
            return merged;
        }
        List<Value> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.count(); i++) {
            for (Value item : c.array(i).items()) {
                String key = Values.canonicalKey(item);
                // An element holding an Unknown may or may not equal another; it is kept.
                if (key == null || seen.add(key)) {
                    out.add(item);
                }
            }
        }
        return new Value.Arr(out);
    }

    /** Properties union() may merge in one call; objects that share parts could otherwise need 2^n steps. */
    static final long MAX_MERGE_STEPS = 1_000_000;

    static Value.Obj deepMerge(FunctionCall c, Value.Obj into, Value.Obj from) {
        return deepMerge(c, into, from, new long[] {MAX_MERGE_STEPS});
    }

    /** Later values win; nested objects are merged too, as Azure's union does. */
    private static Value.Obj deepMerge(FunctionCall c, Value.Obj into, Value.Obj from, long[] budget) {
        Value.Obj result = into;
        for (Map.Entry<String, Value> e : from.fields().entrySet()) {
            if (--budget[0] < 0) {
                throw c.error("would merge more than " + MAX_MERGE_STEPS + " properties");
            }
            Value existing = result.get(e.getKey());
            if (existing instanceof Value.Obj a && e.getValue() instanceof Value.Obj b) {
                result = result.with(e.getKey(), deepMerge(c, a, b, budget));
            } else {
                result = result.with(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    private static Value intersection(FunctionCall c) {
        if (c.arg(0) instanceof Value.Obj first) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : first.fields().entrySet()) {
                boolean inAll = true;
                for (int i = 1; i < c.count(); i++) {
                    Value other = c.object(i).get(e.getKey());
                    if (other == null || !Values.knownEqual(c.known(e.getValue()), c.known(other))) {
                        inAll = false;
                        break;
                    }
                }
                if (inAll) {
                    out.put(e.getKey(), e.getValue());
                }
            }
            return new Value.Obj(out);
        }
        List<Set<String>> others = new ArrayList<>();
        for (int i = 1; i < c.count(); i++) {
            Set<String> keys = new HashSet<>();
            for (Value item : c.array(i).items()) {
                keys.add(canonicalKnown(c, item));
            }
            others.add(keys);
        }
        List<Value> out = new ArrayList<>();
        Set<String> added = new HashSet<>();
        for (Value item : c.array(0).items()) {
            String key = canonicalKnown(c, item);
            if (others.stream().allMatch(keys -> keys.contains(key)) && added.add(key)) {
                out.add(item);
            }
        }
        return new Value.Arr(out);
    }

    /** Whether an element is in every array depends on all of it: an Unknown makes the result Unknown. */
    private static String canonicalKnown(FunctionCall c, Value item) {
        return Values.canonicalKey(c.known(item));
    }

    /** {@code tryGet(value, key or index, ...)}: null where the path leads nowhere. */
    private static Value tryGet(FunctionCall c) {
        Value current = c.arg(0);
        for (int i = 1; i < c.count(); i++) {
            Value key = c.known(c.arg(i));
            if (current instanceof Value.Unknown) {
                return current;
            }
            if (current instanceof Value.Obj o && key instanceof Value.Str s) {
                current = o.get(s.value());
            } else if (current instanceof Value.Arr a && key instanceof Value.Int n) {
                current = n.value() >= 0 && n.value() < a.size() ? a.get((int) n.value()) : null;
            } else if (current instanceof Value.Null) {
                return current;
            } else {
                throw c.error("can't look up " + FunctionCall.describe(key) + " in " + current.typeName());
            }
            if (current == null) {
                return Value.Null.INSTANCE;
            }
        }
        return current;
    }
}
