package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.SpecialForm;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;

import java.util.function.IntPredicate;

/** coalesce, equals, greater, greaterOrEquals, less, lessOrEquals. */
final class ComparisonFunctions {

    private ComparisonFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "coalesce" -> b.special(name, ComparisonFunctions::coalesce);
            case "equals" -> b.addUnknownAware(name, 2, 2, c -> Values.equal(c.arg(0), c.arg(1)));
            case "greater" -> b.add(name, 2, 2, c -> compare(c, r -> r > 0));
            case "greaterOrEquals" -> b.add(name, 2, 2, c -> compare(c, r -> r >= 0));
            case "less" -> b.add(name, 2, 2, c -> compare(c, r -> r < 0));
            case "lessOrEquals" -> b.add(name, 2, 2, c -> compare(c, r -> r <= 0));
        }
    }

    /**
     * The first argument that is not null; the ones after it are not evaluated, like Bicep's
     * {@code ??} that compiles to it (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison#coalesce).
     * An Unknown is the result too: whether ARM goes on past it is only known at deployment.
     */
    private static Value coalesce(Evaluator ev, Expr.Call call) {
        SpecialForm.requireArguments(call, 1, -1);
        for (Expr argument : call.args()) {
            Value v = ev.evaluate(argument);
            if (!(v instanceof Value.Null)) {
                return v;
            }
        }
        return Value.Null.INSTANCE;
    }

    private static Value compare(FunctionCall c, IntPredicate test) {
        Value a = c.arg(0);
        Value b = c.arg(1);
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return Value.of(test.test(Values.decimal(a).compareTo(Values.decimal(b))));
        }
        if (a instanceof Value.Str x && b instanceof Value.Str y) {
            return Value.of(test.test(compareText(x.value(), y.value())));
        }
        if (!(Values.isNumber(a) || a instanceof Value.Str)) {
            throw c.wrongType(0, "an integer or string", a);
        }
        throw c.error("can't compare " + a.typeName() + " with " + b.typeName());
    }

    /**
     * .NET's culture-aware order, which Azure uses: letters compare case-insensitively first,
     * and only a difference in case alone puts the lower-case form first ('a' before 'A').
     */
    static int compareText(String x, String y) {
        int r = x.compareToIgnoreCase(y);
        if (r != 0) {
            return Integer.signum(r);
        }
        for (int i = 0; i < x.length(); i++) {
            char p = x.charAt(i);
            char q = y.charAt(i);
            if (p != q) {
                return Character.isLowerCase(p) ? -1 : 1;
            }
        }
        return 0;
    }
}
