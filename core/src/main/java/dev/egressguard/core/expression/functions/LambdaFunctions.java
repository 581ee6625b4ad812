package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.SpecialForm;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * filter, map, reduce, sort, toObject, groupBy, mapValues and their {@code lambda('x', ...)}
 * arguments, whose body sees its parameters through {@code lambdaVariables('x')}. A lambda is
 * syntax, not a value: it may only stand as an argument of these functions.
 */
final class LambdaFunctions {

    private LambdaFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "filter" -> b.special(name, LambdaFunctions::filter);
            case "map" -> b.special(name, LambdaFunctions::map);
            case "reduce" -> b.special(name, LambdaFunctions::reduce);
            case "sort" -> b.special(name, LambdaFunctions::sort);
            case "toObject" -> b.special(name, LambdaFunctions::toObject);
            case "groupBy" -> b.special(name, LambdaFunctions::groupBy);
            case "mapValues" -> b.special(name, LambdaFunctions::mapValues);
            case "lambdaVariables" -> b.special(name, LambdaFunctions::lambdaVariables);
            case "lambda" -> b.special(name, (ev, call) -> {
                throw new ExpressionException("lambda() can only be an argument of filter, map, reduce, sort,"
                        + " toObject, groupBy or mapValues", call.offset());
            });
        }
    }

    /** A parsed {@code lambda('a', 'b', body)}. */
    record Lambda(List<String> parameters, Expr body) {

        Value invoke(Evaluator ev, Value... values) {
            Map<String, Value> bound = new HashMap<>();
            for (int i = 0; i < parameters.size() && i < values.length; i++) {
                bound.put(parameters.get(i), values[i]);
            }
            return ev.withLambdaVariables(bound, () -> ev.evaluate(body));
        }
    }

    private static void arity(Expr.Call call, int min, int max) {
        SpecialForm.requireArguments(call, min, max);
    }

    private static Lambda lambda(Expr.Call call, int argIndex, int minParams, int maxParams) {
        Expr arg = call.args().get(argIndex);
        if (!(arg instanceof Expr.Call l) || l.namespace() != null || !l.name().equalsIgnoreCase("lambda")) {
            throw new ExpressionException("The template function '" + call.name() + "' expects a lambda('x', ...)"
                    + " as argument " + (argIndex + 1), arg.offset());
        }
        int params = l.args().size() - 1;
        if (params < minParams || params > maxParams) {
            throw new ExpressionException("The lambda given to '" + call.name() + "' must declare "
                    + (minParams == maxParams ? minParams : minParams + " to " + maxParams)
                    + " parameter(s) before its body but declares " + Math.max(0, params), l.offset());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            if (!(l.args().get(i) instanceof Expr.StringLiteral s)) {
                throw new ExpressionException("A lambda parameter must be a string literal such as 'x'",
                        l.args().get(i).offset());
            }
            names.add(s.value());
        }
        return new Lambda(names, l.args().get(params));
    }

    /** Argument 1 of an array lambda function: an array, or the Unknown standing for one. */
    private static Value arrayArgument(Evaluator ev, Expr.Call call) {
        Value input = ev.evaluate(call.args().get(0));
        if (input instanceof Value.Arr || input instanceof Value.Unknown) {
            return input;
        }
        throw wrong(call, "an array as argument 1", input);
    }

    private static ExpressionException wrong(Expr.Call call, String expected, Value got) {
        return new ExpressionException("The template function '" + call.name() + "' expects " + expected
                + " but got " + FunctionCall.describe(got), call.offset());
    }

    private static Value filter(Evaluator ev, Expr.Call call) {
        arity(call, 2, 2);
        Value input = arrayArgument(ev, call);
        Lambda predicate = lambda(call, 1, 1, 2);
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Value keep = predicate.invoke(ev, a.get(i), Value.of(i));
            if (keep instanceof Value.Unknown) {
                return keep;
            }
            if (!(keep instanceof Value.Bool b)) {
                throw wrong(call, "its lambda to return a boolean", keep);
            }
            if (b.value()) {
                out.add(a.get(i));
            }
        }
        return new Value.Arr(out);
    }

    private static Value map(Evaluator ev, Expr.Call call) {
        arity(call, 2, 2);
        Value input = arrayArgument(ev, call);
        Lambda f = lambda(call, 1, 1, 2);
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        List<Value> out = new ArrayList<>();
        BuiltValues built = new BuiltValues(call);
        for (int i = 0; i < a.size(); i++) {
            out.add(built.add(f.invoke(ev, a.get(i), Value.of(i))));
        }
        return new Value.Arr(out);
    }

    private static Value reduce(Evaluator ev, Expr.Call call) {
        arity(call, 3, 3);
        Value input = arrayArgument(ev, call);
        Value accumulator = ev.evaluate(call.args().get(1));
        Lambda f = lambda(call, 2, 2, 3);
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        for (int i = 0; i < a.size(); i++) {
            accumulator = f.invoke(ev, accumulator, a.get(i), Value.of(i));
        }
        return accumulator;
    }

    /** A stable merge sort: the lambda says whether its first argument goes before its second. */
    private static Value sort(Evaluator ev, Expr.Call call) {
        arity(call, 2, 2);
        Value input = arrayArgument(ev, call);
        Lambda before = lambda(call, 1, 2, 2);
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        List<Value> items = new ArrayList<>(a.items());
        try {
            return new Value.Arr(mergeSort(ev, call, before, items));
        } catch (UnknownSort u) {
            return u.unknown;
        }
    }

    private static List<Value> mergeSort(Evaluator ev, Expr.Call call, Lambda before, List<Value> items) {
        if (items.size() <= 1) {
            return items;
        }
        int mid = items.size() / 2;
        List<Value> left = mergeSort(ev, call, before, new ArrayList<>(items.subList(0, mid)));
        List<Value> right = mergeSort(ev, call, before, new ArrayList<>(items.subList(mid, items.size())));
        List<Value> out = new ArrayList<>(items.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            Value r = before.invoke(ev, right.get(j), left.get(i));
            if (r instanceof Value.Unknown u) {
                throw new UnknownSort(u);
            }
            if (!(r instanceof Value.Bool b)) {
                throw wrong(call, "its lambda to return a boolean", r);
            }
            out.add(b.value() ? right.get(j++) : left.get(i++));
        }
        out.addAll(left.subList(i, left.size()));
        out.addAll(right.subList(j, right.size()));
        return out;
    }

    private static Value toObject(Evaluator ev, Expr.Call call) {
        arity(call, 2, 3);
        Value input = arrayArgument(ev, call);
        Lambda keyOf = lambda(call, 1, 1, 1);
        Lambda valueOf = call.args().size() == 3 ? lambda(call, 2, 1, 1) : null;
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        Value.Obj out = Value.Obj.EMPTY;
        BuiltValues built = new BuiltValues(call);
        for (Value item : a.items()) {
            Value key = keyOf.invoke(ev, item);
            if (key instanceof Value.Unknown) {
                return key;
            }
            if (!(key instanceof Value.Str s)) {
                throw wrong(call, "its key lambda to return a string", key);
            }
            out = out.with(s.value(), valueOf == null ? item : built.add(valueOf.invoke(ev, item)));
        }
        return out;
    }

    private static Value groupBy(Evaluator ev, Expr.Call call) {
        arity(call, 2, 2);
        Value input = arrayArgument(ev, call);
        Lambda keyOf = lambda(call, 1, 1, 1);
        if (!(input instanceof Value.Arr a)) {
            return input; // Unknown: the array is only known at deployment
        }
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Value item : a.items()) {
            Value key = keyOf.invoke(ev, item);
            if (key instanceof Value.Unknown) {
                return key;
            }
            if (!(key instanceof Value.Str s)) {
                throw wrong(call, "its key lambda to return a string", key);
            }
            String k = spelling.computeIfAbsent(s.value().toLowerCase(java.util.Locale.ROOT), x -> s.value());
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(item);
        }
        Map<String, Value> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, new Value.Arr(v)));
        return new Value.Obj(out);
    }

    private static Value mapValues(Evaluator ev, Expr.Call call) {
        arity(call, 2, 2);
        Value input = ev.evaluate(call.args().get(0));
        Lambda f = lambda(call, 1, 1, 1);
        if (input instanceof Value.Unknown) {
            return input;
        }
        if (!(input instanceof Value.Obj o)) {
            throw wrong(call, "an object as argument 1", input);
        }
        Map<String, Value> out = new LinkedHashMap<>();
        BuiltValues built = new BuiltValues(call);
        o.fields().forEach((k, v) -> out.put(k, built.add(f.invoke(ev, v))));
        return new Value.Obj(out);
    }

    private static Value lambdaVariables(Evaluator ev, Expr.Call call) {
        arity(call, 1, 1);
        Value name = ev.evaluate(call.args().get(0));
        if (!(name instanceof Value.Str s)) {
            throw wrong(call, "a variable name", name);
        }
        Value v = ev.lambdaVariable(s.value());
        if (v == null) {
            throw new ExpressionException("lambdaVariables('" + s.value() + "') names no parameter of an"
                    + " enclosing lambda", call.offset());
        }
        return v;
    }

    /** Carries an Unknown comparison out of the merge sort. */
    private static final class UnknownSort extends RuntimeException {
        private final Value.Unknown unknown;

        UnknownSort(Value.Unknown unknown) {
            super(unknown.reason(), null, false, false);
            this.unknown = unknown;
        }
    }
}
