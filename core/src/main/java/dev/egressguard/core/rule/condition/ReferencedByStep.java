package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.SymbolParser;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code referencedBy: {type, via, where}}: TRUE when some resource of {@code type} whose body
 * holds this resource's id (at {@code via}, when given) satisfies {@code where}; UNKNOWN when
 * none does but one might (its {@code where} is UNKNOWN, or it may hold this id where only the
 * deployment decides, see {@link PossibleReference}); FALSE otherwise.
 *
 * <p>The soundness rule: a resource of {@code type} that is not known to refer here counts as
 * "may refer" when its body has an unknown place where the reference can be — on the
 * {@code via} path (an Unknown above or at the via position, an open object lacking the next
 * key, an unknown or unresolved symbolic id of this type), or, without {@code via}, anywhere an
 * id can hide (an unknown id, an Unknown that is not a known string, an open object). When this
 * resource's own id holds a term, a known id of its type that names no evaluated resource may
 * be this one too. Unknowns that cannot be the reference (off the via path, a known string, an
 * id of another type) decide nothing, so an {@code ipAddress} read back does not make every
 * {@code referencedBy} UNKNOWN.
 */
record ReferencedByStep(TypePattern type, FieldPath via, Condition where, ViaPointer viaPointer) implements Condition {

    /** {@code viaPointer}: the pointers {@code via} names, made once with the rule (null without via). */
    ReferencedByStep(TypePattern type, FieldPath via, Condition where) {
        this(type, via, where, via == null ? null : ViaPointer.of(via));
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        Resource self = ctx.resource();
        Map<ResourceId, Resource> referrers = new LinkedHashMap<>();
        List<ResourceGraph.Reference> incoming = ctx.graph().referencesTo(self.id());
        for (int i = 0; i < incoming.size(); i++) {
            ResourceGraph.Reference ref = incoming.get(i);
            Resource from = ref.from();
            if (accepts(from) && (viaPointer == null || viaPointer.matches(ref.pointer()))) {
                referrers.putIfAbsent(from.id(), from);
            }
        }
        LinkedHashSet<String> unknown = new LinkedHashSet<>();
        Verdict firstUnknown = null;
        Resource firstUnknownReferrer = null;
        boolean explained = true;
        for (Resource from : referrers.values()) {
            Verdict v = where == null ? Condition.holds("", null) : where.evaluate(ctx.on(from));
            if (v.isTrue()) {
                // The referrer's id is the value: messages can name it ({target}).
                return Verdict.of(Truth.TRUE, "", new Value.Str(from.id().toString()),
                        () -> "referenced by " + EvalContext.describe(from));
            }
            if (v.isUnknown()) {
                unknown.addAll(RefStep.prefixed("referenced by " + EvalContext.describe(from), v));
                firstUnknownReferrer = firstUnknown == null ? from : firstUnknownReferrer;
                firstUnknown = firstUnknown == null ? v : firstUnknown;
                explained &= v.explained();
            }
        }
        // Referrers the template does not decide: an unknown place where the reference may be.
        Map<ResourceId, Candidate> possible = new LinkedHashMap<>();
        for (Resource candidate : ctx.graph().resourcesWithUnknownReferences()) {
            if (candidate != self && accepts(candidate) && !referrers.containsKey(candidate.id())) {
                (via == null ? PossibleReference.anywhere(candidate, self, ctx.graph())
                        : PossibleReference.along(via, candidate, self, ctx.graph()))
                        .ifPresent(p -> possible.put(candidate.id(), new Candidate(candidate, p)));
            }
        }
        if (SymbolParser.parse(self.id().toString()).isPresent()) {
            // This id holds a term: a known id that names no evaluated resource may be this one.
            for (ResourceGraph.Reference ref : ctx.graph().danglingReferencesTo(self.type())) {
                Resource from = ref.from();
                if (from != self && accepts(from) && !referrers.containsKey(from.id())
                        && (viaPointer == null || viaPointer.matches(ref.pointer()))) {
                    possible.putIfAbsent(from.id(), new Candidate(from, new PossibleReference(ref.pointer(),
                            FieldPath.dotted(ref.pointer()) + " is " + ref.target() + ", which names no evaluated resource"
                                    + " and is this one if the deployment names it so")));
                }
            }
        }
        for (Candidate c : possible.values()) {
            Verdict v = where == null ? Condition.holds("", null) : where.evaluate(ctx.on(c.resource()));
            if (!v.isFalse()) {
                unknown.add(EvalContext.describe(c.resource()) + " may refer to it: " + c.place().why());
                firstUnknownReferrer = firstUnknown == null ? c.resource() : firstUnknownReferrer;
                firstUnknown = firstUnknown == null ? v : firstUnknown;
                explained = false;
            }
        }
        if (firstUnknown != null) {
            // The referrer that might match is the value: messages can name it ({target}).
            return new Verdict(Truth.UNKNOWN, "", new Value.Str(firstUnknownReferrer.id().toString()),
                    new ArrayList<>(unknown), explained);
        }
        boolean noReferrer = referrers.isEmpty();
        return Verdict.of(Truth.FALSE, "", null, () -> {
            String kinds = type == null ? "resource" : type.toString();
            return noReferrer ? "no " + kinds + " refers to " + EvalContext.describe(self) + (via == null ? "" : " at " + via)
                    : "no " + kinds + " that refers to " + EvalContext.describe(self) + " matches the condition";
        });
    }

    /** A resource that may refer to the one evaluated, and the place where it may. */
    private record Candidate(Resource resource, PossibleReference place) {
    }

    private boolean accepts(Resource r) {
        return type == null || type.matches(r.type());
    }
}
