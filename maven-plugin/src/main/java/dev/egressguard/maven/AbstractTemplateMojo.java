package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The goals that read the project's ARM templates: where they are and which parameters they get. */
abstract class AbstractTemplateMojo extends AbstractEgressMojo {

    /** Where {@link #templateDirectory} is by default, relative to the base directory. */
    static final String DEFAULT_TEMPLATE_DIRECTORY = "src/main/arm";

    /**
     * The project's templates. A project without the default {@code src/main/arm} has nothing to
     * check, and passes; a directory set here (or with {@code -Degress.templateDirectory}) that
     * does not exist fails the goal, since a typo must not pass as "nothing to check".
     */
    @Parameter(property = "egress.templateDirectory", defaultValue = "${project.basedir}/" + DEFAULT_TEMPLATE_DIRECTORY)
    protected File templateDirectory;

    /** More directories (or single template files) to check besides {@link #templateDirectory}; each must exist. */
    @Parameter
    protected List<File> templateDirectories = new ArrayList<>();

    /** Files to read in the template directories, as globs relative to each directory. */
    @Parameter(defaultValue = "**/*.json")
    protected List<String> includes = new ArrayList<>();

    /** Files to leave out, as globs relative to each directory. */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /** Explicit template/parameter-file pairs where the names do not follow the convention. */
    @Parameter
    protected List<ParameterFile> parameterFiles = new ArrayList<>();

    /**
     * URI prefixes of linked templates and the project directories they stand for, for templates
     * that link their own repository's raw URLs: {@code <linkedTemplateLocation>} with {@code <prefix>}
     * and {@code <directory>}, or {@code PREFIX=DIR}. A directory outside the project fails the goal.
     */
    @Parameter(property = "egress.linkedTemplateLocations")
    protected List<LinkedTemplateLocation> linkedTemplateLocations = new ArrayList<>();

    /**
     * The template inputs. Only the default {@code src/main/arm} may be missing (a module without
     * infrastructure); a directory that was configured and does not exist fails the goal. The
     * default is told from a configured one by its path: setting {@code templateDirectory} to
     * {@code src/main/arm} itself is the default.
     */
    protected List<Path> inputs() throws MojoExecutionException {
        Set<Path> inputs = new LinkedHashSet<>();
        if (templateDirectory != null && templateDirectory.exists()) {
            inputs.add(normalised(templateDirectory));
        } else if (templateDirectory != null && !isDefaultTemplateDirectory()) {
            throw new MojoExecutionException(templateDirectory + ": no such template directory (templateDirectory,"
                    + " egress.templateDirectory); correct the path, or set egress.skip where there is nothing to check");
        }
        for (File dir : templateDirectories) {
            if (!dir.exists()) {
                throw new MojoExecutionException(dir + ": no such template directory or file (templateDirectories)");
            }
            inputs.add(normalised(dir));
        }
        return List.copyOf(inputs);
    }

    private boolean isDefaultTemplateDirectory() {
        return normalised(templateDirectory).equals(normalised(new File(basedir, DEFAULT_TEMPLATE_DIRECTORY)));
    }

    /** Rules, context, templates and suppressions; {@code verify} adds the baseline. */
    protected EgressGuard.Builder templateSettings() throws MojoExecutionException {
        EgressGuard.Builder builder = settings().includes(includes).excludes(excludes);
        for (ParameterFile pair : parameterFiles) {
            if (pair.getTemplate() == null || pair.getParameters() == null) {
                throw new MojoExecutionException("<parameterFile> needs both <template> and <parameters>");
            }
            builder.parameterFile(resolved(pair.getTemplate()), resolved(pair.getParameters()));
        }
        for (LinkedTemplateLocation location : linkedTemplateLocations) {
            if (!isSet(location.getPrefix()) || location.getDirectory() == null) {
                throw new MojoExecutionException("<linkedTemplateLocation> needs both <prefix> and <directory>"
                        + " (or PREFIX=DIR)");
            }
            builder.linkedTemplateLocation(location.getPrefix().trim(), resolved(location.getDirectory()));
        }
        return builder;
    }

    /** The guard these settings make; a setting that cannot work (a linked template location outside the project) fails the goal. */
    protected static EgressGuard guard(EgressGuard.Builder builder) throws MojoExecutionException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<linkedTemplateLocations>: " + e.getMessage(), e);
        }
    }

    /** Says why nothing is checked; true when there is nothing to check. */
    protected boolean nothingToCheck(List<Path> inputs) {
        if (inputs.isEmpty()) {
            getLog().info("No ARM templates in " + templateDirectory + "; nothing to check.");
            return true;
        }
        return false;
    }

    private Path resolved(File f) {
        return f.isAbsolute() ? f.toPath() : basedir.toPath().resolve(f.getPath());
    }

    private static Path normalised(File f) {
        return f.toPath().toAbsolutePath().normalize();
    }
}
