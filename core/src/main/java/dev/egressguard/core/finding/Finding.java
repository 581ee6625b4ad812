package dev.egressguard.core.finding;

import dev.egressguard.core.source.SourceLocation;

import java.util.Objects;

/**
 * A rule that did not pass on a resource: FAIL, or UNKNOWN with what could not be known.
 * {@code path} is the property path the verdict rests on (JSON pointer relative to the resource
 * body, e.g. {@code /properties/subnets/0/properties/natGateway}); {@code location} is where it is
 * written, or the resource's declaration. {@code suppression} is null unless a suppression or a
 * baseline covers the finding.
 */
public record Finding(String ruleId, String ruleName, Severity severity, Outcome outcome, String resourceType,
                      String resourceId, String resourceName, SourceLocation location, String path,
                      String message, String remediation, String portalLink, Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        if (outcome == Outcome.PASS) {
            throw new IllegalArgumentException("a finding is FAIL or UNKNOWN");
        }
        path = path == null ? "" : path;
        remediation = remediation == null ? "" : remediation;
        resourceType = resourceType == null ? "" : resourceType;
        resourceId = resourceId == null ? "" : resourceId;
        resourceName = resourceName == null ? "" : resourceName;
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, ruleName, severity, outcome, resourceType, resourceId, resourceName, location,
                path, message, remediation, portalLink, s);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, ruleName, s, outcome, resourceType, resourceId, resourceName, location,
                path, message, remediation, portalLink, suppression);
    }

    /** Why a finding does not count: inline metadata, a suppression file entry, or a baseline. */
    public record Suppression(Kind kind, String justification, SourceLocation source) {
        public enum Kind { INLINE, FILE, BASELINE }

        public Suppression {
            Objects.requireNonNull(kind, "kind");
            justification = justification == null ? "" : justification;
            source = source == null ? SourceLocation.NONE : source;
        }
    }
}
