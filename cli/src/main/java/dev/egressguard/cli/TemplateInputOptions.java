package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.template.LinkLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files of the given paths are templates, their parameter files and where linked templates
 * are read from: the same for {@code verify} and {@code map}, so a map shows what verify checks.
 */
final class TemplateInputOptions {

    /** The flags of this class, for a command that refuses them where they would do nothing. */
    static final List<String> NAMES = List.of("--include", "--exclude", "--parameters", "--link-location");

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Files to read in the directories (repeatable; default **/*.json).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Files to leave out (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--parameters", paramLabel = "TEMPLATE=PARAMS",
            description = "Pairs a template with its parameter file (repeatable).")
    Map<Path, Path> parameterFiles = new LinkedHashMap<>();

    @Option(names = "--link-location", paramLabel = "PREFIX=DIR",
            description = "Reads linked templates whose templateLink.uri starts with PREFIX from DIR (inside the"
                    + " project) plus the rest of the URI's path, e.g. https://raw.githubusercontent.com/org/repo/main/=."
                    + " Nothing is fetched (repeatable).")
    List<String> linkLocations = new ArrayList<>();

    /**
     * Adds the inputs' settings to the builder.
     *
     * @throws UserError for a link location that cannot work (exit code 2)
     */
    EgressGuard.Builder applyTo(EgressGuard.Builder builder) {
        builder.includes(includes).excludes(excludes);
        parameterFiles.forEach(builder::parameterFile);
        for (String entry : linkLocations) {
            LinkLocation l = userInput("--link-location: ", () -> LinkLocation.parse(entry, Path.of("").toAbsolutePath()));
            builder.linkedTemplateLocation(l.prefix(), l.directory());
        }
        return builder;
    }

    /** A setting that cannot work (a link location outside the project) is the user's to fix: exit 2. */
    static <T> T userInput(String option, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(option + e.getMessage(), e);
        }
    }
}
