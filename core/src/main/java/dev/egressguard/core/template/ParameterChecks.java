package dev.egressguard.core.template;

import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Excerpt;
import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What Azure checks of a parameter value before deploying: the declared type, allowedValues,
 * min/max value and length, and that a {@code $ref} names a declared type. A secure value is
 * never shown in a message.
 */
final class ParameterChecks {

    private static final String DEFINITIONS = "#/definitions/";
    /** $ref chains longer than this are cycles (Definitions reports those). */
    private static final int MAX_REF_HOPS = 32;

    private ParameterChecks() {
    }

    static void check(String name, Value.Obj decl, Value value, boolean secure, SourceLocation at,
                      TemplateDocument doc, EvaluationLog log) {
        if (decl.get("$ref") instanceof Value.Str ref) {
            checkRef(name, ref.value(), doc, at, log);
        }
        if (value instanceof Value.Unknown || containsUnknown(value) || (value instanceof Value.Null && isNullable(decl, doc))) {
            return;
        }
        ShownValue shown = new ShownValue(value, secure);
        String type = decl.get("type") instanceof Value.Str t ? t.value().toLowerCase(Locale.ROOT) : null;
        if (type != null && !fits(type, value)) {
            log.error(at, "parameter '" + name + "' is declared " + type + " but its value " + shown + " is "
                    + value.typeName());
            return;
        }
        if (decl.get("allowedValues") instanceof Value.Arr allowed) {
            if (value instanceof Value.Arr arr && "array".equals(type)) {
                for (Value item : arr.items()) {
                    if (!contains(allowed, item)) {
                        log.error(at, "parameter '" + name + "': element " + (secure ? "<secure>" : show(item))
                                + " is not one of the allowed values " + show(allowed));
                    }
                }
            } else if (!contains(allowed, value)) {
                log.error(at, "parameter '" + name + "': value " + shown + " is not one of the allowed values "
                        + (secure ? "" : show(allowed)).trim());
            }
        }
        checkRange(name, decl, value, shown, at, log);
    }

    private static void checkRange(String name, Value.Obj decl, Value value, ShownValue shown, SourceLocation at,
                                   EvaluationLog log) {
        if (value instanceof Value.Int i) {
            if (decl.get("minValue") instanceof Value.Int min && i.value() < min.value()) {
                log.error(at, "parameter '" + name + "': value " + shown + " is less than minValue " + min.value());
            }
            if (decl.get("maxValue") instanceof Value.Int max && i.value() > max.value()) {
                log.error(at, "parameter '" + name + "': value " + shown + " is greater than maxValue " + max.value());
            }
        }
        long length = value instanceof Value.Str s ? s.value().length() : value instanceof Value.Arr a ? a.size() : -1;
        if (length >= 0) {
            if (decl.get("minLength") instanceof Value.Int min && length < min.value()) {
                log.error(at, "parameter '" + name + "': length " + length + " is less than minLength " + min.value());
            }
            if (decl.get("maxLength") instanceof Value.Int max && length > max.value()) {
                log.error(at, "parameter '" + name + "': length " + length + " is greater than maxLength " + max.value());
            }
        }
    }

    private static void checkRef(String name, String ref, TemplateDocument doc, SourceLocation at, EvaluationLog log) {
        if (!ref.startsWith(DEFINITIONS)) {
            log.warning(at, "parameter '" + name + "' refers to type " + ref + ", which is not checked");
            return;
        }
        if (!(doc.section("definitions") instanceof Value.Obj defs) || !defs.has(ref.substring(DEFINITIONS.length()))) {
            log.error(at, "parameter '" + name + "' refers to type " + ref + ", which the template does not define");
        }
    }

    /**
     * Whether null is a valid value: {@code "nullable": true} on the declaration or on the
     * user-defined type its {@code $ref} names, following $refs
     * (https://learn.microsoft.com/azure/azure-resource-manager/templates/definitions).
     */
    static boolean isNullable(Value.Obj decl, TemplateDocument doc) {
        Value.Obj type = decl;
        for (int hops = 0; type != null && hops <= MAX_REF_HOPS; hops++) {
            if (type.get("nullable") instanceof Value.Bool b && b.value()) {
                return true;
            }
            type = referencedType(type, doc);
        }
        return false;
    }

    private static Value.Obj referencedType(Value.Obj decl, TemplateDocument doc) {
        if (decl.get("$ref") instanceof Value.Str ref && ref.value().startsWith(DEFINITIONS)
                && doc.section("definitions") instanceof Value.Obj defs
                && defs.get(ref.value().substring(DEFINITIONS.length())) instanceof Value.Obj type) {
            return type;
        }
        return null;
    }

    static boolean fits(String type, Value v) {
        return switch (type) {
            case "string", "securestring" -> v instanceof Value.Str;
            case "int" -> v instanceof Value.Int || (v instanceof Value.Num n && isIntegral(n.value()));
            case "bool" -> v instanceof Value.Bool;
            case "object", "secureobject" -> v instanceof Value.Obj;
            case "array" -> v instanceof Value.Arr;
            default -> true;
        };
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean contains(Value.Arr allowed, Value v) {
        for (Value a : allowed.items()) {
            if (sameValue(a, v)) {
                return true;
            }
        }
        return false;
    }

    /** Allowed values are compared exactly, as Azure does; numbers by value. */
    private static boolean sameValue(Value a, Value b) {
        if (a instanceof Value.Int x && b instanceof Value.Num y) {
            return BigDecimal.valueOf(x.value()).compareTo(y.value()) == 0;
        }
        if (a instanceof Value.Num x && b instanceof Value.Int y) {
            return x.value().compareTo(BigDecimal.valueOf(y.value())) == 0;
        }
        return a.equals(b);
    }

    private static boolean containsUnknown(Value v) {
        if (v instanceof Value.Unknown) {
            return true;
        }
        if (v instanceof Value.Arr a) {
            return a.items().stream().anyMatch(ParameterChecks::containsUnknown);
        }
        if (v instanceof Value.Obj o) {
            return o.fields().values().stream().anyMatch(ParameterChecks::containsUnknown);
        }
        return false;
    }

    /** A short rendering for messages: numbers compact (1E+400, never 400 digits), at most {@link Excerpt#MAX_QUOTED} characters. */
    static String show(Value v) {
        StringBuilder sb = new StringBuilder();
        show(v, sb);
        return Excerpt.ofPartial(sb);
    }

    /** Stops adding once the text is past what a message quotes: arrays can share parts, so their full text can be huge. */
    private static void show(Value v, StringBuilder sb) {
        if (v instanceof Value.Str x) {
            sb.append('\'').append(x.value(), 0, Math.min(x.value().length(), Excerpt.MAX_QUOTED + 1)).append('\'');
        } else if (v instanceof Value.Int x) {
            sb.append(x.value());
        } else if (v instanceof Value.Num x) {
            sb.append(JsonText.numberText(x.value()));
        } else if (v instanceof Value.Bool x) {
            sb.append(x.value());
        } else if (v instanceof Value.Arr x) {
            sb.append('[');
            for (int i = 0; i < x.size() && sb.length() <= Excerpt.MAX_QUOTED; i++) {
                sb.append(i == 0 ? "" : ", ");
                show(x.get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof Value.Obj) {
            sb.append("{...}");
        } else if (v instanceof Value.Unknown) {
            sb.append("<unknown>");
        } else {
            sb.append("null");
        }
    }
}
