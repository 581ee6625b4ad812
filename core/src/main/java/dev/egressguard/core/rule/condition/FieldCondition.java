package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code field: <path>} with one operator. With {@code [*]} in the path the operator must hold
 * for every element (Kleene AND; no elements is TRUE).
 */
record FieldCondition(FieldPath path, Operator operator) implements Condition {

    public FieldCondition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        if (!path.hasWildcard()) {
            // One place: the Kleene AND of one verdict is that verdict.
            return check(path.resolveOne(ctx), ctx);
        }
        List<FieldPath.Hit> hits = path.resolve(ctx);
        List<Verdict> verdicts = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Verdict v = check(hits.get(i), ctx);
            if (v.isFalse()) {
                return v;
            }
            verdicts.add(v);
        }
        return Verdict.all(verdicts, path.collectionPointer(ctx.base()), null);
    }

    @Override
    public Truth test(EvalContext ctx) {
        if (!path.hasWildcard()) {
            // Values only: a truth needs no pointers, nor the hit itself.
            return path.testOne(ctx, operator);
        }
        // Every place in turn, as evaluate meets them.
        return path.testEach(ctx, operator);
    }

    /** The operator on one place the path reached; the reason is written only when asked for. */
    private Verdict check(FieldPath.Hit hit, EvalContext ctx) {
        Value value = hit.value();
        Truth truth = operator.test(value, hit.complete(), ctx.regex());
        if (truth == Truth.TRUE) {
            return Verdict.of(truth, hit.pointer(), value, "");
        }
        return Verdict.of(truth, hit.pointer(), value,
                () -> value instanceof Value.Unknown u && path.isEgress()
                        // The egress model's reasons say what is unknown, and where.
                        ? u.describe()
                        : operator.reason(value, hit.complete(), describe(hit.pointer())));
    }

    private static String describe(String pointer) {
        String dotted = FieldPath.dotted(pointer);
        return dotted.isEmpty() ? "the value" : dotted;
    }
}
