package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code referencedBy: {type, via, where}}: TRUE when some resource of {@code type} whose body
 * holds this resource's id (at {@code via}, when given) satisfies {@code where}; UNKNOWN when
 * none does but one might (its {@code where} is UNKNOWN, or it holds an id that is unknown
 * before deployment and could be this one); FALSE otherwise.
 */
public record ReferencedByStep(TypePattern type, FieldPath via, Condition where) implements Condition {

    @Override
    public Verdict evaluate(EvalContext ctx) {
        Resource self = ctx.resource();
        Pattern viaPointer = via == null ? null : pointerPattern(via);
        Map<ResourceId, Resource> referrers = new LinkedHashMap<>();
        for (ResourceGraph.Reference ref : ctx.graph().referencesTo(self.id())) {
            Resource from = ref.from();
            if (accepts(from) && (viaPointer == null || viaPointer.matcher(ref.pointer()).matches())) {
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
                        "referenced by " + EvalContext.describe(from));
            }
            if (v.isUnknown()) {
                unknown.addAll(RefStep.prefixed("referenced by " + EvalContext.describe(from), v));
                firstUnknownReferrer = firstUnknown == null ? from : firstUnknownReferrer;
                firstUnknown = firstUnknown == null ? v : firstUnknown;
                explained &= v.explained();
            }
        }
        for (Resource candidate : ctx.graph().resourcesWithUnknownReferences()) {
            if (candidate == self || !accepts(candidate) || referrers.containsKey(candidate.id())) {
                continue;
            }
            for (ResourceGraph.UnknownReference u : ctx.graph().unknownReferencesFrom(candidate)) {
                if (viaPointer != null && !viaPointer.matcher(u.pointer()).matches()) {
                    continue;
                }
                Verdict v = where == null ? Condition.holds("", null) : where.evaluate(ctx.on(candidate));
                if (!v.isFalse()) {
                    unknown.add(EvalContext.describe(candidate) + " may refer to it: " + FieldPath.dotted(u.pointer())
                            + " is unknown before deployment: " + u.value().describe());
                    firstUnknownReferrer = firstUnknown == null ? candidate : firstUnknownReferrer;
                    firstUnknown = firstUnknown == null ? v : firstUnknown;
                    explained = false;
                }
                break;
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

    private boolean accepts(Resource r) {
        return type == null || type.matches(r.type());
    }

    /**
     * The pointers {@code via} names: {@code properties.ipConfigurations[*].properties.subnet}
     * matches {@code /properties/ipConfigurations/0/properties/subnet/id} (the graph indexes
     * the {@code id} inside), and keys compare case-insensitively.
     */
    static Pattern pointerPattern(FieldPath via) {
        return POINTER_PATTERNS.computeIfAbsent(via, ReferencedByStep::compilePointerPattern);
    }

    /** A rule's {@code via} is fixed: compile its pattern once, not on every evaluation. */
    private static final java.util.Map<FieldPath, Pattern> POINTER_PATTERNS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Pattern compilePointerPattern(FieldPath via) {
        StringBuilder sb = new StringBuilder();
        for (FieldPath.Segment s : via.segments()) {
            sb.append('/');
            if (s instanceof FieldPath.Key k) {
                sb.append(Pattern.quote(FieldPath.escape(k.name())));
            } else if (s instanceof FieldPath.Index i) {
                sb.append(i.index());
            } else {
                sb.append("\\d+");
            }
        }
        sb.append("(/id)?");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
