package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which rules run and how: shared by {@code verify} and {@code audit}. */
final class RuleOptions extends RuleChoiceOptions {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file or a directory of *.yaml rule files, loaded after the built-in pack (repeatable).")
    List<Path> rules = new ArrayList<>();

    /** Adds the rule files and choices to the builder; a severity that is not one is a usage error. */
    @Override
    EgressGuard.Builder applyTo(EgressGuard.Builder builder, CommandSpec spec) {
        builder.ruleSources(rules);
        return super.applyTo(builder, spec);
    }
}
