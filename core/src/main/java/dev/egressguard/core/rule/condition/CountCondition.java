package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code count: {field: <path with [*]>, where: <condition>}} with a comparison operator: how
 * many elements satisfy {@code where} (all of them without it). Elements for which
 * {@code where} is UNKNOWN may or may not count, so the count is a range; the verdict is TRUE
 * or FALSE only when the operator agrees on the whole range.
 */
record CountCondition(FieldPath path, Condition where, Operator operator) implements Condition {

    public CountCondition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        List<FieldPath.Hit> hits = path.resolve(ctx);
        String at = path.collectionPointer(ctx);
        long sure = 0;
        long maybe = 0;
        // Made for the first element whose where is UNKNOWN: most counts have none.
        LinkedHashSet<String> unknown = null;
        for (FieldPath.Hit hit : hits) {
            if (hit.value() instanceof Value.Unknown u && !hit.complete()) {
                return Verdict.of(Truth.UNKNOWN, hit.pointer(), u, () -> path.isEgress() ? u.describe()
                        : "the elements of " + listName(at) + " are unknown before deployment: " + u.describe());
            }
            if (hit.value() == null) {
                continue;
            }
            if (this.where == null) {
                sure++;
                continue;
            }
            Verdict v = this.where.evaluate(ctx.element(hit.value(), hit.pointer()));
            if (v.isTrue()) {
                sure++;
            } else if (v.isUnknown()) {
                maybe++;
                unknown = unknown == null ? new LinkedHashSet<>() : unknown;
                unknown.addAll(v.reasons());
            }
        }
        Truth truth = truth(sure, maybe);
        Value count = Value.of(sure);
        if (truth == Truth.UNKNOWN) {
            return new Verdict(Truth.UNKNOWN, at, count, unknown == null ? List.of() : List.copyOf(unknown));
        }
        if (truth == Truth.TRUE) {
            return Verdict.of(Truth.TRUE, at, count, "");
        }
        String counted = maybe == 0 ? String.valueOf(sure) : "between " + sure + " and " + (sure + maybe);
        return Verdict.of(Truth.FALSE, at, count, () -> "the count of " + listName(at) + " is " + counted
                + ", expected " + operator.describe());
    }

    @Override
    public Truth test(EvalContext ctx) {
        // Values only: the elements' conditions are tested for their truth, which needs no pointers.
        List<FieldPath.Hit> hits = path.resolve(ctx, false);
        long sure = 0;
        long maybe = 0;
        for (int i = 0; i < hits.size(); i++) {
            FieldPath.Hit hit = hits.get(i);
            if (hit.value() instanceof Value.Unknown && !hit.complete()) {
                return Truth.UNKNOWN;
            }
            if (hit.value() == null) {
                continue;
            }
            if (this.where == null) {
                sure++;
                continue;
            }
            Truth t = this.where.test(ctx.element(hit.value(), hit.pointer()));
            if (t == Truth.TRUE) {
                sure++;
            } else if (t == Truth.UNKNOWN) {
                maybe++;
            }
        }
        return truth(sure, maybe);
    }

    /** The operator on a count between {@code sure} and {@code sure + maybe}: UNKNOWN unless it agrees on all. */
    private Truth truth(long sure, long maybe) {
        boolean anyTrue = false;
        boolean anyFalse = false;
        for (long n = sure; n <= sure + maybe; n++) {
            if (operator.testCount(n)) {
                anyTrue = true;
            } else {
                anyFalse = true;
            }
        }
        return anyTrue && anyFalse ? Truth.UNKNOWN : anyTrue ? Truth.TRUE : Truth.FALSE;
    }

    /** The counted list as a person reads it; only for reasons, so only made when there is one. */
    private static String listName(String pointer) {
        String dotted = FieldPath.dotted(pointer);
        return dotted.isEmpty() ? "the list" : dotted;
    }
}
