package dev.egressguard.core.template;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.util.List;

/**
 * What evaluating one template gave: the resources it deploys (nested deployments' included,
 * {@code existing} ones not), the problems met, and how many values only a deployment could
 * tell (Unknown values in the bodies, plus resources that could not be evaluated at all: an
 * unexpanded copy loop, a template linked by URI, a name known only at deployment).
 */
public record EvaluatedTemplate(List<Resource> resources, List<Diagnostic> diagnostics, int unknownCount) {

    public EvaluatedTemplate {
        resources = List.copyOf(resources);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
