package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * Array functions, including those Azure also defines for strings and objects (concat,
 * contains, empty, first, last, indexOf, length, skip, take): one body dispatches on the type.
 */
final class ArrayFunctions {

    /** Azure's limit on range()'s count. */
    static final int MAX_RANGE = 10_000;

    private ArrayFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "array" -> b.add(name, 1, 1, ArrayFunctions::array);
            case "concat" -> b.add(name, 1, -1, ArrayFunctions::concat);
            case "contains" -> b.add(name, 2, 2, ArrayFunctions::contains);
            case "createArray" -> b.addUnknownAware(name, 0, -1, c -> new Value.Arr(c.args()));
            case "empty" -> b.add(name, 1, 1, ArrayFunctions::empty);
            case "first" -> b.add(name, 1, 1, c -> firstOrLast(c, true));
            case "last" -> b.add(name, 1, 1, c -> firstOrLast(c, false));
            case "indexOf" -> b.add(name, 2, 2, c -> indexOf(c, true));
            case "lastIndexOf" -> b.add(name, 2, 2, c -> indexOf(c, false));
            case "length" -> b.add(name, 1, 1, ArrayFunctions::length);
            case "range" -> b.add(name, 2, 2, ArrayFunctions::range);
            case "skip" -> b.add(name, 2, 2, c -> skipOrTake(c, true));
            case "take" -> b.add(name, 2, 2, c -> skipOrTake(c, false));
            case "flatten" -> b.add(name, 1, 1, ArrayFunctions::flatten);
            case "indexFromEnd" -> b.add(name, 2, 2, c -> fromEnd(c, false));
            case "tryIndexFromEnd" -> b.add(name, 2, 2, c -> fromEnd(c, true));
        }
    }

    private static Value array(FunctionCall c) {
        Value v = c.arg(0);
        return v instanceof Value.Arr ? v : Value.Arr.of(v);
    }

    private static Value concat(FunctionCall c) {
        boolean arrays = c.arg(0) instanceof Value.Arr;
        if (arrays) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < c.count(); i++) {
                Value v = c.arg(i);
                if (v instanceof Value.Null) {
                    continue;
                }
                if (!(v instanceof Value.Arr a)) {
                    throw c.error("can't join arrays and other values: argument " + (i + 1) + " is "
                            + v.typeName() + " (all arguments must be arrays, or none)");
                }
                if ((long) out.size() + a.size() > Evaluator.MAX_ARRAY_LENGTH) {
                    throw c.error("would build an array of more than " + Evaluator.MAX_ARRAY_LENGTH + " elements");
                }
                out.addAll(a.items());
            }
            return new Value.Arr(out);
        }
        long total = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.count(); i++) {
            Value v = c.arg(i);
            if (v instanceof Value.Arr || v instanceof Value.Obj) {
                throw c.error("can't join strings and " + v.typeName() + " values: argument " + (i + 1)
                        + " is " + v.typeName() + " (all arguments must be arrays, or none)");
            }
            String s = Values.text(v);
            total += s.length();
            Strings.checkLength(c, total);
            sb.append(s);
        }
        return new Value.Str(sb.toString());
    }

    private static Value contains(FunctionCall c) {
        Value container = c.arg(0);
        Value item = c.arg(1);
        if (container instanceof Value.Str s) {
            return Value.of(s.value().contains(Values.text(c.known(item))));
        }
        if (container instanceof Value.Obj o) {
            return Value.of(o.has(Values.text(c.known(item))));
        }
        if (container instanceof Value.Arr a) {
            return Value.of(find(c, a, item, true) >= 0);
        }
        throw c.wrongType(0, "an array, object or string", container);
    }

    /**
     * The index of {@code item} in {@code a}; -1 when it is surely absent; the call's result is
     * Unknown when an Unknown element before the match (or anywhere, when absent) could be it.
     */
    static int find(FunctionCall c, Value.Arr a, Value item, boolean fromStart) {
        Value unknownSeen = null;
        for (int k = 0; k < a.size(); k++) {
            int i = fromStart ? k : a.size() - 1 - k;
            Value r = Values.equal(a.get(i), item);
            if (r == Value.Bool.TRUE) {
                if (unknownSeen != null) {
                    c.known(unknownSeen);
                }
                return i;
            }
            if (r instanceof Value.Unknown && unknownSeen == null) {
                unknownSeen = r;
            }
        }
        if (unknownSeen != null) {
            c.known(unknownSeen);
        }
        return -1;
    }

    private static Value empty(FunctionCall c) {
        Value v = c.arg(0);
        if (v instanceof Value.Null) {
            return Value.Bool.TRUE;
        }
        if (v instanceof Value.Str s) {
            return Value.of(s.value().isEmpty());
        }
        if (v instanceof Value.Arr a) {
            return Value.of(a.size() == 0);
        }
        if (v instanceof Value.Obj o) {
            return Value.of(o.fields().isEmpty());
        }
        throw c.wrongType(0, "an array, object, string or null", v);
    }

    private static Value firstOrLast(FunctionCall c, boolean first) {
        Value v = c.arg(0);
        if (v instanceof Value.Str s) {
            String t = s.value();
            if (t.isEmpty()) {
                return new Value.Str("");
            }
            return new Value.Str(first ? t.substring(0, 1) : t.substring(t.length() - 1));
        }
        if (v instanceof Value.Arr a) {
            if (a.size() == 0) {
                return Value.Null.INSTANCE;
            }
            return first ? a.get(0) : a.get(a.size() - 1);
        }
        throw c.wrongType(0, "an array or string", v);
    }

    private static Value indexOf(FunctionCall c, boolean fromStart) {
        Value v = c.arg(0);
        if (v instanceof Value.Str s) {
            // Azure compares case-insensitively here (unlike contains).
            String hay = s.value().toLowerCase(java.util.Locale.ROOT);
            String needle = c.string(1).toLowerCase(java.util.Locale.ROOT);
            return Value.of(fromStart ? hay.indexOf(needle) : hay.lastIndexOf(needle));
        }
        if (v instanceof Value.Arr a) {
            return Value.of(find(c, a, c.arg(1), fromStart));
        }
        throw c.wrongType(0, "an array or string", v);
    }

    private static Value length(FunctionCall c) {
        Value v = c.arg(0);
        if (v instanceof Value.Str s) {
            return Value.of(s.value().length());
        }
        if (v instanceof Value.Arr a) {
            return Value.of(a.size());
        }
        if (v instanceof Value.Obj o) {
            return Value.of(o.fields().size());
        }
        throw c.wrongType(0, "an array, object or string", v);
    }

    private static Value range(FunctionCall c) {
        long start = c.integer(0);
        long count = c.integer(1);
        if (count < 0 || count > MAX_RANGE) {
            throw c.error("count must be between 0 and " + MAX_RANGE + " but is " + count);
        }
        if (start + count > Integer.MAX_VALUE || start < Integer.MIN_VALUE) {
            throw c.error("startIndex + count must not exceed " + Integer.MAX_VALUE);
        }
        List<Value> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(Value.of(start + i));
        }
        return new Value.Arr(out);
    }

    private static Value skipOrTake(FunctionCall c, boolean skip) {
        Value v = c.arg(0);
        long n = c.integer(1);
        if (v instanceof Value.Str s) {
            int k = (int) Math.max(0, Math.min(n, s.value().length()));
            return new Value.Str(skip ? s.value().substring(k) : s.value().substring(0, k));
        }
        if (v instanceof Value.Arr a) {
            int k = (int) Math.max(0, Math.min(n, a.size()));
            return new Value.Arr(skip ? a.items().subList(k, a.size()) : a.items().subList(0, k));
        }
        throw c.wrongType(0, "an array or string", v);
    }

    private static Value flatten(FunctionCall c) {
        List<Value> out = new ArrayList<>();
        for (Value item : c.array(0).items()) {
            if (item instanceof Value.Arr inner) {
                out.addAll(inner.items());
            } else if (item instanceof Value.Unknown u) {
                return u;
            } else {
                throw c.error("expects an array of arrays but an element is " + item.typeName());
            }
        }
        return new Value.Arr(out);
    }

    private static Value fromEnd(FunctionCall c, boolean tolerant) {
        Value.Arr a = c.array(0);
        long n = c.integer(1);
        if (n < 1 || n > a.size()) {
            if (tolerant) {
                return Value.Null.INSTANCE;
            }
            throw c.error("index " + n + " is out of range for an array of " + a.size() + " elements");
        }
        return a.get((int) (a.size() - n));
    }
}
