package dev.egressguard.core.ruletest;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a rule test's template (and its optional parameter file) into the resources a real run
 * evaluates, so that a rule test proves what a build will report. It evaluates only: the
 * {@link RuleTestRunner} normalises the result, as {@code egress verify} does. The template
 * evaluator provides the real one; the runner's own tests hand-build resources.
 */
@FunctionalInterface
public interface TemplateResources {

    Result evaluate(Path template, Optional<Path> parameters);

    /** The resources of a template and the problems met evaluating it. */
    record Result(List<Resource> resources, List<Diagnostic> diagnostics) {
        public Result {
            resources = List.copyOf(resources);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    static TemplateResources of(BiFunction<Path, Optional<Path>, List<Resource>> evaluator) {
        return (template, parameters) -> new Result(evaluator.apply(template, parameters), List.of());
    }
}
