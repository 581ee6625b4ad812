package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.Value;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Comparing and showing values the way rule authors expect: strings case-insensitively (as
 * Azure Policy does), numbers by value whatever their representation, and a string against a
 * number or boolean by its text (settings arrive as strings).
 */
public final class Values {

    private Values() {
    }

    public static boolean looseEquals(Value a, Value b) {
        if (a == null || b == null) {
            return a == b;
        }
        Optional<BigDecimal> na = number(a);
        Optional<BigDecimal> nb = number(b);
        if (a instanceof Value.Str sa && b instanceof Value.Str sb) {
            return sa.value().equalsIgnoreCase(sb.value());
        }
        if (na.isPresent() && nb.isPresent()) {
            return na.get().compareTo(nb.get()) == 0;
        }
        if (a instanceof Value.Str || b instanceof Value.Str) {
            return isScalar(a) && isScalar(b) && text(a).equalsIgnoreCase(text(b));
        }
        if (a instanceof Value.Arr xa && b instanceof Value.Arr xb) {
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!looseEquals(xa.get(i), xb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.Obj oa && b instanceof Value.Obj ob) {
            if (oa.fields().size() != ob.fields().size()) {
                return false;
            }
            for (Map.Entry<String, Value> e : oa.fields().entrySet()) {
                if (!ob.has(e.getKey()) || !looseEquals(e.getValue(), ob.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Order of two values: numbers (or numeric strings against numbers) by value, strings case-insensitively. */
    public static Optional<Integer> compare(Value a, Value b) {
        Optional<BigDecimal> na = number(a);
        Optional<BigDecimal> nb = number(b);
        boolean bothStrings = a instanceof Value.Str && b instanceof Value.Str;
        if (na.isPresent() && nb.isPresent() && (!bothStrings)) {
            return Optional.of(na.get().compareTo(nb.get()));
        }
        if (bothStrings) {
            return Optional.of(((Value.Str) a).value().compareToIgnoreCase(((Value.Str) b).value()));
        }
        return Optional.empty();
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
