package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.EvaluationBudget;

import java.nio.file.Path;
import java.util.Optional;

/** Evaluates a template with an expression budget a test chooses, and tells what it used. */
public final class TemplateBudgets {

    /** The evaluated template and the budget it drew on. */
    public record Outcome(EvaluatedTemplate template, EvaluationBudget budget) {
    }

    private TemplateBudgets() {
    }

    public static Outcome evaluate(Path template, Path projectRoot, EvaluationBudget budget) {
        return new Outcome(TemplateEvaluator.evaluate(template, Optional.empty(), DeploymentContext.DEFAULT,
                projectRoot, budget), budget);
    }
}
