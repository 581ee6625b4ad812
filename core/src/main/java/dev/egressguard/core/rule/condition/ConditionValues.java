package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.SymbolParser;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Comparing and showing values the way rule authors expect: strings case-insensitively (as
 * Azure Policy does), numbers by value whatever their representation, and a string against a
 * number or boolean by its text (settings arrive as strings).
 */
final class ConditionValues {

    private ConditionValues() {
    }

    /** Whether {@link #equality} is TRUE: the two values are known to be equal. */
    public static boolean looseEquals(Value a, Value b) {
        return equality(a, b) == Truth.TRUE;
    }

    /**
     * Whether two values are equal, in three values: an Unknown anywhere in them (an element, a
     * property, a property an open object may hold) makes the answer UNKNOWN unless a part both
     * know already differs, or the two Unknowns are known to be the same value (the same
     * symbol, {@link Value.Unknown#sameValueAs}). A symbolic Unknown and a literal text stay
     * UNKNOWN: the parameter could have that value.
     */
    public static Truth equality(Value a, Value b) {
        if (a == null || b == null) {
            return Truth.of(a == b);
        }
        if (a instanceof Value.Unknown u) {
            return u.sameValueAs(b) ? Truth.TRUE : Truth.UNKNOWN;
        }
        if (b instanceof Value.Unknown) {
            return Truth.UNKNOWN;
        }
        if (a instanceof Value.Str sa && b instanceof Value.Str sb) {
            return Truth.of(sa.value().equalsIgnoreCase(sb.value()));
        }
        Optional<BigDecimal> na = number(a);
        Optional<BigDecimal> nb = number(b);
        if (na.isPresent() && nb.isPresent()) {
            return Truth.of(na.get().compareTo(nb.get()) == 0);
        }
        if (a instanceof Value.Str || b instanceof Value.Str) {
            return Truth.of(isScalar(a) && isScalar(b) && text(a).equalsIgnoreCase(text(b)));
        }
        if (a instanceof Value.Arr xa && b instanceof Value.Arr xb) {
            if (xa.size() != xb.size()) {
                return Truth.FALSE;
            }
            Truth all = Truth.TRUE;
            for (int i = 0; i < xa.size() && all != Truth.FALSE; i++) {
                all = all.and(equality(xa.get(i), xb.get(i)));
            }
            return all;
        }
        if (a instanceof Value.Obj oa && b instanceof Value.Obj ob) {
            return objectEquality(oa, ob);
        }
        return Truth.of(a.equals(b));
    }

    /**
     * Closed objects are equal when they hold the same keys with equal values. An open one may
     * hold more than it declares: a key one side holds and the other cannot (closed, lacking
     * it) or a value both know to differ decides FALSE; otherwise the undeclared rest is UNKNOWN.
     */
    private static Truth objectEquality(Value.Obj a, Value.Obj b) {
        if (!a.isOpen() && !b.isOpen() && a.fields().size() != b.fields().size()) {
            return Truth.FALSE;
        }
        Truth all = a.isOpen() || b.isOpen() ? Truth.UNKNOWN : Truth.TRUE;
        for (Value.Obj[] pair : new Value.Obj[][] {{a, b}, {b, a}}) {
            for (Map.Entry<String, Value> e : pair[0].fields().entrySet()) {
                Value other = pair[1].read(e.getKey());
                if (other == null) {
                    return Truth.FALSE;
                }
                Truth same = equality(e.getValue(), other);
                if (same == Truth.FALSE) {
                    return Truth.FALSE;
                }
                all = all.and(same);
            }
        }
        return all;
    }

    /**
     * A name or id as a rule compares it: the symbolic value its text stands for when it holds
     * a term ({@code [parameters('clusterName')]-vnet}, see {@link Symbol}), else the text.
     */
    public static Value symbolicText(String text, String reason) {
        return SymbolParser.parse(text).<Value>map(s -> new Value.Unknown(reason, SourceLocation.NONE, s))
                .orElseGet(() -> Value.of(text));
    }

    /** What {@link #compare} gives for two values that have no order (a string and a boolean, ...). */
    public static final int UNORDERED = Integer.MIN_VALUE;

    /**
     * Order of two values: numbers (or numeric strings against numbers) by value, strings
     * case-insensitively; {@link #UNORDERED} when they have none (no order ever is that value).
     * An int, not an {@code Optional<Integer>}: comparisons run for every resource.
     */
    public static int compare(Value a, Value b) {
        if (a instanceof Value.Str sa && b instanceof Value.Str sb) {
            // Two strings compare as text even when both hold numbers ("2024-05-01" is an API
            // version): no need to try them as numbers first.
            return sa.value().compareToIgnoreCase(sb.value());
        }
        if (a instanceof Value.Int ia && b instanceof Value.Int ib) {
            // What comparing them as BigDecimals gives (-1, 0, 1), without making them.
            return Long.compare(ia.value(), ib.value());
        }
        Optional<BigDecimal> na = number(a);
        Optional<BigDecimal> nb = number(b);
        if (na.isPresent() && nb.isPresent()) {
            return na.get().compareTo(nb.get());
        }
        return UNORDERED;
    }

    /** The number a value stands for: Int, Num, or a string holding a decimal number. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** Cheap pre-check before the regex: most strings compared in rules are names, not numbers. */
    private static boolean looksNumeric(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+';
    }

    public static Optional<BigDecimal> number(Value v) {
        if (v instanceof Value.Int i) {
            return Optional.of(BigDecimal.valueOf(i.value()));
        }
        if (v instanceof Value.Num n) {
            return Optional.of(n.value());
        }
        if (v instanceof Value.Str s && looksNumeric(s.value()) && NUMBER.matcher(s.value().trim()).matches()) {
            try {
                return Optional.of(new BigDecimal(s.value().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static boolean isScalar(Value v) {
        return v instanceof Value.Str || v instanceof Value.Int || v instanceof Value.Num || v instanceof Value.Bool;
    }

    /** Text of a value for comparisons and messages; strings bare, everything else JSON-like. */
    public static String text(Value v) {
        if (v == null) {
            return "(missing)";
        }
        if (v instanceof Value.Str s) {
            return s.value();
        }
        return json(v);
    }

    /** Compact JSON-like rendering; an Unknown shows its reason. */
    public static String json(Value v) {
        StringBuilder sb = new StringBuilder();
        appendJson(v, sb);
        return sb.toString();
    }

    private static void appendJson(Value v, StringBuilder sb) {
        if (v == null) {
            sb.append("(missing)");
        } else if (v instanceof Value.Str s) {
            sb.append('"').append(s.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Value.Int i) {
            sb.append(i.value());
        } else if (v instanceof Value.Num n) {
            sb.append(n.value().toPlainString());
        } else if (v instanceof Value.Bool b) {
            sb.append(b.value());
        } else if (v instanceof Value.Unknown u) {
            sb.append("<unknown: ").append(u.reason()).append('>');
        } else if (v instanceof Value.Arr a) {
            sb.append('[');
            Iterator<Value> it = a.items().iterator();
            while (it.hasNext()) {
                appendJson(it.next(), sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append(']');
        } else if (v instanceof Value.Obj o) {
            sb.append('{');
            Iterator<Map.Entry<String, Value>> it = o.fields().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Value> e = it.next();
                sb.append('"').append(e.getKey()).append("\":");
                appendJson(e.getValue(), sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else {
            sb.append("null");
        }
    }
}
