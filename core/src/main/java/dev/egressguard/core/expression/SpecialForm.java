package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;

/**
 * A function that decides itself which of its arguments to evaluate: {@code if} evaluates only
 * the taken branch, {@code and}/{@code or}/{@code coalesce} stop at the argument that decides
 * them, the lambda functions evaluate their lambda once per element.
 */
@FunctionalInterface
public interface SpecialForm {

    Value apply(Evaluator evaluator, Expr.Call call);

    /** Rejects a call with fewer than {@code min} or more than {@code max} (-1: any) arguments. */
    static void requireArguments(Expr.Call call, int min, int max) {
        int n = call.args().size();
        if (n < min || (max >= 0 && n > max)) {
            throw new ExpressionException("The template function '" + call.name() + "' expects "
                    + FunctionDef.arityText(min, max) + " but got " + n, call.offset());
        }
    }
}
