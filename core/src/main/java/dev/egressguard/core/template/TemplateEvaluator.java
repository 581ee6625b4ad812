package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an ARM template as Azure would before deploying it: parameters (from a parameter
 * file, else defaults), variables, copy loops, conditions, nested deployments, languageVersion
 * 2.0 symbolic resources and user-defined functions. What only a deployment can tell stays
 * {@link dev.egressguard.core.value.Value.Unknown}.
 *
 * <p>Never throws for bad input: every problem is a {@link Diagnostic}. Even a defect of Egress
 * Guard itself is caught and reported as an "internal error" diagnostic for that one file, so
 * the other files are still checked.
 */
public final class TemplateEvaluator {

    private TemplateEvaluator() {
    }

    public static EvaluatedTemplate evaluate(Path template, Optional<Path> parameters, DeploymentContext context,
                                             Path projectRoot) {
        return evaluate(template, parameters, context, new ProjectFiles(projectRoot), ExpansionBudget.MAX_RESOURCES);
    }

    /** With a budget of {@code maxResources} instead of {@link ExpansionBudget#MAX_RESOURCES}. */
    static EvaluatedTemplate evaluate(Path template, Optional<Path> parameters, DeploymentContext context,
                                      Path projectRoot, int maxResources) {
        return evaluate(template, parameters, context, new ProjectFiles(projectRoot), maxResources);
    }

    /**
     * With linked templates whose URI starts with a prefix of {@code linkLocations} read from the
     * directory it maps to.
     */
    public static EvaluatedTemplate evaluate(TemplateInput input, DeploymentContext context, Path projectRoot,
                                             List<LinkLocation> linkLocations) {
        return evaluate(input.template(), input.parameters(), context, new ProjectFiles(projectRoot, linkLocations),
                ExpansionBudget.MAX_RESOURCES);
    }

    /** With {@code evaluation} as the file's expression budget: tests measure and limit it. */
    static EvaluatedTemplate evaluate(Path template, Optional<Path> parameters, DeploymentContext context,
                                      Path projectRoot, EvaluationBudget evaluation) {
        ProjectFiles files = new ProjectFiles(projectRoot);
        return evaluate(template, parameters, context, files,
                new ExpansionBudget(ExpansionBudget.MAX_RESOURCES, files.display(template), evaluation));
    }

    private static EvaluatedTemplate evaluate(Path template, Optional<Path> parameters, DeploymentContext context,
                                              ProjectFiles files, int maxResources) {
        return evaluate(template, parameters, context, files, new ExpansionBudget(maxResources, files.display(template)));
    }

    private static EvaluatedTemplate evaluate(Path template, Optional<Path> parameters, DeploymentContext context,
                                              ProjectFiles files, ExpansionBudget budget) {
        String display = files.display(template);
        EvaluationLog log = new EvaluationLog();
        try {
            return run(template, parameters, context, files, display, log, budget);
        } catch (ExpansionBudget.Exceeded e) {
            // What was evaluated before the budget ran out is a fraction chosen by declaration order:
            // checking it would pass or fail the file on an accident, so nothing of it is returned.
            log.error(e.at(), e.getMessage());
            return new EvaluatedTemplate(List.of(), log.diagnostics(), log.unknowns(), log.linkedFiles());
        } catch (EvaluationBudget.Exhausted e) {
            // The same for the expression evaluator's budget: nothing half-evaluated is checked.
            log.error(e.at(), e.getMessage());
            return new EvaluatedTemplate(List.of(), log.diagnostics(), log.unknowns(), log.linkedFiles());
        } catch (RuntimeException | StackOverflowError e) {
            log.error(SourceLocation.of(display), "internal error while evaluating the template ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); please report it");
            return new EvaluatedTemplate(List.of(), log.diagnostics(), log.unknowns(), log.linkedFiles());
        }
    }

    public static EvaluatedTemplate evaluate(TemplateInput input, DeploymentContext context, Path projectRoot) {
        return evaluate(input.template(), input.parameters(), context, projectRoot);
    }

    private static EvaluatedTemplate run(Path template, Optional<Path> parameters, DeploymentContext context,
                                         ProjectFiles files, String display, EvaluationLog log,
                                         ExpansionBudget budget) {
        ArmJsonLoader.Result loaded = ParseCache.SHARED.load(files.readGiven(template), display);
        log.addAll(loaded.diagnostics());
        if (loaded.json().isEmpty()) {
            return new EvaluatedTemplate(List.of(), log.diagnostics(), 0);
        }
        LoadedJson json = loaded.json().get();
        DocumentKind kind = DocumentKind.of(json.root());
        if (!kind.isTemplate()) {
            log.info(SourceLocation.of(display), "not an ARM template (no deploymentTemplate $schema); skipped");
            return new EvaluatedTemplate(List.of(), log.diagnostics(), 0);
        }
        Map<String, ParameterFile.Supplied> supplied = Map.of();
        if (parameters.isPresent()) {
            List<Diagnostic> problems = new ArrayList<>();
            // A parameter file inside the project is confined like the template: x.parameters.json may be a
            // link to /etc/shadow, and its values would reach findings and messages.
            supplied = ParameterFile.read(files.readGiven(parameters.get()), files.display(parameters.get()), problems);
            log.addAll(problems);
        }
        TemplateDocument doc = new TemplateDocument(template.toAbsolutePath().normalize(), json.sourceMap(),
                json.rootObject(), "", kind);
        List<String> withoutValue = RequiredParameters.withoutValue(doc, supplied);
        RequiredParameters.describe(withoutValue, doc, display, parameters.map(files::display)).ifPresent(log::add);
        Target target = new Target(context, Target.levelOf(kind));
        // deployment().properties.templateLink.uri: a marker for this file, so that links built from
        // it (the _artifactsLocation convention) lead back to files of the project.
        TemplateRun run = TemplateRun.of(doc, supplied, target, log, null, 0, files,
                TemplateLinks.linkOf(files, doc.file()), budget);
        List<Resource> evaluated = run.run();
        // Markers reach values only through deployment(): without it, no body needs the walk.
        List<Resource> resources = log.wasTemplateLinkRead() ? TemplateLinks.withoutMarkers(evaluated) : evaluated;
        run.outputs(); // nothing reads them, but Azure would reject a template whose outputs are invalid
        return new EvaluatedTemplate(resources, log.diagnostics(), log.unknowns(), log.linkedFiles(), withoutValue);
    }
}
