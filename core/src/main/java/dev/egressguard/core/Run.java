package dev.egressguard.core;

import dev.egressguard.core.engine.Evaluation;
import dev.egressguard.core.engine.Finding;
import dev.egressguard.core.engine.RuleDescriptor;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.model.Normalizer;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.suppression.Baseline;
import dev.egressguard.core.report.suppression.SuppressionFile;
import dev.egressguard.core.report.suppression.Suppressions;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;
import dev.egressguard.core.template.TemplateFinder;
import dev.egressguard.core.template.TemplateInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the pipeline: templates (or live resources) -> normalised graph -> rule engine ->
 * suppressions and baseline -> report. Each template is one deployment and gets a graph of its own,
 * as Azure deploys it: two templates that both declare {@code myVNet} do not see each other's.
 */
final class Run {

    private final EgressGuard.Settings settings;
    private final RuleSet rules;
    private final RuleEngine engine;
    /** The rules that run, with severity overrides applied, as reports list them. */
    private final List<RuleDescriptor> ruleDescriptors;

    Run(EgressGuard.Settings settings) {
        this.settings = settings;
        this.rules = RuleSetLoader.load(settings.ruleSources(), settings.builtInRules());
        this.engine = new RuleEngine(rules.rules(),
                new RuleEngine.Options(settings.disabledRules(), settings.severityOverrides(), settings.options()));
        this.ruleDescriptors = engine.evaluate(ResourceGraph.of(List.of())).rules();
    }

    Report verify(List<Path> inputs) {
        List<Diagnostic> diagnostics = new ArrayList<>(rules.diagnostics());
        TemplateFinder.Found found = TemplateFinder.find(inputs, settings.includes(), settings.excludes(),
                settings.parameterFiles(), settings.projectRoot());
        diagnostics.addAll(found.diagnostics());
        // Templates are independent deployments: evaluate and check them on every core.
        List<Checked> checked = found.templates().parallelStream().map(this::check).toList();
        List<Finding> findings = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        for (Checked c : checked) {
            findings.addAll(c.result().findings());
            evaluations.addAll(c.result().evaluations());
            diagnostics.addAll(c.diagnostics());
            resources.addAll(c.resources());
            inputNames.add(c.name());
        }
        return finish(new Report(findings, evaluations, diagnostics, ruleDescriptors, inputNames), resources);
    }

    Report audit(List<Resource> live, List<Diagnostic> gaps, List<String> scopes) {
        List<Diagnostic> diagnostics = new ArrayList<>(rules.diagnostics());
        diagnostics.addAll(gaps);
        List<Resource> normalised = Normalizer.normalize(live);
        RuleEngine.Result result = engine.evaluate(ResourceGraph.of(normalised));
        return finish(new Report(result.findings(), result.evaluations(), diagnostics, ruleDescriptors, scopes),
                normalised);
    }

    private record Checked(String name, RuleEngine.Result result, List<Diagnostic> diagnostics,
                           List<Resource> resources) {
    }

    private Checked check(TemplateInput input) {
        EvaluatedTemplate evaluated = TemplateEvaluator.evaluate(input, settings.context(), settings.projectRoot());
        List<Resource> normalised = Normalizer.normalize(evaluated.resources());
        RuleEngine.Result result = engine.evaluate(ResourceGraph.of(normalised));
        return new Checked(display(input.template()), result, evaluated.diagnostics(), withMetadata(normalised));
    }

    /**
     * Only resources with a {@code metadata} object can carry inline suppressions; keeping just
     * those (not every resource of every template) until the end is what lets 100,000 resources
     * fit in a 1 GB heap.
     */
    private static List<Resource> withMetadata(List<Resource> resources) {
        return resources.stream().filter(r -> r.body().get("metadata") instanceof Value.Obj).toList();
    }

    private Report finish(Report report, List<Resource> resources) {
        List<Diagnostic> problems = new ArrayList<>();
        SuppressionFile suppressions = null;
        if (settings.suppressionFile() != null) {
            if (Files.isRegularFile(settings.suppressionFile())) {
                suppressions = SuppressionFile.load(settings.suppressionFile());
            } else {
                problems.add(Diagnostic.error(SourceLocation.of(display(settings.suppressionFile())),
                        "suppression file not found"));
            }
        }
        Baseline baseline = null;
        if (settings.baseline() != null) {
            if (Files.isRegularFile(settings.baseline())) {
                baseline = Baseline.load(settings.baseline());
            } else {
                problems.add(Diagnostic.warning(SourceLocation.of(display(settings.baseline())),
                        "baseline file not found: every finding counts (write one with egress:baseline)"));
            }
        }
        Report withProblems = report.withFindings(report.findings(), problems);
        return Suppressions.applyTo(withProblems, resources, suppressions, baseline, settings.today());
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(settings.projectRoot()) ? settings.projectRoot().relativize(abs).toString() : abs.toString();
    }
}
