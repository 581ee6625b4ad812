package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code resources} of a template (an array, or the symbolic-name object of
 * languageVersion 2.0) into {@link Instance}s: copy loops expanded, conditions applied, nested
 * child {@code resources} given their full type and name, ids formed. Bodies are evaluated
 * later, when every instance is known.
 *
 * <p>A resource whose {@code condition} is false is left out, as Azure skips it. One whose
 * condition cannot be known before deployment is kept, and its body carries the evaluated
 * {@code condition} (an Unknown with the reason), so a rule or report can say the resource may
 * not be deployed. A copy loop whose count is unknown or over Azure's limit of 800 is not
 * expanded: a diagnostic says its resources are not checked, and the run counts it as unknown.
 */
final class ResourceExpander {

    private record Parent(String type, String name) {
    }

    /** A declaration's pointer, where it leads in the source map, and where it was written. */
    private record Written(String pointer, SourceMap.Place place, SourceLocation at) {
    }

    private final TemplateRun run;
    private final ValueEvaluator evaluator;
    private final List<Instance> out = new ArrayList<>();

    ResourceExpander(TemplateRun run) {
        this.run = run;
        this.evaluator = new ValueEvaluator(run.document().map());
    }

    List<Instance> expand() {
        TemplateDocument doc = run.document();
        Value resources = doc.section("resources");
        String base = doc.sectionPointer("resources");
        TemplateScope scope = run.rootScope();
        if (resources instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                declaration(null, arr.get(i), JsonPointer.child(base, i), null, scope);
            }
        } else if (resources instanceof Value.Obj symbols) {
            for (Map.Entry<String, Value> e : symbols.fields().entrySet()) {
                declaration(e.getKey(), e.getValue(), JsonPointer.child(base, e.getKey()), null, scope);
            }
        } else if (resources != null && !(resources instanceof Value.Null)) {
            run.log().error(doc.map().locate(base), "'resources' must be an array (or, in languageVersion 2.0, an object)");
        }
        return out;
    }

    private void declaration(String symbolic, Value raw, String pointer, Parent parent, TemplateScope scope) {
        SourceMap map = run.document().map();
        // Found once for all the copies: their fields are found from here, segment by segment.
        SourceMap.Place place = map.place(pointer);
        SourceLocation at = map.locate(place);
        if (!(raw instanceof Value.Obj decl)) {
            run.log().error(at, "a resource declaration must be an object");
            return;
        }
        Written written = new Written(pointer, place, at);
        if (!(decl.get("copy") instanceof Value.Obj copy)) {
            instance(symbolic, -1, decl, written, parent, scope);
            return;
        }
        SourceMap.Place copyPlace = place.member(decl.keyOf("copy"));
        Value nameValue = field(copy, "name", copyPlace, scope);
        String loop = nameValue instanceof Value.Str s ? s.value() : symbolic != null ? symbolic : "copy";
        Value count = field(copy, "count", copyPlace, scope);
        CopyCount c = CopyCount.of(count, loop, map.locate(copyPlace), run.log());
        if (c instanceof CopyCount.NotExpanded ne) {
            run.log().warning(at, "the resources of copy loop '" + loop + "' are not checked: " + ne.reason().reason());
            run.countUnknown();
            return;
        }
        for (int i = 0; i < ((CopyCount.Expand) c).count(); i++) {
            instance(symbolic, i, decl, written, parent, scope.withLoop(loop, i, true));
        }
    }

    private void instance(String symbolic, int index, Value.Obj decl, Written written, Parent parent,
                          TemplateScope scope) {
        String pointer = written.pointer();
        SourceMap.Place place = written.place();
        SourceLocation at = written.at();
        Value condition = null;
        if (decl.has("condition")) {
            Value c = field(decl, "condition", place, scope);
            if (c instanceof Value.Str s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
                c = Value.of(Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT)));
            }
            if (c instanceof Value.Bool b) {
                if (!b.value()) {
                    return;
                }
            } else if (c instanceof Value.Unknown) {
                condition = c;
            } else {
                run.log().error(at, "the condition of a resource must be a boolean, not " + c.typeName());
                condition = Value.unknown("the condition is not a boolean", at);
            }
        }
        Value typeValue = field(decl, "type", place, scope);
        if (typeValue instanceof Value.Unknown u) {
            run.log().warning(at, "the type of this resource is only known at deployment (" + u.reason()
                    + "); it is not checked");
            run.countUnknown();
            return;
        }
        if (!(typeValue instanceof Value.Str typeStr) || typeStr.value().isBlank()) {
            run.log().error(at, typeValue == null ? "the resource has no type" : "the type of the resource must be a "
                    + "resource type string");
            return;
        }
        String type = trimSlashes(typeStr.value());
        Value nameValue = field(decl, "name", place, scope);
        String name;
        Value unknownName = null;
        if (nameValue instanceof Value.Str s) {
            name = trimSlashes(s.value());
        } else if (nameValue instanceof Value.Unknown u && u.symbol() != null) {
            // The template decides the name up to a value only the deployment knows: the same
            // text wherever the template builds it, so ids and references built from it match.
            name = trimSlashes(u.symbol().render());
            unknownName = u;
            run.log().info(at, "the name of this " + type + " is only known at deployment (" + u.reason()
                    + "); it is checked as '" + name + "'");
        } else {
            String placeholder = run.log().placeholder("unknown-name");
            if (nameValue instanceof Value.Unknown u) {
                unknownName = u;
                run.log().info(at, "the name of this " + type + " is only known at deployment (" + u.reason()
                        + "); it is checked as '" + placeholder + "'");
            } else {
                unknownName = Value.unknown("the resource has no string name", at);
                run.log().error(at, "the resource of type " + type + " has no string name");
            }
            run.countUnknown();
            boolean composed = parent != null && !isQualified(type);
            int segments = composed ? 1 : Math.max(1, type.split("/").length - 1);
            name = String.join("/", Collections.nCopies(segments, placeholder));
        }
        if (parent != null && !isQualified(type)) {
            type = parent.type() + "/" + type;
            name = parent.name() + "/" + name;
        }
        // A fixed-size view of the split: only replaced in place below, never grown.
        List<String> names = Arrays.asList(name.split("/", -1));
        int expected = type.split("/").length - 1;
        if (names.size() != expected) {
            run.log().error(at, "resource '" + name + "' of type " + type + ": the name has " + names.size()
                    + " segment(s) but the type needs " + expected);
            return;
        }
        if (anyBlank(names)) {
            String placeholder = run.log().placeholder("empty-name");
            names.replaceAll(n -> n.isBlank() ? placeholder : n);
            run.log().error(at, "the name of this " + type + " has an empty segment ('" + name + "'), which Azure "
                    + "rejects; it is checked as '" + String.join("/", names) + "'");
            name = String.join("/", names);
        }
        run.budget().take(at);
        boolean existing = decl.get("existing") instanceof Value.Bool b && b.value();
        ResourceId id = ResourceIds.of(targetOf(decl, place, scope, type), type, names, scopeOf(decl, place, scope));
        if (isOldStyleExtension(type)) {
            id = ResourceId.parse(id.toString()).orElse(id);
            type = id.type();
        }
        Instance instance = new Instance(symbolic, index, decl, pointer, place, scope, type, name, id, condition, existing,
                unknownName);
        out.add(instance);
        if (decl.get("resources") instanceof Value.Arr children) {
            String base = JsonPointer.child(pointer, decl.keyOf("resources"));
            for (int i = 0; i < children.size(); i++) {
                declaration(null, children.get(i), JsonPointer.child(base, i), new Parent(type, name), scope);
            }
        }
    }

    /** The deployment scope of a resource; deployments and existing resources may name another one. */
    private Target targetOf(Value.Obj decl, SourceMap.Place place, TemplateScope scope, String type) {
        Target target = run.target();
        boolean mayMove = type.equalsIgnoreCase("Microsoft.Resources/deployments")
                || (decl.get("existing") instanceof Value.Bool b && b.value());
        if (!mayMove) {
            return target;
        }
        DeploymentContext ctx = target.context();
        ScopeLevel level = target.level();
        if (field(decl, "subscriptionId", place, scope) instanceof Value.Str sub) {
            ctx = ctx.withSubscriptionId(sub.value());
        }
        if (field(decl, "resourceGroup", place, scope) instanceof Value.Str rg) {
            ctx = ctx.withResourceGroup(rg.value());
            level = ScopeLevel.RESOURCE_GROUP;
        }
        return new Target(ctx, level);
    }

    /** The {@code scope} of an extension resource: an id, a symbolic name, or a relative type/name path. */
    private String scopeOf(Value.Obj decl, SourceMap.Place place, TemplateScope scope) {
        if (!decl.has("scope")) {
            return null;
        }
        Value v = field(decl, "scope", place, scope);
        if (!(v instanceof Value.Str s) || s.value().isBlank()) {
            return null;
        }
        for (Instance i : out) {
            if (i.symbolic() != null && i.symbolic().equalsIgnoreCase(s.value())) {
                return i.id().toString();
            }
        }
        return s.value();
    }

    /** The member {@code key} of {@code obj}, written at {@code place}, evaluated; null when absent. */
    private Value field(Value.Obj obj, String key, SourceMap.Place place, TemplateScope scope) {
        String k = obj.keyOf(key);
        return k == null ? null : evaluator.evaluate(obj.get(k), place.member(k).node(), scope, null);
    }

    /** Whether a name segment is blank (a loop, not a stream: it runs for every instance). */
    private static boolean anyBlank(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** A nested child's type is relative to its parent unless it starts with a namespace ("Microsoft.X/"). */
    private static boolean isQualified(String type) {
        int slash = type.indexOf('/');
        return slash > 0 && type.substring(0, slash).contains(".");
    }

    /** {@code Microsoft.Network/virtualNetworks/providers/diagnosticSettings}: an extension written as a child. */
    private static boolean isOldStyleExtension(String type) {
        return type.toLowerCase(Locale.ROOT).contains("/providers/");
    }

    private static String trimSlashes(String s) {
        String t = s.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
