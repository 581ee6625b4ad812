package dev.egressguard.core.rule.condition;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;

import java.util.Objects;
import java.util.Optional;

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
        Optional<ResourceId> parentId = self.id().parent();
        if (parentId.isEmpty()) {
            return Verdict.of(Truth.FALSE, "", null, EvalContext.describe(self) + " has no parent resource");
        }
        Optional<Resource> parent = ctx.graph().find(parentId.get());
        if (parent.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, "", null, "the parent " + parentId.get()
                    + " is not among the evaluated resources");
        }
        Verdict v = condition.evaluate(ctx.on(parent.get()));
        return new Verdict(v.truth(), "", v.value(), RefStep.prefixed("on the parent " + EvalContext.describe(parent.get()), v),
                v.explained());
    }
}
