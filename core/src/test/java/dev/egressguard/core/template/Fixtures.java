package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The fixture templates under src/test/resources/templates, and ways to look at their results. */
final class Fixtures {

    static final String RG_ID = "/subscriptions/" + DeploymentContext.DEFAULT_SUBSCRIPTION + "/resourceGroups/"
            + DeploymentContext.DEFAULT_RESOURCE_GROUP;

    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/templates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static EvaluatedTemplate evaluate(String template) {
        return TemplateEvaluator.evaluate(root().resolve(template), Optional.empty(), DeploymentContext.DEFAULT, root());
    }

    static EvaluatedTemplate evaluate(String template, String parameters) {
        return TemplateEvaluator.evaluate(root().resolve(template), Optional.of(root().resolve(parameters)),
                DeploymentContext.DEFAULT, root());
    }

    static Resource resource(EvaluatedTemplate t, String type, String name) {
        return t.resources().stream().filter(r -> r.isType(type) && r.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " among "
                        + t.resources().stream().map(r -> r.id().toString()).toList()));
    }

    static List<String> ids(EvaluatedTemplate t) {
        return t.resources().stream().map(r -> r.id().toString()).toList();
    }

    /** The value at a dotted path of a body ({@code properties.subnet.id}, {@code tags.x}). */
    static Value at(Resource r, String path) {
        Value v = r.body();
        for (String step : path.split("\\.")) {
            if (v instanceof Value.Arr a && step.matches("\\d+")) {
                v = a.get(Integer.parseInt(step));
            } else if (v instanceof Value.Obj o) {
                v = o.get(step);
            } else {
                return null;
            }
        }
        return v;
    }

    static List<String> messages(EvaluatedTemplate t, Diagnostic.Level level) {
        return t.diagnostics().stream().filter(d -> d.level() == level).map(Diagnostic::toString).toList();
    }
}
