package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;

/** The body of a built-in function over already evaluated arguments. */
@FunctionalInterface
public interface TemplateFunction {

    Value apply(FunctionCall call);
}
