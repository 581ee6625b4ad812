package dev.egressguard.core.template;

import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources of one template run and their evaluated bodies. Bodies are evaluated on first
 * need, so {@code reference()} of a resource declared later in the template works, and a
 * reference cycle ends in an Unknown instead of a loop.
 */
final class ResourceTable {

    /** A body and where its parts were written. */
    record Evaluated(Value.Obj body, Origins origins) {
    }

    private static final Pattern INDEXED_SYMBOL = Pattern.compile("(.+)\\[(\\d+)]");

    private final TemplateRun run;
    private List<Instance> instances = List.of();
    private boolean complete;
    private final Map<Instance, Evaluated> bodies = new IdentityHashMap<>();
    private final Set<Instance> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());

    ResourceTable(TemplateRun run) {
        this.run = run;
    }

    void setInstances(List<Instance> list) {
        this.instances = List.copyOf(list);
        this.complete = true;
    }

    List<Instance> instances() {
        return instances;
    }

    Evaluated body(Instance instance) {
        Evaluated done = bodies.get(instance);
        if (done != null) {
            return done;
        }
        evaluating.add(instance);
        try {
            Evaluated e = new BodyEvaluator(run).evaluate(instance);
            bodies.put(instance, e);
            return e;
        } finally {
            evaluating.remove(instance);
        }
    }

    /** {@code reference(target, apiVersion?, 'Full'?)} of the Scope contract. */
    Value reference(Value target, List<Value> otherArgs, SourceLocation at) {
        if (target instanceof Value.Unknown u && u.symbol() != null) {
            // A name or id the template decides up to a parameter's value: the resource whose
            // name or id is that same text (ResourceExpander names it so).
            target = Value.of(u.symbol().render());
        } else if (target instanceof Value.Unknown u) {
            return Value.unknown("reference() of a resource known only at deployment: " + u.reason(), at);
        }
        if (!(target instanceof Value.Str s)) {
            throw new ExpressionException("reference() needs a resource name, id or symbolic name, not "
                    + target.typeName());
        }
        String shown = "reference('" + s.value() + "')";
        if (!complete) {
            // Names, types, conditions and copy counts are evaluated before any resource is known.
            return Value.unknown(shown + " decides a resource's name, type, condition or count; it is only known at "
                    + "deployment", at);
        }
        boolean full = otherArgs.stream().anyMatch(a -> a instanceof Value.Str f && f.value().equalsIgnoreCase("full"));
        List<Instance> found = find(s.value(), true);
        for (TemplateRun p = run.referenceParent(); found.isEmpty() && p != null; p = p.referenceParent()) {
            found = p.resources().find(s.value(), run.sharesSymbolsWith(p));
            if (!found.isEmpty()) {
                return p.resources().referenceTo(found.get(0), shown, full, at);
            }
        }
        if (found.isEmpty()) {
            return Value.unknown(shown + ": the resource is not declared in this template; its properties are only "
                    + "known at deployment", at);
        }
        if (found.size() > 1) {
            return Value.unknown(shown + " matches " + found.size() + " resources of this template", at);
        }
        return referenceTo(found.get(0), shown, full, at);
    }

    private Value referenceTo(Instance target, String shown, boolean full, SourceLocation at) {
        if (target.existing()) {
            return Value.unknown(shown + ": an existing resource; its properties are only known at deployment", at);
        }
        if (evaluating.contains(target)) {
            return Value.unknown(shown + " is circular: the properties it reads depend on the expression itself", at);
        }
        Value.Obj body = body(target).body();
        if (target.isDeployment()) {
            // A deployment's outputs are exactly those its template declares; the rest of its
            // state (provisioningState, timestamp, ...) only the deployment knows.
            Value outputs = run.nested(target, body).outputs();
            Value.Unknown rest = new Value.Unknown("the runtime state of " + shown, at);
            Value.Obj result = new Value.Obj(Map.of("outputs", outputs), rest);
            return full ? body.with("properties", result).with("id", RuntimeState.idValue(target.id().toString(),
                    shown + " names a deployment whose name is only known at deployment", at)).opened(rest) : result;
        }
        return RuntimeState.of(target, body, shown, full, at, instances);
    }

    /**
     * The instances {@code target} names: a resource id, a languageVersion 2.0 symbolic name
     * (with {@code [i]} for one copy), or a resource name as written (full, {@code vnet/subnet}).
     * Without {@code namesVisible} (a parent seen from an inner-scope template) only ids match.
     */
    List<Instance> find(String target, boolean namesVisible) {
        String t = target.trim();
        if (t.startsWith("/")) {
            Optional<ResourceId> id = ResourceId.parse(t);
            return id.map(i -> instances.stream().filter(x -> x.id().equals(i)).limit(1).toList()).orElse(List.of());
        }
        if (!namesVisible) {
            return List.of();
        }
        List<Instance> bySymbol = new ArrayList<>();
        Matcher m = INDEXED_SYMBOL.matcher(t);
        for (Instance i : instances) {
            if (i.symbolic() == null) {
                continue;
            }
            if (i.symbolic().equalsIgnoreCase(t)) {
                bySymbol.add(i);
            } else if (m.matches() && i.symbolic().equalsIgnoreCase(m.group(1))
                    && String.valueOf(i.copyIndex()).equals(m.group(2))) {
                bySymbol.add(i);
            }
        }
        if (!bySymbol.isEmpty()) {
            return bySymbol;
        }
        Map<ResourceId, Instance> byName = new LinkedHashMap<>();
        for (Instance i : instances) {
            if (i.name().equalsIgnoreCase(t)) {
                byName.putIfAbsent(i.id(), i);
            }
        }
        return new ArrayList<>(byName.values());
    }
}
