package dev.egressguard.core.model;

import dev.egressguard.core.template.TemplateEvaluator;

/**
 * Test-only and wrong on purpose: the model is below the template layer, so this use of
 * {@link TemplateEvaluator} breaks the layering and makes a model ↔ template cycle;
 * ArchitectureTest shows that its rules fail on it.
 */
public final class LayerViolationFixture {

    private LayerViolationFixture() {
    }

    public static String evaluatorName() {
        return TemplateEvaluator.class.getSimpleName();
    }
}
