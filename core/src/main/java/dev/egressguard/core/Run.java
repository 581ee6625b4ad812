package dev.egressguard.core;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.egress.EgressOptions;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.value.Value;
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
import dev.egressguard.core.template.LinkedInputs;
import dev.egressguard.core.template.TemplateEvaluator;
import dev.egressguard.core.template.TemplateFinder;
import dev.egressguard.core.template.TemplateInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One run of the pipeline: templates (or live resources) -> normalised graph -> rule engine ->
 * suppressions and baseline -> report. Each template is one deployment and gets a graph of its own,
 * as Azure deploys it: two templates that both declare {@code myVNet} do not see each other's. A
 * template that another checked template links is a part of that deployment and is checked there
 * ({@link LinkedInputs}).
 */
final class Run {

    private final Settings settings;
    private final FutureTask<Rules> rules;

    /** The loaded rules, the engine that runs them, and the rules as reports list them (severity overrides applied). */
    private record Rules(RuleSet set, RuleEngine engine, List<RuleDescriptor> descriptors) {
    }

    Run(Settings settings) {
        this.settings = settings;
        // Rules and templates do not need each other until the engine runs: a cold JVM (one Maven
        // module) spends about a third of a second reading the rule YAML, so it reads them on a
        // thread of its own while the templates are found and evaluated. (The expression functions
        // need no head start: each is set up when a template first calls it.)
        // A FutureTask, not CompletableFuture.supplyAsync: CompletableFuture's class initialiser
        // sets up the common fork-join pool, which a run of one template never uses.
        this.rules = new FutureTask<>(() -> load(settings));
        Thread thread = new Thread(rules, "egress-guard-rules");
        thread.setDaemon(true);
        thread.start();
    }

    private static Rules load(Settings settings) {
        RuleSet set = RuleSetLoader.load(settings.ruleSources(), settings.builtInRules(), settings.projectRoot());
        RuleEngine engine = new RuleEngine(set.rules(),
                new RuleEngine.Options(settings.disabledRules(), settings.severityOverrides(), settings.options()));
        return new Rules(set, engine, engine.evaluate(ResourceGraph.of(List.of())).rules());
    }

    /** The rules once read, waiting for them as join() would: an interrupt is kept for later, not thrown. */
    private Rules rules() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return rules.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Report verify(List<Path> inputs) {
        TemplateFinder.Found found = TemplateFinder.find(inputs, settings.includes(), settings.excludes(),
                settings.parameterFiles(), settings.projectRoot());
        List<TemplateInput> templates = found.templates();
        // A template another one links is checked through it, with the parameters it passes: first
        // the templates that may link others, then those no checked template linked. Within each
        // phase, templates are independent deployments: evaluate them on every core.
        List<TemplateInput> linking = templates.stream().filter(t -> LinkedInputs.mayLink(t.template(), settings.projectRoot())).toList();
        Map<Path, Checked> checked = new HashMap<>();
        checkAll(linking).forEach(c -> checked.put(key(c.input()), c));
        Map<Path, Map<Path, SourceLocation>> links = new HashMap<>();
        checked.forEach((template, c) -> links.put(template, c.linkedFiles()));
        Map<Path, SourceLocation> throughParent = LinkedInputs.checkedThroughParent(templates, links);
        List<TemplateInput> rest = templates.stream()
                .filter(t -> !checked.containsKey(key(t)) && !throughParent.containsKey(key(t))).toList();
        checkAll(rest).forEach(c -> checked.put(key(c.input()), c));

        List<Diagnostic> diagnostics = new ArrayList<>(rules().set().diagnostics());
        diagnostics.addAll(found.diagnostics());
        List<Finding> findings = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        List<EgressMap> maps = new ArrayList<>();
        int withoutValue = 0;
        for (TemplateInput t : templates) {
            SourceLocation parent = throughParent.get(key(t));
            if (parent != null) {
                String name = display(t.template());
                diagnostics.add(Diagnostic.info(SourceLocation.of(name), name + " is checked as linked by " + parent
                        + ", with the parameters passed there, and not on its own (give it a parameter file or name"
                        + " the file as an input to check it on its own too)"));
                continue;
            }
            Checked c = checked.get(key(t));
            findings.addAll(c.result().findings());
            evaluations.addAll(c.result().evaluations());
            diagnostics.addAll(c.diagnostics());
            resources.addAll(c.resources());
            inputNames.add(c.name());
            maps.add(c.map());
            withoutValue += c.requiredWithoutValue();
        }
        return finish(new Report(findings, evaluations, diagnostics, rules().descriptors(), inputNames, withoutValue,
                EgressMap.combined(maps)),
                resources);
    }

    private List<Checked> checkAll(List<TemplateInput> templates) {
        return (templates.size() > 1 ? templates.parallelStream() : templates.stream()).map(this::check).toList();
    }

    private static Path key(TemplateInput input) {
        return input.template().toAbsolutePath().normalize();
    }

    Report audit(List<Resource> live, List<Diagnostic> gaps, List<String> scopes) {
        Rules r = rules();
        List<Diagnostic> diagnostics = new ArrayList<>(r.set().diagnostics());
        diagnostics.addAll(gaps);
        List<Resource> normalised = Normalizer.normalize(live);
        ResourceGraph graph = ResourceGraph.of(normalised);
        RuleEngine.Result result = r.engine().evaluate(graph);
        return finish(new Report(result.findings(), result.evaluations(), diagnostics, r.descriptors(), scopes, 0,
                EgressMap.combined(List.of(new EgressMap(EgressModel.of(graph, egressOptions()).nodes())))), normalised);
    }

    private record Checked(TemplateInput input, String name, RuleEngine.Result result, List<Diagnostic> diagnostics,
                           List<Resource> resources, Map<Path, SourceLocation> linkedFiles, int requiredWithoutValue,
                           EgressMap map) {
    }

    /** What the run's settings tell the egress model (egressViaHub), for the map as the rules see it. */
    private EgressOptions egressOptions() {
        return EgressOptions.fromSettings(settings.options());
    }

    private Checked check(TemplateInput input) {
        EvaluatedTemplate evaluated = TemplateEvaluator.evaluate(input, settings.context(), settings.projectRoot(),
                settings.linkLocations());
        List<Resource> normalised = Normalizer.normalize(evaluated.resources());
        ResourceGraph graph = ResourceGraph.of(normalised);
        RuleEngine.Result result = rules().engine().evaluate(graph);
        return new Checked(input, display(input.template()), result, evaluated.diagnostics(), withMetadata(normalised),
                evaluated.linkedFiles(), evaluated.requiredWithoutValue().size(),
                EgressMap.ofTemplate(EgressModel.of(graph, egressOptions()).nodes()));
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
                suppressions = SuppressionFile.load(settings.suppressionFile(), settings.projectRoot());
            } else {
                problems.add(Diagnostic.error(SourceLocation.of(display(settings.suppressionFile())),
                        "suppression file not found"));
            }
        }
        Baseline baseline = null;
        if (settings.baseline() != null) {
            if (Files.isRegularFile(settings.baseline())) {
                baseline = Baseline.load(settings.baseline(), settings.projectRoot());
            } else {
                problems.add(Diagnostic.warning(SourceLocation.of(display(settings.baseline())),
                        "baseline file not found: every finding counts (write one with egress:baseline)"));
            }
        }
        Report withProblems = report.withFindings(report.findings(), problems);
        LocalDate today = settings.today();
        return Suppressions.applyTo(withProblems, resources, suppressions, baseline,
                today != null ? () -> today : LocalDate::now);
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(settings.projectRoot()) ? settings.projectRoot().relativize(abs).toString() : abs.toString();
    }
}
