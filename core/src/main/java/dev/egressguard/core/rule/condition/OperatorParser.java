package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.rule.condition.Operator.Kind;
import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles one operator and checks its argument: a list for {@code in}, a valid regex for {@code match}... */
final class OperatorParser {

    private record Spec(Kind kind, boolean negated) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("equals", new Spec(Kind.EQUALS, false));
        SPECS.put("notEquals", new Spec(Kind.EQUALS, true));
        SPECS.put("in", new Spec(Kind.IN, false));
        SPECS.put("notIn", new Spec(Kind.IN, true));
        SPECS.put("exists", new Spec(Kind.EXISTS, false));
        SPECS.put("contains", new Spec(Kind.CONTAINS, false));
        SPECS.put("notContains", new Spec(Kind.CONTAINS, true));
        SPECS.put("startsWith", new Spec(Kind.STARTS_WITH, false));
        SPECS.put("endsWith", new Spec(Kind.ENDS_WITH, false));
        SPECS.put("like", new Spec(Kind.LIKE, false));
        SPECS.put("notLike", new Spec(Kind.LIKE, true));
        SPECS.put("match", new Spec(Kind.MATCH, false));
        SPECS.put("greater", new Spec(Kind.GREATER, false));
        SPECS.put("greaterOrEquals", new Spec(Kind.GREATER_OR_EQUALS, false));
        SPECS.put("less", new Spec(Kind.LESS, false));
        SPECS.put("lessOrEquals", new Spec(Kind.LESS_OR_EQUALS, false));
    }

    static final List<String> NAMES = List.copyOf(SPECS.keySet());
    private static final List<String> COUNT_OPERATORS = List.of("equals", "notEquals", "in", "notIn", "greater",
            "greaterOrEquals", "less", "lessOrEquals");

    private final Nodes nodes;

    OperatorParser(Nodes nodes) {
        this.nodes = nodes;
    }

    Operator parse(String name, Node arg, boolean forCount) {
        Spec spec = SPECS.get(name);
        if (forCount) {
            return countOperator(name, spec, arg);
        }
        switch (spec.kind()) {
            case EXISTS -> {
                return nodes.bool(arg, "exists").map(b -> new Operator(name, Kind.EXISTS, !b, Value.of(b), null)).orElse(null);
            }
            case IN -> {
                Optional<Value> v = nodes.literal(arg, name);
                if (v.isPresent() && !(v.get() instanceof Value.Arr)) {
                    nodes.error(arg, name + " takes a list of values, e.g. [Standard, Premium], not " + Nodes.kind(arg));
                    return null;
                }
                return v.map(list -> new Operator(name, Kind.IN, spec.negated(), list, null)).orElse(null);
            }
            case LIKE -> {
                return text(arg, name).map(t -> new Operator(name, Kind.LIKE, spec.negated(), Value.of(t),
                        Operator.likePattern(t))).orElse(null);
            }
            case MATCH -> {
                return text(arg, name).map(t -> regex(name, arg, t)).orElse(null);
            }
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                return scalar(arg, name).map(v -> new Operator(name, spec.kind(), spec.negated(), v, null)).orElse(null);
            }
            case GREATER, GREATER_OR_EQUALS, LESS, LESS_OR_EQUALS -> {
                Optional<Value> v = scalar(arg, name);
                if (v.isPresent() && v.get() instanceof Value.Bool) {
                    nodes.error(arg, name + " compares numbers or texts, not " + Nodes.kind(arg));
                    return null;
                }
                return v.map(x -> new Operator(name, spec.kind(), false, x, null)).orElse(null);
            }
            default -> {
                return nodes.literal(arg, name).map(v -> new Operator(name, Kind.EQUALS, spec.negated(), v, null)).orElse(null);
            }
        }
    }

    private Operator countOperator(String name, Spec spec, Node arg) {
        if (!COUNT_OPERATORS.contains(name)) {
            nodes.error(arg, "count compares a number; '" + name + "' is not one of " + String.join(", ", COUNT_OPERATORS));
            return null;
        }
        Optional<Value> v = nodes.literal(arg, name);
        if (v.isEmpty()) {
            return null;
        }
        boolean whole = spec.kind() == Kind.IN
                ? v.get() instanceof Value.Arr a && a.items().stream().allMatch(x -> x instanceof Value.Int)
                : v.get() instanceof Value.Int;
        if (!whole) {
            nodes.error(arg, "count " + name + " takes " + (spec.kind() == Kind.IN ? "a list of whole numbers" : "a whole number")
                    + ", not " + Nodes.kind(arg));
            return null;
        }
        return new Operator(name, spec.kind(), spec.negated(), v.get(), null);
    }

    private Operator regex(String name, Node arg, String text) {
        try {
            Pattern p = Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Operator(name, Kind.MATCH, false, Value.of(text), p);
        } catch (PatternSyntaxException e) {
            nodes.error(arg, "match: '" + text + "' is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return null;
        }
    }

    private Optional<String> text(Node arg, String name) {
        return nodes.string(arg, name);
    }

    private Optional<Value> scalar(Node arg, String name) {
        Optional<Value> v = nodes.literal(arg, name);
        if (v.isPresent() && !(v.get() instanceof Value.Str || v.get() instanceof Value.Int
                || v.get() instanceof Value.Num || v.get() instanceof Value.Bool)) {
            nodes.error(arg, name + " takes a single value, not " + Nodes.kind(arg));
            return Optional.empty();
        }
        return v;
    }
}
