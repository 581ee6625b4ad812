package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a resource: its declaration evaluated in the scope of its copy iteration, with
 * the full type and name, without what only steers the deployment ({@code copy},
 * {@code dependsOn}, child {@code resources}, which become resources of their own). An Unknown
 * {@code condition} stays in the body so readers can tell the resource may not be deployed.
 *
 * <p>A nested deployment's inline {@code properties.template} is not evaluated here (its resources
 * are evaluated as resources of their own, in their own scope); the body keeps only its
 * {@code $schema}, {@code contentVersion} and {@code languageVersion}. A template given by an
 * expression is evaluated like any property: its value is what the deployment deploys. A deployment of a template
 * at a URI gets {@code properties.template} = Unknown: nothing of it is fetched.
 */
final class BodyEvaluator {

    /** The declaration's members that steer the deployment rather than describe the resource, lower case. */
    private static final String[] NOT_IN_BODY = {"type", "name", "copy", "dependson", "resources", "condition",
        "existing"};

    private final TemplateRun run;
    private final ValueEvaluator evaluator;

    BodyEvaluator(TemplateRun run) {
        this.run = run;
        this.evaluator = new ValueEvaluator(run.document().map());
    }

    ResourceTable.Evaluated evaluate(Instance instance) {
        Origins origins = new Origins();
        SourceMap.Place place = instance.place();
        SourceMap.Node written = place.node();
        Origins.Node root = origins.at("");
        root.from(written);
        Value.Obj decl = instance.declaration();
        Value.Obj.Builder body = new Value.Obj.Builder(decl.size() + 2);
        body.put("type", Value.of(instance.type()));
        body.put("name", instance.unknownName() != null ? instance.unknownName() : Value.of(instance.name()));
        record(root, decl, place, "type");
        record(root, decl, place, "name");
        for (int f = 0; f < decl.size(); f++) {
            String key = decl.keyAt(f);
            Value value = decl.valueAt(f);
            if (isNotInBody(key)) {
                continue;
            }
            if (instance.isDeployment() && key.equalsIgnoreCase("properties") && value instanceof Value.Obj props) {
                body.put(key, deploymentProperties(props, JsonPointer.child(instance.pointer(), key), instance, origins,
                        JsonPointer.child("", key)));
            } else {
                body.put(key, evaluator.evaluate(value, written.memberOrSelf(key), instance.scope(), root.member(key)));
            }
        }
        if (instance.condition() != null) {
            body.put("condition", instance.condition());
            record(root, decl, place, "condition");
        }
        return new ResourceTable.Evaluated(body.build(), origins);
    }

    /**
     * Whether {@code key} lower-cased ({@link Locale#ROOT}) is one of {@link #NOT_IN_BODY}, without a
     * lower-case copy of every key. Only ASCII letters lower-case to the ASCII letters of those words
     * one for one (the Kelvin sign becomes 'k', which none has; 'İ' becomes two characters), so a
     * key with any other character is none of them, as its lower-case copy would not be.
     */
    private static boolean isNotInBody(String key) {
        for (String steering : NOT_IN_BODY) {
            if (steering.length() == key.length() && lowerAsciiEquals(key, steering)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lowerAsciiEquals(String key, String lower) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Value deploymentProperties(Value.Obj props, String source, Instance instance, Origins origins, String out) {
        SourceMap map = run.document().map();
        origins.put(out, map.node(source));
        Value.Obj.Builder fields = new Value.Obj.Builder(props.fields().size());
        for (Map.Entry<String, Value> e : props.fields().entrySet()) {
            String key = e.getKey();
            String childSource = JsonPointer.child(source, key);
            String childOut = JsonPointer.child(out, key);
            if (key.equalsIgnoreCase("template") && e.getValue() instanceof Value.Obj template) {
                origins.put(childOut, map.node(childSource));
                fields.put(key, summary(template));
            } else {
                fields.put(key, evaluator.evaluate(e.getValue(), childSource, instance.scope(), origins, childOut));
            }
        }
        Value.Obj evaluated = fields.build();
        if (!evaluated.has("template") && evaluated.get("templateLink") instanceof Value.Obj link
                && !(link.get("relativePath") instanceof Value.Str)) {
            Value uri = link.get("uri") != null ? link.get("uri") : link.get("id");
            String shown = uri instanceof Value.Str u ? u.value() : "(unknown uri)";
            evaluated = evaluated.with("template", Value.unknown("linked template " + shown
                    + " is not fetched; its resources are unknown", run.document().map().locate(source)));
        }
        return evaluated;
    }

    private static Value.Obj summary(Value.Obj template) {
        Map<String, Value> kept = new LinkedHashMap<>();
        for (String key : new String[] {"$schema", "contentVersion", "languageVersion"}) {
            String k = template.keyOf(key);
            if (k != null) {
                kept.put(k, template.get(k));
            }
        }
        return new Value.Obj(kept);
    }

    /** Records that the body's {@code key} came from the declaration's, in whatever casing it is written. */
    private static void record(Origins.Node root, Value.Obj decl, SourceMap.Place place, String key) {
        String k = decl.keyOf(key);
        if (k != null) {
            root.member(key).from(place.member(k).node());
        }
    }
}
