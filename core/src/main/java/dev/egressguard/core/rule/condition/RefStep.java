package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ref: <path to an id>}: follows the id to the resource it names and tests it. Nothing
 * at the path is FALSE (nothing to follow); an unknown id is UNKNOWN, and so is an id below an
 * Unknown or below an open object that does not declare it ({@link FieldPath}); a symbolic id
 * (built from a parameter without value) is followed to the resource whose id is its text, and
 * is UNKNOWN when no evaluated resource has it; an id that is not among the evaluated resources
 * is UNKNOWN; a target of another type than {@code type} is FALSE.
 * With {@code [*]} every id must pass ({@code match: all}, the default) or one ({@code match: any}).
 */
record RefStep(FieldPath path, TypePattern type, boolean matchAny, Condition assertion) implements Condition {

    public RefStep {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        List<FieldPath.Hit> hits = path.resolve(ctx.current(), ctx.base());
        String at = path.collectionPointer(ctx.base());
        if (hits.stream().allMatch(FieldPath.Hit::isMissing)) {
            String pointer = hits.isEmpty() ? at : hits.get(0).pointer();
            return Verdict.of(Truth.FALSE, pointer, null, () -> describe(pointer) + " is missing: no resource to follow");
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (FieldPath.Hit hit : hits) {
            Verdict v = follow(ctx, hit);
            if (matchAny ? v.isTrue() : v.isFalse()) {
                return v;
            }
            verdicts.add(v);
        }
        return matchAny ? Verdict.any(verdicts, at, null) : Verdict.all(verdicts, at, null);
    }

    @Override
    public Truth test(EvalContext ctx) {
        // What evaluate does, in the same order, keeping only the truth (so no pointers either).
        List<FieldPath.Hit> hits = path.resolve(ctx.current(), ctx.base(), false);
        boolean allMissing = true;
        for (int i = 0; i < hits.size(); i++) {
            allMissing &= hits.get(i).isMissing();
        }
        if (allMissing) {
            return Truth.FALSE;
        }
        boolean unknown = false;
        for (int i = 0; i < hits.size(); i++) {
            Truth t = followTruth(ctx, hits.get(i));
            if (matchAny ? t == Truth.TRUE : t == Truth.FALSE) {
                return t;
            }
            unknown |= t == Truth.UNKNOWN;
        }
        return unknown ? Truth.UNKNOWN : matchAny ? Truth.FALSE : Truth.TRUE;
    }

    /** {@code follow(ctx, hit).truth()}, branch for branch. */
    private Truth followTruth(EvalContext ctx, FieldPath.Hit hit) {
        Value value = hit.value();
        if (hit.isMissing()) {
            return Truth.FALSE;
        }
        if (value instanceof Value.Unknown u && hit.complete() && u.symbol() != null) {
            Optional<ResourceId> id = ctx.graph().idOf(u.symbol().render());
            if (id.isEmpty()) {
                return Truth.UNKNOWN;
            }
            Optional<Resource> target = ctx.graph().find(id.get());
            if (target.isPresent()) {
                return targetTruth(ctx, target.get());
            }
            return type != null && !type.matches(id.get().type()) ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (value instanceof Value.Unknown) {
            return Truth.UNKNOWN;
        }
        if (!(value instanceof Value.Str s)) {
            return Truth.FALSE;
        }
        Optional<ResourceId> id = ctx.graph().idOf(s.value());
        if (id.isEmpty()) {
            return Truth.FALSE;
        }
        Optional<Resource> target = ctx.graph().find(id.get());
        return target.isEmpty() ? Truth.UNKNOWN : targetTruth(ctx, target.get());
    }

    /** {@code onTarget(...).truth()}. */
    private Truth targetTruth(EvalContext ctx, Resource t) {
        if (type != null && !type.matches(t.type())) {
            return Truth.FALSE;
        }
        return assertion == null ? Truth.TRUE : assertion.test(ctx.on(t));
    }

    private Verdict follow(EvalContext ctx, FieldPath.Hit hit) {
        Value value = hit.value();
        if (hit.isMissing()) {
            return Verdict.of(Truth.FALSE, hit.pointer(), null, () -> describe(hit.pointer()) + " is missing: no resource to follow");
        }
        if (value instanceof Value.Unknown u && hit.complete() && u.symbol() != null) {
            return followSymbolic(ctx, hit, u);
        }
        if (value instanceof Value.Unknown u) {
            return Verdict.of(Truth.UNKNOWN, hit.pointer(), u, () -> describe(hit.pointer()) + " is unknown before deployment: " + u.describe());
        }
        if (!(value instanceof Value.Str s)) {
            return Verdict.of(Truth.FALSE, hit.pointer(), value, () -> describe(hit.pointer()) + " is " + ConditionValues.json(value) + ", not a resource id");
        }
        Optional<ResourceId> id = ctx.graph().idOf(s.value());
        if (id.isEmpty()) {
            return Verdict.of(Truth.FALSE, hit.pointer(), value, () -> describe(hit.pointer()) + " is '" + s.value() + "', not a resource id");
        }
        Optional<Resource> target = ctx.graph().find(id.get());
        if (target.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, hit.pointer(), value, () -> describe(hit.pointer()) + " refers to " + id.get()
                    + ", which is not among the evaluated resources");
        }
        return onTarget(ctx, hit, value, target.get());
    }

    /**
     * An id the template decides up to a parameter without value: the resource whose id is its
     * text when the graph has one (named from the same parameter), else UNKNOWN — different
     * symbols are not known to differ, so it may be any resource of its type. Its type is
     * written in the template, so a wrong one is FALSE.
     */
    private Verdict followSymbolic(EvalContext ctx, FieldPath.Hit hit, Value.Unknown u) {
        String text = u.symbol().render();
        Optional<ResourceId> id = ctx.graph().idOf(text);
        if (id.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, hit.pointer(), u, () -> describe(hit.pointer()) + " is unknown before deployment: "
                    + u.describe());
        }
        Optional<Resource> target = ctx.graph().find(id.get());
        if (target.isPresent()) {
            // The text names the resource: messages can name it ({target}).
            return onTarget(ctx, hit, new Value.Str(text), target.get());
        }
        if (type != null && !type.matches(id.get().type())) {
            return Verdict.of(Truth.FALSE, hit.pointer(), u, () -> describe(hit.pointer()) + " refers to a "
                    + id.get().type() + " (" + text + "), expected a " + type);
        }
        return Verdict.of(Truth.UNKNOWN, hit.pointer(), u, () -> describe(hit.pointer()) + " refers to " + text
                + ", which is not among the evaluated resources (" + u.describe() + ")");
    }

    /** The id names {@code t}, a resource of the graph: its type, then {@code assert} on it. */
    private Verdict onTarget(EvalContext ctx, FieldPath.Hit hit, Value value, Resource t) {
        if (type != null && !type.matches(t.type())) {
            return Verdict.of(Truth.FALSE, hit.pointer(), value, () -> describe(hit.pointer()) + " refers to " + EvalContext.describe(t)
                    + ", expected a " + type);
        }
        if (assertion == null) {
            return Condition.holds(hit.pointer(), value);
        }
        Verdict v = assertion.evaluate(ctx.on(t));
        if (v.isTrue()) {
            return new Verdict(Truth.TRUE, hit.pointer(), value, List.of(), v.explained());
        }
        return Verdict.lazy(v.truth(), hit.pointer(), value,
                () -> prefixed(describe(hit.pointer()) + " refers to " + EvalContext.describe(t), v), v.explained());
    }

    private static String describe(String pointer) {
        return FieldPath.dotted(pointer);
    }

    /**
     * The inner reasons of a verdict on another resource, said from the resource we started on;
     * reasons the rule's author wrote ({@code because}) already say it their way and pass as they are.
     */
    static List<String> prefixed(String prefix, Verdict inner) {
        if (inner.isTrue()) {
            return List.of();
        }
        if (inner.explained()) {
            return inner.reasons();
        }
        if (inner.reasons().isEmpty()) {
            return List.of(prefix);
        }
        return inner.reasons().stream().map(r -> prefix + ": " + r).toList();
    }
}
