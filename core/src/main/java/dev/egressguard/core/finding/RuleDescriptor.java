package dev.egressguard.core.finding;

import java.util.List;
import java.util.Objects;

/**
 * What a report needs to know of a rule: identity and documentation, not its logic.
 * {@code id} (EG001...) and {@code name} (no-instance-public-ip) are public promises.
 */
public record RuleDescriptor(String id, String name, String title, String description, Severity severity,
                             String remediation, String helpUri, List<String> tags) {

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        name = name == null ? id : name;
        title = title == null ? name : title;
        description = description == null ? title : description;
        remediation = remediation == null ? "" : remediation;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
