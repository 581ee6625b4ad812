package dev.egressguard.core.template;

import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of one template, evaluated when first used (Azure evaluates them on demand
 * too: an unused variable with a runtime-only value is harmless). A variable that depends on
 * itself, directly or through others, is an error that names the whole chain. The top-level
 * {@code copy} array of {@code variables} defines one array variable per loop.
 */
final class Variables {

    private record Declared(Value raw, String pointer, Value.Obj copyLoop) {
    }

    private final TemplateDocument doc;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, Value> resolved = new HashMap<>();
    /** {@link #resolved} by the name as an expression spelled it: found without a lower-case copy per read. */
    private final Map<String, Value> bySpelling = new HashMap<>();
    private final List<String> resolving = new ArrayList<>();
    private TemplateScope scope;

    Variables(TemplateDocument doc) {
        this.doc = doc;
        String base = doc.sectionPointer("variables");
        if (!(doc.section("variables") instanceof Value.Obj vars)) {
            return;
        }
        for (Map.Entry<String, Value> e : vars.fields().entrySet()) {
            String pointer = JsonPointer.child(base, e.getKey());
            if (e.getKey().equalsIgnoreCase("copy") && ValueEvaluator.isPropertyCopy(e.getValue())) {
                Value.Arr loops = (Value.Arr) e.getValue();
                for (int i = 0; i < loops.size(); i++) {
                    Value.Obj loop = (Value.Obj) loops.get(i);
                    if (loop.get("name") instanceof Value.Str name) {
                        declared.put(key(name.value()), new Declared(loop, JsonPointer.child(pointer, i), loop));
                    }
                }
            } else {
                declared.put(key(e.getKey()), new Declared(e.getValue(), pointer, null));
            }
        }
    }

    void bind(TemplateScope scope) {
        this.scope = scope;
    }

    Value get(String name) {
        Value spelled = bySpelling.get(name);
        if (spelled != null) {
            return spelled;
        }
        String k = key(name);
        Value done = resolved.get(k);
        if (done != null) {
            bySpelling.put(name, done);
            return done;
        }
        Declared d = declared.get(k);
        if (d == null) {
            throw new ExpressionException("the template has no variable named '" + name + "'");
        }
        if (resolving.contains(k)) {
            List<String> chain = new ArrayList<>(resolving.subList(resolving.indexOf(k), resolving.size()));
            chain.add(k);
            throw new ExpressionException("variables refer to each other in a cycle: " + String.join(" -> ", chain));
        }
        resolving.add(k);
        try {
            Value v = d.copyLoop() != null ? copy(name, d) : new ValueEvaluator(doc.map()).evaluate(d.raw(), d.pointer(),
                    scope, null, "");
            resolved.put(k, v);
            return v;
        } finally {
            resolving.remove(resolving.size() - 1);
        }
    }

    private Value copy(String name, Declared d) {
        ValueEvaluator evaluator = new ValueEvaluator(doc.map());
        Value.Obj loop = d.copyLoop();
        String countKey = loop.keyOf("count");
        Value count = countKey == null ? null
                : evaluator.evaluate(loop.get(countKey), JsonPointer.child(d.pointer(), countKey), scope, null, "");
        CopyCount c = CopyCount.of(count, name, doc.map().locate(d.pointer()), scope.log());
        if (c instanceof CopyCount.NotExpanded ne) {
            return ne.reason();
        }
        String inputPointer = JsonPointer.child(d.pointer(), loop.keyOf("input"));
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < ((CopyCount.Expand) c).count(); i++) {
            items.add(evaluator.evaluate(loop.get("input"), inputPointer, scope.withLoop(name, i, false), null, ""));
        }
        return new Value.Arr(items);
    }

    /** The variable as written (a copy loop's declaration for a copy variable), or null when undeclared. */
    Value written(String name) {
        Declared d = declared.get(key(name));
        return d == null ? null : d.raw();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
