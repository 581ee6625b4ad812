package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled condition of the rule language. Every condition answers TRUE, FALSE or UNKNOWN
 * with the evidence (property path, value, reasons) a finding needs.
 */
public sealed interface Condition
        permits Condition.AllOf, Condition.AnyOf, Condition.Not, FieldCondition, ValueCondition, SettingCondition,
        CountCondition, RefStep, ReferencedByStep, ParentStep, Explained {

    Verdict evaluate(EvalContext ctx);

    /**
     * {@code evaluate(ctx).truth()}, without the evidence: a rule's verdict is only read when it
     * does not pass, and most checks pass, so the engine first asks for the truth alone and
     * evaluates again only when it needs the verdict. An implementation must test exactly what
     * {@link #evaluate} does, in the same order (the regex budget it spends must be the same),
     * and decide the same truth; the ones here that make no verdict objects are those that run
     * for every resource.
     */
    default Truth test(EvalContext ctx) {
        return evaluate(ctx).truth();
    }

    /** Kleene AND of the parts. */
    record AllOf(List<Condition> parts) implements Condition {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public Verdict evaluate(EvalContext ctx) {
            // Indexes, not an iterator, and a list of the right size: this runs for every resource.
            List<Verdict> verdicts = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Verdict v = parts.get(i).evaluate(ctx);
                if (v.isFalse()) {
                    return v;
                }
                verdicts.add(v);
            }
            return Verdict.all(verdicts, ctx.base(), null);
        }

        @Override
        public Truth test(EvalContext ctx) {
            boolean unknown = false;
            for (int i = 0; i < parts.size(); i++) {
                Truth t = parts.get(i).test(ctx);
                if (t == Truth.FALSE) {
                    return t;
                }
                unknown |= t == Truth.UNKNOWN;
            }
            return unknown ? Truth.UNKNOWN : Truth.TRUE;
        }
    }

    /** Kleene OR of the parts. */
    record AnyOf(List<Condition> parts) implements Condition {
        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public Verdict evaluate(EvalContext ctx) {
            List<Verdict> verdicts = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Verdict v = parts.get(i).evaluate(ctx);
                if (v.isTrue()) {
                    return v;
                }
                verdicts.add(v);
            }
            return Verdict.any(verdicts, ctx.base(), null);
        }

        @Override
        public Truth test(EvalContext ctx) {
            boolean unknown = false;
            for (int i = 0; i < parts.size(); i++) {
                Truth t = parts.get(i).test(ctx);
                if (t == Truth.TRUE) {
                    return t;
                }
                unknown |= t == Truth.UNKNOWN;
            }
            return unknown ? Truth.UNKNOWN : Truth.FALSE;
        }
    }

    /** TRUE and FALSE swapped; UNKNOWN stays UNKNOWN. */
    record Not(Condition inner) implements Condition {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public Verdict evaluate(EvalContext ctx) {
            Verdict v = inner.evaluate(ctx);
            if (!v.isTrue()) {
                return v.negate();
            }
            // FALSE on the same evidence; without reasons of its own, it says what matched.
            return Verdict.lazy(Truth.FALSE, v.path(), v.value(), () -> v.reasons().isEmpty() ? List.of(mismatch(v)) : v.reasons(),
                    v.explained());
        }

        @Override
        public Truth test(EvalContext ctx) {
            return inner.test(ctx).not();
        }

        private static String mismatch(Verdict v) {
            String where = v.path().isEmpty() ? "the resource" : FieldPath.dotted(v.path());
            return where + " matches a condition it must not match"
                    + (v.value() == null ? "" : " (" + ConditionValues.json(v.value()) + ")");
        }
    }

    /** Shorthand used by the graph steps: TRUE with no evidence. */
    static Verdict holds(String path, Value value) {
        return new Verdict(Truth.TRUE, path, value, List.of());
    }
}
