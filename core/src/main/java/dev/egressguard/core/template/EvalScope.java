package dev.egressguard.core.template;

import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.Scope;
import dev.egressguard.core.expression.functions.StandardFunctions;

import java.util.Optional;

/** A {@link Scope} that can enter a copy loop: the template's scope and a user function's. */
interface EvalScope extends Scope {

    /** A template's expressions call Azure's functions. */
    @Override
    default FunctionLibrary functions() {
        return StandardFunctions.library();
    }

    EvalScope withLoop(String name, long index, boolean answersUnnamed);

    EvaluationLog log();

    /**
     * A parameter that {@code expressionText} reads (directly or through variables), that is
     * nullable, has no default and got no value from whoever deploys the template: null here,
     * but only the deployment tells.
     */
    default Optional<String> leftOutParameterReadBy(String expressionText) {
        return Optional.empty();
    }
}
