package dev.egressguard.core.template;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A template to evaluate and the parameter file that goes with it, if any. {@code named} is true
 * when the user gave this file itself as an input (not a directory it was found in): such a
 * template is checked on its own even when another template links it.
 */
public record TemplateInput(Path template, Optional<Path> parameters, boolean named) {

    public TemplateInput {
        Objects.requireNonNull(template, "template");
        parameters = parameters == null ? Optional.empty() : parameters;
    }

    public TemplateInput(Path template, Optional<Path> parameters) {
        this(template, parameters, false);
    }
}
