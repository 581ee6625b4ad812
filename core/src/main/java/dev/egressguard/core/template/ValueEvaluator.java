package dev.egressguard.core.template;

import dev.egressguard.core.expression.ExpressionException;
import dev.egressguard.core.expression.MissingPropertyException;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates written JSON: every expression string, and every property {@code copy} array at any
 * depth of an object. Where the result came from is recorded in {@link Origins} when asked, so
 * a finding on a copied or computed property still points at the template text behind it.
 */
final class ValueEvaluator {

    private final SourceMap map;

    ValueEvaluator(SourceMap map) {
        this.map = map;
    }

    /** Evaluates {@code raw}, written at {@code source} of the file, as the value at {@code out} of a result. */
    Value evaluate(Value raw, String source, EvalScope scope, Origins origins, String out) {
        if (origins != null) {
            origins.put(out, source);
        }
        if (raw instanceof Value.Str s) {
            return string(s, source, scope);
        }
        if (raw instanceof Value.Arr arr) {
            List<Value> items = new ArrayList<>(arr.size());
            for (int i = 0; i < arr.size(); i++) {
                items.add(evaluate(arr.get(i), JsonPointer.child(source, i), scope, origins, JsonPointer.child(out, i)));
            }
            return new Value.Arr(items);
        }
        if (raw instanceof Value.Obj obj) {
            return object(obj, source, scope, origins, out);
        }
        return raw;
    }

    private Value object(Value.Obj obj, String source, EvalScope scope, Origins origins, String out) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : obj.fields().entrySet()) {
            String key = e.getKey();
            String childSource = JsonPointer.child(source, key);
            if (key.equalsIgnoreCase("copy") && isPropertyCopy(e.getValue())) {
                Value.Arr loops = (Value.Arr) e.getValue();
                for (int i = 0; i < loops.size(); i++) {
                    propertyCopy((Value.Obj) loops.get(i), JsonPointer.child(childSource, i), scope, origins, out, fields);
                }
                continue;
            }
            fields.put(key, evaluate(e.getValue(), childSource, scope, origins, JsonPointer.child(out, key)));
        }
        return new Value.Obj(fields);
    }

    /** {@code "copy": [{"name": "disks", "count": 2, "input": {...}}]} inside an object. */
    static boolean isPropertyCopy(Value v) {
        if (!(v instanceof Value.Arr arr) || arr.size() == 0) {
            return false;
        }
        for (Value item : arr.items()) {
            if (!(item instanceof Value.Obj o) || !o.has("name") || !o.has("input")) {
                return false;
            }
        }
        return true;
    }

    private void propertyCopy(Value.Obj loop, String source, EvalScope scope, Origins origins, String out,
                              Map<String, Value> fields) {
        Value nameValue = evaluate(loop.get("name"), JsonPointer.child(source, loop.keyOf("name")), scope, null, "");
        SourceLocation at = map.locate(source);
        if (!(nameValue instanceof Value.Str name)) {
            scope.log().error(at, "a property copy loop needs a literal name");
            return;
        }
        String countKey = loop.keyOf("count");
        Value count = countKey == null ? null
                : evaluate(loop.get("count"), JsonPointer.child(source, countKey), scope, null, "");
        String property = JsonPointer.child(out, name.value());
        CopyCount c = CopyCount.of(count, name.value(), at, scope.log());
        if (c instanceof CopyCount.NotExpanded ne) {
            fields.put(name.value(), ne.reason());
            if (origins != null) {
                origins.put(property, source);
            }
            return;
        }
        int n = ((CopyCount.Expand) c).count();
        String inputSource = JsonPointer.child(source, loop.keyOf("input"));
        List<Value> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EvalScope inner = scope.withLoop(name.value(), i, false);
            items.add(evaluate(loop.get("input"), inputSource, inner, origins, JsonPointer.child(property, i)));
        }
        if (origins != null) {
            origins.put(property, source);
        }
        fields.put(name.value(), new Value.Arr(items));
    }

    private Value string(Value.Str s, String source, EvalScope scope) {
        String text = s.value();
        if (!Expressions.isExpression(text)) {
            return Expressions.isEscaped(text) ? new Value.Str(text.substring(1)) : s;
        }
        SourceLocation at = map.valueAt(source);
        try {
            return Expressions.evaluate(text, scope, at);
        } catch (ExpressionException e) {
            if (e instanceof MissingPropertyException missing && text.toLowerCase(Locale.ROOT).contains("reference(")) {
                // reference() answers with the declared properties; Azure adds read-only ones at deployment.
                return Value.unknown("'" + missing.property() + "' read through reference() is not declared in the "
                        + "template; only the deployment sets it", at);
            }
            SourceLocation where = e.offset() >= 0 && at.line() > 0 && text.indexOf('\n') < 0
                    ? new SourceLocation(at.file(), at.line(), at.column() + 1 + e.offset()) : at;
            scope.log().error(where, "invalid expression: " + e.getMessage());
            return Value.unknown("the expression is invalid: " + scope.log().mask(e.getMessage()), at);
        }
    }
}
