package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a condition is evaluated: the resource, the value paths start from (the resource body,
 * or an array element inside {@code count}) and its pointer, the graph for the graph steps, and
 * the run's settings (names case-insensitive).
 */
public record EvalContext(Resource resource, Value current, String base, ResourceGraph graph,
                          Map<String, String> settings, RegexBudget regex) {

    public EvalContext {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(graph, "graph");
        current = current == null ? resource.body() : current;
        regex = regex == null ? RegexBudget.perRule() : regex;
        base = base == null ? "" : base;
        settings = caseInsensitive(settings);
    }

    /**
     * The settings as contexts keep them: names case-insensitive. Contexts are made per resource
     * and per counted element, so a caller that makes many hands them over in this form (which
     * is kept as it is) rather than have each context copy them.
     */
    public static Map<String, String> caseInsensitive(Map<String, String> settings) {
        if (settings instanceof TreeMap<String, String> t && t.comparator() == String.CASE_INSENSITIVE_ORDER) {
            return settings;
        }
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (settings != null) {
            ci.putAll(settings);
        }
        return ci;
    }

    /** A context with a regex budget of its own ({@link RegexBudget}). */
    public EvalContext(Resource resource, Value current, String base, ResourceGraph graph,
                       Map<String, String> settings) {
        this(resource, current, base, graph, settings, null);
    }

    /** The context for evaluating conditions on {@code resource}'s body. */
    public static EvalContext of(Resource resource, ResourceGraph graph, Map<String, String> settings) {
        return new EvalContext(resource, null, "", graph, settings);
    }

    /** True when paths start at the resource itself (so {@code id}, {@code name}, {@code type} read it). */
    public boolean atResource() {
        return base.isEmpty() && current == resource.body();
    }

    /** An array element inside {@code count}: paths are relative to it. */
    public EvalContext element(Value element, String pointer) {
        return new EvalContext(resource, element, pointer, graph, settings, regex);
    }

    /** Another resource reached by a graph step. */
    public EvalContext on(Resource other) {
        return new EvalContext(other, other.body(), "", graph, settings, regex);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** How a resource is named in reasons: {@code Microsoft.Network/natGateways 'nat'}. */
    public static String describe(Resource r) {
        return r.type() + " '" + r.name() + "'";
    }
}
