package dev.egressguard.core.expression;

/**
 * A function that decides itself which of its arguments to evaluate: {@code if} evaluates only
 * the taken branch, the lambda functions evaluate their lambda once per element.
 */
@FunctionalInterface
public interface SpecialForm {

    Value apply(Evaluator evaluator, Expr.Call call);
}
