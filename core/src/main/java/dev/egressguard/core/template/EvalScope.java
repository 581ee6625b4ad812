package dev.egressguard.core.template;

import dev.egressguard.core.expression.Scope;

/** A {@link Scope} that can enter a copy loop: the template's scope and a user function's. */
interface EvalScope extends Scope {

    EvalScope withLoop(String name, long index, boolean answersUnnamed);

    EvaluationLog log();
}
