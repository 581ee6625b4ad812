package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One suppression: which rule, on which resources, why, until when, and where it is written.
 * An INLINE entry (from a resource's {@code metadata}) covers that resource and the children
 * declared inside it; a FILE entry (from {@code egress-suppressions.yaml}) covers every resource
 * whose id or name matches its glob.
 *
 * @param rule      a rule id (EG002) or name (nat-gateway-on-node-subnets), any casing
 * @param resource  the resource id (INLINE) or a glob on resource id or name (FILE)
 * @param expires   the last day the suppression holds; null for none
 */
record SuppressionEntry(Finding.Suppression.Kind kind, String rule, String resource, String justification,
                               LocalDate expires, SourceLocation source) {

    public SuppressionEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(justification, "justification");
        source = source == null ? SourceLocation.NONE : source;
        if (kind == Finding.Suppression.Kind.BASELINE) {
            throw new IllegalArgumentException("baseline entries are kept by Baseline");
        }
    }

    public static SuppressionEntry inline(String rule, String resourceId, String justification, LocalDate expires,
                                          SourceLocation source) {
        return new SuppressionEntry(Finding.Suppression.Kind.INLINE, rule, resourceId, justification, expires, source);
    }

    public static SuppressionEntry file(String rule, String resourceGlob, String justification, LocalDate expires,
                                        SourceLocation source) {
        return new SuppressionEntry(Finding.Suppression.Kind.FILE, rule, resourceGlob, justification, expires, source);
    }

    /** Expired from the day after {@code expires}. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** The same, asking for the date only when this entry has an expiry date. */
    public boolean expiredOn(Supplier<LocalDate> today) {
        return expires != null && today.get().isAfter(expires);
    }

    public boolean matches(Finding f) {
        boolean rule = this.rule.equalsIgnoreCase(f.ruleId()) || this.rule.equalsIgnoreCase(f.ruleName());
        return rule && matchesResource(f);
    }

    private boolean matchesResource(Finding f) {
        if (kind == Finding.Suppression.Kind.INLINE) {
            String id = f.resourceId().toLowerCase(Locale.ROOT);
            String own = resource.toLowerCase(Locale.ROOT);
            return !own.isEmpty() && (id.equals(own) || id.startsWith(own + "/"));
        }
        Glob glob = new Glob(resource);
        return glob.matches(f.resourceId()) || glob.matches(f.resourceName());
    }

    /**
     * "EG002 on 'legacy-*'" for messages; an inline entry names its resource by name, since its
     * location already points into that resource's declaration.
     */
    public String describe() {
        String shown = kind == Finding.Suppression.Kind.INLINE
                ? ResourceId.parse(resource).map(ResourceId::name).filter(n -> !n.isEmpty()).orElse(resource)
                : resource;
        return rule + " on '" + shown + "'";
    }

    public Finding.Suppression toSuppression() {
        return new Finding.Suppression(kind, justification, source);
    }
}
