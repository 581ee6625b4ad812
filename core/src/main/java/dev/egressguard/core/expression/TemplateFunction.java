package dev.egressguard.core.expression;

/** The body of a built-in function over already evaluated arguments. */
@FunctionalInterface
public interface TemplateFunction {

    Value apply(FunctionCall call);
}
