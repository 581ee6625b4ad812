package dev.egressguard.core.template;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluating one template gave: the resources it deploys (nested deployments' included,
 * {@code existing} ones not), the problems met, and how many values only a deployment could
 * tell (Unknown values in the bodies, plus resources that could not be evaluated at all: an
 * unexpanded copy loop, a template linked by a URI that leads to no project file, a name known
 * only at deployment). {@code linkedFiles} are the template files its linked deployments read
 * (at any depth), each with the place of the first link to it: they were checked as part of
 * this template, with the parameters it passes them. {@code requiredWithoutValue} names the
 * template's required parameters that got no value: what is built from them is UNKNOWN.
 */
public record EvaluatedTemplate(List<Resource> resources, List<Diagnostic> diagnostics, int unknownCount,
                                Map<Path, SourceLocation> linkedFiles, List<String> requiredWithoutValue) {

    public EvaluatedTemplate {
        resources = List.copyOf(resources);
        diagnostics = List.copyOf(diagnostics);
        linkedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(linkedFiles));
        requiredWithoutValue = List.copyOf(requiredWithoutValue);
    }

    public EvaluatedTemplate(List<Resource> resources, List<Diagnostic> diagnostics, int unknownCount,
                             Map<Path, SourceLocation> linkedFiles) {
        this(resources, diagnostics, unknownCount, linkedFiles, List.of());
    }

    public EvaluatedTemplate(List<Resource> resources, List<Diagnostic> diagnostics, int unknownCount) {
        this(resources, diagnostics, unknownCount, Map.of());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
