package dev.egressguard.core.rule;

import dev.egressguard.core.rule.condition.MessageTemplate;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.rule.condition.Condition;
import dev.egressguard.core.rule.condition.TypePattern;
import dev.egressguard.core.source.SourceLocation;

import java.util.Objects;

/**
 * A compiled rule: its public description, what it selects ({@code types}, optional
 * {@code where}), what it asserts, its message, and where it was written (with the YAML of the
 * rule itself, for {@code egress rules show}).
 */
public record Rule(RuleDescriptor descriptor, TypePattern types, Condition where, Condition assertion,
                   MessageTemplate message, SourceLocation location, String sourceText) {

    public Rule {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(location, "location");
        sourceText = sourceText == null ? "" : sourceText;
    }

    public String id() {
        return descriptor.id();
    }

    public String name() {
        return descriptor.name();
    }
}
