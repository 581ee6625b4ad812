package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.ExpressionException;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.Value;

import java.util.Locale;

/**
 * and, bool, false, if, not, or, true. {@code and}/{@code or} use Kleene logic, so
 * {@code and(false, ?)} is false and {@code or(true, ?)} is true; {@code if} evaluates only the
 * branch it takes.
 */
public final class LogicalFunctions {

    private LogicalFunctions() {
    }

    public static void register(FunctionLibrary.Builder b) {
        b.addUnknownAware("and", 1, -1, c -> junction(c, false));
        b.addUnknownAware("or", 1, -1, c -> junction(c, true));
        b.add("not", 1, 1, c -> Value.of(!c.bool(0)));
        b.add("bool", 1, 1, LogicalFunctions::bool);
        b.add("true", 0, 0, c -> Value.Bool.TRUE);
        b.add("false", 0, 0, c -> Value.Bool.FALSE);
        b.special("if", LogicalFunctions::ifForm);
    }

    /** {@code decisive} is the value that settles the junction: false for and, true for or. */
    private static Value junction(FunctionCall c, boolean decisive) {
        Value unknown = null;
        for (int i = 0; i < c.count(); i++) {
            Value v = c.arg(i);
            if (v instanceof Value.Unknown) {
                if (unknown == null) {
                    unknown = v;
                }
                continue;
            }
            if (c.bool(i) == decisive) {
                return Value.of(decisive);
            }
        }
        return unknown != null ? unknown : Value.of(!decisive);
    }

    private static Value bool(FunctionCall c) {
        Value v = c.arg(0);
        if (v instanceof Value.Bool) {
            return v;
        }
        if (v instanceof Value.Int i) {
            return Value.of(i.value() != 0);
        }
        if (v instanceof Value.Str s) {
            String t = s.value().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Value.of(t.equals("true"));
            }
            throw c.error("can't convert the string '" + s.value() + "' to a boolean");
        }
        throw c.wrongType(0, "a boolean, integer or string", v);
    }

    private static Value ifForm(Evaluator ev, Expr.Call call) {
        if (call.args().size() != 3) {
            throw new ExpressionException("The template function 'if' expects 3 arguments but got "
                    + call.args().size(), call.offset());
        }
        Value condition = ev.evaluate(call.args().get(0));
        if (condition instanceof Value.Unknown u) {
            // Unknown which branch: the result is not the condition's value (no symbol).
            return new Value.Unknown(u.reason(), u.at());
        }
        if (!(condition instanceof Value.Bool b)) {
            throw new ExpressionException("The template function 'if' expects a boolean as argument 1 but got "
                    + FunctionCall.describe(condition), call.offset());
        }
        return ev.evaluate(call.args().get(b.value() ? 1 : 2));
    }
}
