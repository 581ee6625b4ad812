package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.Objects;

/**
 * {@code setting: <name>} with one operator: a run option given as text in the plugin or CLI
 * configuration ({@code allowFirewallEgress=true}). An option that was not given is missing.
 */
record SettingCondition(String name, Operator operator) implements Condition {

    public SettingCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        Value value = ctx.setting(name).map(Value::of).orElse(null);
        return Verdict.of(operator.test(value, true, ctx.regex()), "", value, () -> operator.reason(value, true, "setting '" + name + "'"));
    }

    @Override
    public Truth test(EvalContext ctx) {
        return operator.test(ctx.setting(name).map(Value::of).orElse(null), true, ctx.regex());
    }
}
