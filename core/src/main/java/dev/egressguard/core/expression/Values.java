package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Unknowns;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;
import java.math.BigDecimal;
import java.util.Map;

/** Comparisons and text conversions shared by the function families, with ARM's rules. */
public final class Values {

    private Values() {
    }

    /**
     * Deep equality as {@code equals()} sees it, in three values: Bool, or the Unknown that
     * decides it. A known difference wins over an Unknown ({@code [1, ?]} is not {@code [2, ?]}).
     * Strings compare case-sensitively, object keys case-insensitively.
     */
    public static Value equal(Value a, Value b) {
        return equal(a, b, new long[] {MAX_COMPARISON_STEPS});
    }

    /**
     * Values can share parts, so a small value can stand for an astronomically large tree;
     * comparing more nodes than this is refused instead of running for ever.
     */
    static final long MAX_COMPARISON_STEPS = 10_000_000;

    private static Value equal(Value a, Value b, long[] budget) {
        if (--budget[0] < 0) {
            throw new ExpressionException("The values are too large to compare (more than "
                    + MAX_COMPARISON_STEPS + " parts)");
        }
        if (a instanceof Value.Unknown u) {
            // The same symbol is the same value, whatever the deployment makes it.
            return u.sameValueAs(b) ? Value.Bool.TRUE : a;
        }
        if (b instanceof Value.Unknown) {
            return b;
        }
        if (isNumber(a) && isNumber(b)) {
            return Value.of(decimal(a).compareTo(decimal(b)) == 0);
        }
        if (a instanceof Value.Arr x && b instanceof Value.Arr y) {
            if (x.size() != y.size()) {
                return Value.Bool.FALSE;
            }
            Value unknown = null;
            for (int i = 0; i < x.size(); i++) {
                Value r = equal(x.get(i), y.get(i), budget);
                if (r == Value.Bool.FALSE) {
                    return r;
                }
                if (r instanceof Value.Unknown && unknown == null) {
                    unknown = r;
                }
            }
            return unknown != null ? unknown : Value.Bool.TRUE;
        }
        if (a instanceof Value.Obj x && b instanceof Value.Obj y) {
            if (x.isOpen() || y.isOpen()) {
                return openEqual(x, y, budget);
            }
            if (x.fields().size() != y.fields().size()) {
                return Value.Bool.FALSE;
            }
            Value unknown = null;
            for (Map.Entry<String, Value> e : x.fields().entrySet()) {
                Value other = y.get(e.getKey());
                if (other == null) {
                    return Value.Bool.FALSE;
                }
                Value r = equal(e.getValue(), other, budget);
                if (r == Value.Bool.FALSE) {
                    return r;
                }
                if (r instanceof Value.Unknown && unknown == null) {
                    unknown = r;
                }
            }
            return unknown != null ? unknown : Value.Bool.TRUE;
        }
        return Value.of(a.equals(b));
    }

    /**
     * Objects of which one is open ({@link Value.Obj#isOpen}): a known difference in a property
     * both hold, or one that a closed side lacks while the open side holds it, decides FALSE;
     * otherwise the properties only the deployment knows decide.
     */
    private static Value openEqual(Value.Obj x, Value.Obj y, long[] budget) {
        for (Value.Obj[] pair : new Value.Obj[][] {{x, y}, {y, x}}) {
            for (Map.Entry<String, Value> e : pair[0].fields().entrySet()) {
                Value other = pair[1].read(e.getKey());
                if (other == null) {
                    return Value.Bool.FALSE;
                }
                if (equal(e.getValue(), other, budget) == Value.Bool.FALSE) {
                    return Value.Bool.FALSE;
                }
            }
        }
        return x.isOpen() ? x.rest() : y.rest();
    }

    /**
     * A text that is the same for two values exactly when {@link #equal} says they are equal
     * (numbers normalised, object keys lower-cased and sorted); null for a value holding an
     * Unknown. Lets union() and intersection() deduplicate in linear time.
     */
    public static String canonicalKey(Value v) {
        if (Unknowns.containsUnknown(v)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        canonical(v, sb);
        return sb.toString();
    }

    private static void canonical(Value v, StringBuilder sb) {
        if (sb.length() > Evaluator.MAX_STRING_LENGTH) {
            throw new ExpressionException("The value is too large to compare (its text passes "
                    + Evaluator.MAX_STRING_LENGTH + " characters)");
        }
        if (isNumber(v)) {
            BigDecimal d = decimal(v);
            sb.append('n').append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
        } else if (v instanceof Value.Arr a) {
            sb.append('[');
            for (Value item : a.items()) {
                canonical(item, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof Value.Obj o) {
            java.util.TreeMap<String, Value> sorted = new java.util.TreeMap<>();
            o.fields().forEach((k, x) -> sorted.put(k.toLowerCase(java.util.Locale.ROOT), x));
            sb.append('{');
            sorted.forEach((k, x) -> {
                sb.append(JsonText.write(Value.of(k))).append(':');
                canonical(x, sb);
                sb.append(',');
            });
            sb.append('}');
        } else {
            sb.append(JsonText.write(v, Evaluator.MAX_STRING_LENGTH));
        }
    }

    /** True only when {@link #equal} is known to be true. */
    public static boolean knownEqual(Value a, Value b) {
        return equal(a, b) == Value.Bool.TRUE;
    }

    public static boolean isNumber(Value v) {
        return v instanceof Value.Int || v instanceof Value.Num;
    }

    public static BigDecimal decimal(Value v) {
        if (v instanceof Value.Int i) {
            return BigDecimal.valueOf(i.value());
        }
        return ((Value.Num) v).value();
    }

    /**
     * A scalar as text, as Azure writes it into a string: integers in digits, booleans as
     * {@code True}/{@code False} (.NET), null as empty; arrays and objects as compact JSON.
     */
    public static String text(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Int i) {
            return Long.toString(i.value());
        }
        if (v instanceof Value.Num n) {
            return JsonText.numberText(n.value());
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? "True" : "False";
        }
        if (v instanceof Value.Null) {
            return "";
        }
        return JsonText.write(v, Evaluator.MAX_STRING_LENGTH);
    }
}
