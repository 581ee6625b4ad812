package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.SymbolParser;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        // The referrers, in the order of their first references, each once. Each is tested as it
        // comes: usually the first matches, and then no set of them is made at all.
        Referrers referrers = new Referrers();
        // Made when first needed, as is the map of possible referrers: most subnets need neither.
        LinkedHashSet<String> unknown = null;
        Verdict firstUnknown = null;
        Resource firstUnknownReferrer = null;
        boolean explained = true;
        List<ResourceGraph.Reference> incoming = ctx.graph().referencesTo(self.id());
        for (int i = 0; i < incoming.size(); i++) {
            ResourceGraph.Reference ref = incoming.get(i);
            Resource from = ref.from();
            if (!firstAcceptedReference(ref, referrers)) {
                continue;
            }
            Verdict v = where == null ? Condition.holds("", null) : where.evaluate(ctx.on(from));
            if (v.isTrue()) {
                // The referrer's id is the value: messages can name it ({target}).
                return Verdict.of(Truth.TRUE, "", new Value.Str(from.id().toString()),
                        () -> "referenced by " + EvalContext.describe(from));
            }
            if (v.isUnknown()) {
                unknown = unknown == null ? new LinkedHashSet<>() : unknown;
                unknown.addAll(RefStep.prefixed("referenced by " + EvalContext.describe(from), v));
                firstUnknownReferrer = firstUnknown == null ? from : firstUnknownReferrer;
                firstUnknown = firstUnknown == null ? v : firstUnknown;
                explained &= v.explained();
            }
        }
        for (Candidate c : possible(ctx, referrers)) {
            Verdict v = where == null ? Condition.holds("", null) : where.evaluate(ctx.on(c.resource()));
            if (!v.isFalse()) {
                unknown = unknown == null ? new LinkedHashSet<>() : unknown;
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

    @Override
    public Truth test(EvalContext ctx) {
        // What evaluate does, in the same order, keeping only the truth.
        Resource self = ctx.resource();
        Referrers referrers = new Referrers();
        boolean unknown = false;
        List<ResourceGraph.Reference> incoming = ctx.graph().referencesTo(self.id());
        for (int i = 0; i < incoming.size(); i++) {
            ResourceGraph.Reference ref = incoming.get(i);
            Resource from = ref.from();
            if (!firstAcceptedReference(ref, referrers)) {
                continue;
            }
            Truth t = where == null ? Truth.TRUE : where.test(ctx.on(from));
            if (t == Truth.TRUE) {
                return t;
            }
            unknown |= t == Truth.UNKNOWN;
        }
        for (Candidate c : possible(ctx, referrers)) {
            Truth t = where == null ? Truth.TRUE : where.test(ctx.on(c.resource()));
            unknown |= t != Truth.FALSE;
        }
        return unknown ? Truth.UNKNOWN : Truth.FALSE;
    }

    /**
     * Referrers the template does not decide, besides {@code referrers}: an unknown place where
     * the reference may be, in graph order, then (when this id holds a term) known ids that name
     * no evaluated resource.
     */
    private java.util.Collection<Candidate> possible(EvalContext ctx, Referrers referrers) {
        Resource self = ctx.resource();
        Map<ResourceId, Candidate> possible = null;
        for (Resource candidate : GraphSteps.of(ctx.graph()).resourcesWithUnknownReferences()) {
            if (candidate != self && accepts(candidate) && !referrers.contains(candidate.id())) {
                Optional<PossibleReference> place = via == null ? PossibleReference.anywhere(candidate, self, ctx.graph())
                        : PossibleReference.along(via, candidate, self, ctx.graph());
                if (place.isPresent()) {
                    possible = possible == null ? new LinkedHashMap<>() : possible;
                    possible.put(candidate.id(), new Candidate(candidate, place.get()));
                }
            }
        }
        if (SymbolParser.parse(self.id().toString()).isPresent()) {
            // This id holds a term: a known id that names no evaluated resource may be this one.
            for (ResourceGraph.Reference ref : ctx.graph().danglingReferencesTo(self.type())) {
                Resource from = ref.from();
                if (from != self && accepts(from) && !referrers.contains(from.id())
                        && (viaPointer == null || viaPointer.matches(ref.pointer()))) {
                    possible = possible == null ? new LinkedHashMap<>() : possible;
                    possible.putIfAbsent(from.id(), new Candidate(from, new PossibleReference(ref.pointer(),
                            FieldPath.dotted(ref.pointer()) + " is " + ref.target() + ", which names no evaluated resource"
                                    + " and is this one if the deployment names it so")));
                }
            }
        }
        return possible == null ? List.of() : possible.values();
    }

    /**
     * The distinct referrers met so far, by id: the first is kept alone, and a set is made only
     * when a second reference comes (a subnet's first referrer usually decides).
     */
    private static final class Referrers {
        private Resource first;
        private Set<ResourceId> ids;

        /** Whether {@code r} is a referrer not met before (and now met). */
        boolean add(Resource r) {
            if (first == null) {
                first = r;
                return true;
            }
            if (ids == null) {
                ids = new HashSet<>();
                ids.add(first.id());
            }
            return ids.add(r.id());
        }

        boolean contains(ResourceId id) {
            return ids != null ? ids.contains(id) : first != null && first.id().equals(id);
        }

        boolean isEmpty() {
            return first == null;
        }
    }

    /** A resource that may refer to the one evaluated, and the place where it may. */
    private record Candidate(Resource resource, PossibleReference place) {
    }

    private boolean accepts(Resource r) {
        return type == null || type.matches(r.type());
    }

    /**
     * Whether {@code ref} comes from a referrer of the asked type, at the asked place, that
     * {@code referrers} had not met yet (it is added): {@link #evaluate} and {@link #test} meet
     * referrers alike.
     */
    private boolean firstAcceptedReference(ResourceGraph.Reference ref, Referrers referrers) {
        Resource from = ref.from();
        return accepts(from) && (viaPointer == null || viaPointer.matches(ref.pointer())) && referrers.add(from);
    }
}
