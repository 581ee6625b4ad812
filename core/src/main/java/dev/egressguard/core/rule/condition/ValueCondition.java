package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.Objects;

/** {@code value: <literal>} with one operator: a constant, mostly for documentation and tests. */
record ValueCondition(Value value, Operator operator) implements Condition {

    public ValueCondition {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        return Verdict.of(operator.test(value, true, ctx.regex()), ctx.base(), value,
                () -> operator.reason(value, true, "the value " + ConditionValues.json(value)));
    }

    @Override
    public Truth test(EvalContext ctx) {
        return operator.test(value, true, ctx.regex());
    }
}
