package dev.egressguard.core.template;

import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.expression.MissingPropertyException;
import dev.egressguard.core.expression.NullAccessException;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.Locale;
import java.util.Optional;

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
        return evaluate(raw, map.node(source), scope, origins == null ? null : origins.at(out));
    }

    /**
     * The same by node: {@code source} is where {@code raw} was written (the nearest written
     * place for a part that was not), {@code out} where to record origins (null: not recorded).
     */
    Value evaluate(Value raw, SourceMap.Node source, EvalScope scope, Origins.Node out) {
        if (source != null && source.isVerbatim(raw)) {
            // Written with nothing to evaluate: the value itself is the result, and where its
            // parts came from is where they were written.
            if (out != null) {
                out.fromWritten(source);
            }
            return raw;
        }
        if (out != null && source != null && source.keepsShape(raw)) {
            // Every part of the result that was written stays where it was written: one record
            // says where all of them came from (a part an expression computed is, as before,
            // from the expression's place).
            out.fromWritten(source);
            out = null;
        }
        if (out != null) {
            out.from(source);
        }
        if (raw instanceof Value.Str s) {
            return string(s, source, scope);
        }
        if (raw instanceof Value.Arr arr) {
            Value.Arr.Builder items = new Value.Arr.Builder(arr.size());
            for (int i = 0; i < arr.size(); i++) {
                items.add(evaluate(arr.get(i), element(source, i), scope, out == null ? null : out.element(i)));
            }
            return items.build();
        }
        if (raw instanceof Value.Obj obj) {
            return object(obj, source, scope, out);
        }
        return raw;
    }

    private Value object(Value.Obj obj, SourceMap.Node source, EvalScope scope, Origins.Node out) {
        Value.Obj.Builder fields = new Value.Obj.Builder(obj.size());
        for (int f = 0; f < obj.size(); f++) {
            String key = obj.keyAt(f);
            Value value = obj.valueAt(f);
            SourceMap.Node childSource = member(source, key);
            if (key.equalsIgnoreCase("copy") && isPropertyCopy(value)) {
                Value.Arr loops = (Value.Arr) value;
                for (int i = 0; i < loops.size(); i++) {
                    propertyCopy((Value.Obj) loops.get(i), element(childSource, i), scope, out, fields);
                }
                continue;
            }
            fields.put(key, evaluate(value, childSource, scope, out == null ? null : out.member(key)));
        }
        return fields.build();
    }

    private static SourceMap.Node member(SourceMap.Node node, String key) {
        return node == null ? null : node.memberOrSelf(key);
    }

    private static SourceMap.Node element(SourceMap.Node node, int index) {
        return node == null ? null : node.elementOrSelf(index);
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

    private void propertyCopy(Value.Obj loop, SourceMap.Node source, EvalScope scope, Origins.Node out,
                              Value.Obj.Builder fields) {
        Value nameValue = evaluate(loop.get("name"), member(source, loop.keyOf("name")), scope, null);
        SourceLocation at = map.locate(source);
        if (!(nameValue instanceof Value.Str name)) {
            scope.log().error(at, "a property copy loop needs a literal name");
            return;
        }
        String countKey = loop.keyOf("count");
        Value count = countKey == null ? null : evaluate(loop.get("count"), member(source, countKey), scope, null);
        Origins.Node property = out == null ? null : out.member(name.value());
        CopyCount c = CopyCount.of(count, name.value(), at, scope.log());
        if (c instanceof CopyCount.NotExpanded ne) {
            fields.put(name.value(), ne.reason());
            if (property != null) {
                property.from(source);
            }
            return;
        }
        int n = ((CopyCount.Expand) c).count();
        SourceMap.Node inputSource = member(source, loop.keyOf("input"));
        Value.Arr.Builder items = new Value.Arr.Builder(n);
        Value input = loop.get("input");
        for (int i = 0; i < n; i++) {
            EvalScope inner = scope.withLoop(name.value(), i, false);
            items.add(evaluate(input, inputSource, inner, property == null ? null : property.element(i)));
        }
        if (property != null) {
            property.from(source);
        }
        fields.put(name.value(), items.build());
    }

    private Value string(Value.Str s, SourceMap.Node source, EvalScope scope) {
        String text = s.value();
        if (!Expressions.isExpression(text)) {
            String literal = Expressions.literal(text);
            return literal.equals(text) ? s : new Value.Str(literal);
        }
        SourceLocation at = map.valueAt(source);
        try {
            Expr expr = source == null ? null : source.parsedExpression(s);
            if (expr == null) {
                expr = Expressions.parseExpression(text);
                if (source != null) {
                    source.keepParsed(s, expr);
                }
            }
            return Expressions.evaluate(expr, scope, at);
        } catch (ExpressionException e) {
            boolean readsReference = text.toLowerCase(Locale.ROOT).contains("reference(");
            if (e instanceof MissingPropertyException missing && readsReference) {
                // reference() answers with the declared properties; Azure adds read-only ones at deployment.
                return Value.unknown("'" + missing.property() + "' read through reference() is not declared in the "
                        + "template; only the deployment sets it", at);
            }
            SourceLocation where = e.offset() >= 0 && at.line() > 0 && text.indexOf('\n') < 0
                    ? new SourceLocation(at.file(), at.line(), at.column() + 1 + e.offset()) : at;
            Optional<String> leftOut = scope.leftOutParameterReadBy(text);
            if (leftOut.isPresent()) {
                // Valid as written, and Azure would fail it only if the deployment leaves the parameter out.
                scope.log().warning(where, "invalid expression if parameter '" + leftOut.get() + "' is left out (null), "
                        + "as it is here: " + e.getMessage() + "; give it a value to check this");
                return Value.unknown("parameter '" + leftOut.get() + "' has no value", at);
            }
            if (e instanceof NullAccessException && readsReference) {
                // A property the template declares as null is whatever Azure returns once deployed.
                return Value.unknown("a value read through reference() that the template declares as null; only "
                        + "the deployment knows it", at);
            }
            scope.log().error(where, "invalid expression: " + e.getMessage());
            return Value.unknown("the expression is invalid: " + scope.log().mask(e.getMessage()), at);
        }
    }
}
