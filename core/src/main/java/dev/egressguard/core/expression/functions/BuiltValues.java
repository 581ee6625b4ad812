package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.value.Value;

/**
 * How many values one call of a lambda function (map, mapValues, toObject) builds in all, the
 * values nested in each result included. Each result is bounded on its own, but their number
 * multiplies them: {@code map(range(0, 10000), lambda('x', range(0, 10000)))} is 100 million
 * values, which filled a 1 GB heap (found by ExpressionFuzzTest), while a whole template may
 * expand to 4 MB. The bound is the one on a single array's length.
 */
final class BuiltValues {

    private final Expr.Call call;
    private long count;

    BuiltValues(Expr.Call call) {
        this.call = call;
    }

    /** Counts {@code v} and what it holds; returns it. */
    Value add(Value v) {
        count += 1 + nested(v, Evaluator.MAX_ARRAY_LENGTH - count);
        if (count > Evaluator.MAX_ARRAY_LENGTH) {
            throw new ExpressionException("The template function '" + call.name() + "' would build more than "
                    + Evaluator.MAX_ARRAY_LENGTH + " values", call.offset());
        }
        return v;
    }

    /** The elements and members inside {@code v}, counted only until there are more than {@code cap}. */
    private static long nested(Value v, long cap) {
        Iterable<Value> inside;
        if (v instanceof Value.Arr a) {
            inside = a.items();
        } else if (v instanceof Value.Obj o) {
            inside = o.fields().values();
        } else {
            return 0;
        }
        long n = 0;
        for (Value x : inside) {
            n += 1 + nested(x, cap - n);
            if (n > cap) {
                return n;
            }
        }
        return n;
    }
}
