package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Evaluates a template written inline in a test, as main.json of a project directory. */
final class Inline {

    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private Inline() {
    }

    static EvaluatedTemplate evaluate(Path dir, String template) {
        try {
            Path file = Files.writeString(dir.resolve("main.json"), template);
            return TemplateEvaluator.evaluate(file, Optional.empty(), DeploymentContext.DEFAULT, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
