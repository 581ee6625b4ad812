package dev.egressguard.core.template;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A template to evaluate and the parameter file that goes with it, if any. */
public record TemplateInput(Path template, Optional<Path> parameters) {

    public TemplateInput {
        Objects.requireNonNull(template, "template");
        parameters = parameters == null ? Optional.empty() : parameters;
    }
}
