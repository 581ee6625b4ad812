package dev.egressguard.core.rule.condition;

import dev.egressguard.core.model.Resource;

import java.util.List;
import java.util.Objects;

/**
 * {@code parent: <condition>}: the condition on the parent resource (a subnet's virtual network,
 * a backend pool's load balancer). UNKNOWN when the parent is not among the evaluated resources;
 * FALSE for a top-level resource, which has no parent.
 */
record ParentStep(Condition condition) implements Condition {

    public ParentStep {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        Resource self = ctx.resource();
        GraphSteps.Parent parent = GraphSteps.of(ctx.graph()).parentOf(self);
        if (parent.id() == null) {
            return Verdict.of(Truth.FALSE, "", null, () -> EvalContext.describe(self) + " has no parent resource");
        }
        if (parent.resource() == null) {
            return Verdict.of(Truth.UNKNOWN, "", null, () -> "the parent " + parent.id()
                    + " is not among the evaluated resources");
        }
        Resource p = parent.resource();
        Verdict v = condition.evaluate(ctx.on(p));
        if (v.isTrue()) {
            return new Verdict(v.truth(), "", v.value(), List.of(), v.explained());
        }
        // Said from the child, and only when somebody reads it.
        return Verdict.lazy(v.truth(), "", v.value(), () -> RefStep.prefixed("on the parent " + EvalContext.describe(p), v),
                v.explained());
    }

    @Override
    public Truth test(EvalContext ctx) {
        GraphSteps.Parent parent = GraphSteps.of(ctx.graph()).parentOf(ctx.resource());
        if (parent.id() == null) {
            return Truth.FALSE;
        }
        return parent.resource() == null ? Truth.UNKNOWN : condition.test(ctx.on(parent.resource()));
    }
}
