package dev.egressguard.rules;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.ruletest.TemplateResources;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline the built-in rules run in, composed by hand until the facade
 * ({@code EgressGuard.verify}) does it: template evaluator -> normaliser -> resource graph -> rule
 * engine with the built-in rule pack from this module's classpath.
 */
public final class Pipeline {

    private static final RuleSet BUILT_IN = new RuleSetLoader().addBuiltIn(Pipeline.class.getClassLoader()).load();

    private Pipeline() {
    }

    /** The built-in rules, as loaded (a test checks they load without diagnostics). */
    public static RuleSet builtInRules() {
        return BUILT_IN;
    }

    /** What a run gave: the engine's result, the evaluator's diagnostics and the graph it checked. */
    public record Run(RuleEngine.Result result, List<Diagnostic> diagnostics, ResourceGraph graph) {

        public List<Finding> findings(String ruleId) {
            return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        }

        public List<Outcome> outcomes(String ruleId) {
            return result.evaluations().stream().filter(e -> e.ruleId().equals(ruleId)).map(e -> e.outcome()).toList();
        }
    }

    /** The evaluator for {@link dev.egressguard.core.ruletest.RuleTestRunner}, which normalises what it gives. */
    public static TemplateResources templates() {
        return (template, parameters) -> {
            EvaluatedTemplate evaluated = TemplateEvaluator.evaluate(template, parameters, DeploymentContext.DEFAULT,
                    template.getParent());
            return new TemplateResources.Result(evaluated.resources(), evaluated.diagnostics());
        };
    }

    public static Run run(Path template, Map<String, String> settings) {
        return run(template, Optional.empty(), settings);
    }

    public static Run run(Path template, Optional<Path> parameters, Map<String, String> settings) {
        EvaluatedTemplate evaluated = TemplateEvaluator.evaluate(template, parameters, DeploymentContext.DEFAULT,
                template.getParent());
        return check(evaluated.resources(), evaluated.diagnostics(), settings);
    }

    public static Run check(List<Resource> resources, List<Diagnostic> diagnostics, Map<String, String> settings) {
        ResourceGraph graph = ResourceGraph.normalized(resources);
        RuleEngine engine = new RuleEngine(BUILT_IN.rules(), new RuleEngine.Options(Set.of(), Map.of(), settings));
        return new Run(engine.evaluate(graph), diagnostics, graph);
    }
}
