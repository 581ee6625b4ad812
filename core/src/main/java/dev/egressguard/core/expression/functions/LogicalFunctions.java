package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.SpecialForm;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * and, bool, false, if, not, or, true. {@code if} evaluates only the branch it takes, and
 * {@code and}/{@code or} stop at the first argument that decides them, as Azure does
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical:
 * "When the condition is True, only the true value is evaluated"; Bicep compiles {@code &&} and
 * {@code ||} to and/or and relies on it: {@code and(contains(o, 'x'), o.x)}). With Unknowns they
 * use Kleene logic: {@code and(?, false)} is false, {@code or(?, true)} is true.
 */
final class LogicalFunctions {

    private LogicalFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "and" -> b.special(name, (ev, call) -> junction(ev, call, false));
            case "or" -> b.special(name, (ev, call) -> junction(ev, call, true));
            case "not" -> b.add(name, 1, 1, c -> Value.of(!c.bool(0)));
            case "bool" -> b.add(name, 1, 1, LogicalFunctions::bool);
            case "true" -> b.add(name, 0, 0, c -> Value.Bool.TRUE);
            case "false" -> b.add(name, 0, 0, c -> Value.Bool.FALSE);
            case "if" -> b.special(name, LogicalFunctions::ifForm);
        }
    }

    /**
     * {@code decisive} is the value that settles the junction: false for and, true for or.
     * Arguments after it are not evaluated; after an Unknown, they are evaluated but cannot fail
     * for certain (ARM skips them if the Unknown turns out decisive).
     */
    private static Value junction(Evaluator ev, Expr.Call call, boolean decisive) {
        SpecialForm.requireArguments(call, 1, -1);
        List<Value> seen = new ArrayList<>(call.args().size());
        Value.Unknown unknown = null;
        for (Expr argument : call.args()) {
            Value v = unknown == null ? ev.evaluate(argument) : ev.evaluateAfter(unknown, argument);
            seen.add(v);
            if (v instanceof Value.Unknown u) {
                unknown = unknown == null ? u : unknown;
                continue;
            }
            if (!(v instanceof Value.Bool) && unknown != null) {
                return unknown;
            }
            if (new FunctionCall(call.name(), seen, ev.scope(), ev.at()).bool(seen.size() - 1) == decisive) {
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
        SpecialForm.requireArguments(call, 3, 3);
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
