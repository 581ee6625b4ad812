package dev.egressguard.core;

import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.ruletest.RuleTestResult;
import dev.egressguard.core.ruletest.RuleTestRunner;
import dev.egressguard.core.ruletest.TemplateResources;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;

import java.nio.file.Path;

/**
 * The rule tests of a user's rule directory, run through the same evaluator and normaliser as
 * {@code verify}, so that a rule that passes its tests behaves the same in a build.
 */
final class RuleTests {

    private RuleTests() {
    }

    static RuleTestResult run(Settings settings, Path ruleDirectory) {
        Path root = ruleDirectory.toAbsolutePath().normalize();
        TemplateResources templates = (template, parameters) -> {
            EvaluatedTemplate evaluated = TemplateEvaluator.evaluate(template, parameters, settings.context(), root);
            // The runner normalises, as verify does.
            return new TemplateResources.Result(evaluated.resources(), evaluated.diagnostics());
        };
        return RuleTestRunner.forDirectory(root, settings.builtInRules(), templates,
                new RuleEngine.Options(settings.disabledRules(), settings.severityOverrides(), settings.options()));
    }
}
