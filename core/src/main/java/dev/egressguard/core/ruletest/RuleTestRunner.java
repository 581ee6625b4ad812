package dev.egressguard.core.ruletest;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.rule.RuleSet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs rule tests: each case folder under {@code tests/} holds a template ({@code template.json},
 * or the only {@code *.json} that is not a parameter file), optionally its parameters
 * ({@code parameters.json} or {@code <template>.parameters.json}), and {@code expected.yaml}.
 * The template's resources are normalised ({@link ResourceGraph#normalized}) as in a real run.
 * The case passes when the rules' findings on the template are exactly the expected ones.
 * A rule directory comes from a pull request like the templates: its rule files, templates,
 * parameter files and {@code expected.yaml} are read only where they really lie inside it
 * ({@link ConfinedFiles}), and the template evaluator the caller passes must confine the same way.
 * <pre>{@code
 * RuleTestResult r = RuleTestRunner.forDirectory(dir, false, evaluator, RuleEngine.Options.DEFAULT);
 * }</pre>
 */
public final class RuleTestRunner {

    public static final String TESTS_FOLDER = "tests";
    public static final String EXPECTED_FILE = "expected.yaml";

    private final RuleSet rules;
    private final TemplateResources templates;
    private final RuleEngine.Options options;
    private final ConfinedFiles files;

    /** Test cases inside the working directory must really lie inside it. */
    public RuleTestRunner(RuleSet rules, TemplateResources templates, RuleEngine.Options options) {
        this(rules, templates, options, Path.of(""));
    }

    /** Test cases inside {@code root} must really lie inside it (links resolved). */
    public RuleTestRunner(RuleSet rules, TemplateResources templates, RuleEngine.Options options, Path root) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.options = Objects.requireNonNull(options, "options");
        this.files = ruleDirectory(root);
    }

    /**
     * The rules of {@code dir} (its {@code *.yaml} files; the built-in rules too when asked)
     * tested against the cases in {@code dir/tests}.
     */
    public static RuleTestResult forDirectory(Path dir, boolean builtIn, TemplateResources templates,
                                              RuleEngine.Options options) {
        RuleSetLoader loader = new RuleSetLoader();
        if (builtIn) {
            loader.addBuiltIn();
        }
        RuleSet set = loader.within(ruleDirectory(dir)).addPath(dir).load();
        return new RuleTestRunner(set, templates, options, dir).run(dir.resolve(TESTS_FOLDER));
    }

    /** A rule directory is the root of its own rule files and tests. */
    private static ConfinedFiles ruleDirectory(Path dir) {
        return new ConfinedFiles(dir, "the rule directory");
    }

    /** Every case folder of {@code testsDir} (a folder holding {@code expected.yaml}), in name order. */
    public RuleTestResult run(Path testsDir) {
        List<Diagnostic> diagnostics = new ArrayList<>(rules.diagnostics());
        List<RuleTestResult.Case> cases = new ArrayList<>();
        if (!Files.isDirectory(testsDir)) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(testsDir.toString()), "no tests folder: rule tests live in "
                    + TESTS_FOLDER + "/<case>/ with a template and " + EXPECTED_FILE));
            return new RuleTestResult(cases, diagnostics);
        }
        try (Stream<Path> s = Files.list(testsDir)) {
            for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                cases.add(runCase(dir));
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(testsDir.toString()), "cannot list: " + e.getMessage()));
        }
        if (cases.isEmpty()) {
            diagnostics.add(Diagnostic.warning(SourceLocation.of(testsDir.toString()), "no test cases found"));
        }
        return new RuleTestResult(cases, diagnostics);
    }

    public RuleTestResult.Case runCase(Path dir) {
        String name = dir.getFileName().toString();
        Path expectedFile = dir.resolve(EXPECTED_FILE);
        if (!Files.isRegularFile(expectedFile)) {
            return error(name, dir, Diagnostic.error(SourceLocation.of(expectedFile.toString()), "missing " + EXPECTED_FILE));
        }
        ConfinedFiles.Read read = files.readGiven(expectedFile, RuleSetLoader.MAX_FILE_BYTES);
        if (read instanceof ConfinedFiles.Refused refused) {
            return error(name, dir, Diagnostic.error(SourceLocation.of(expectedFile.toString()), refused.problem()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(((ConfinedFiles.Bytes) read).bytes())).toString();
        } catch (CharacterCodingException e) {
            return error(name, dir, Diagnostic.error(SourceLocation.of(expectedFile.toString()), "not UTF-8 text"));
        }
        ExpectedFindings.Parsed expected = ExpectedFindings.parse(expectedFile.toString(), text);
        if (expected.expected() == null) {
            return new RuleTestResult.Case(name, dir, RuleTestResult.Status.ERROR, List.of(), expected.diagnostics(), List.of());
        }
        Optional<Path> template;
        try {
            template = templateOf(dir);
        } catch (IOException e) {
            return error(name, dir, Diagnostic.error(SourceLocation.of(dir.toString()), "cannot list: " + e.getMessage()));
        }
        if (template.isEmpty()) {
            return error(name, dir, Diagnostic.error(SourceLocation.of(dir.toString()),
                    "no template: put template.json (or a single *.json) in the case folder"));
        }
        TemplateResources.Result evaluated = templates.evaluate(template.get(), parametersOf(template.get()));
        List<Diagnostic> problems = evaluated.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
        if (!problems.isEmpty()) {
            return new RuleTestResult.Case(name, dir, RuleTestResult.Status.ERROR, List.of(), evaluated.diagnostics(), List.of());
        }
        // Normalised as in a real run: rules see inline children (subnets, ipConfigurations) as resources.
        RuleEngine.Result result = new RuleEngine(rules.rules(), options).evaluate(ResourceGraph.normalized(evaluated.resources()));
        List<Finding> actual = result.findings().stream().filter(expected.expected()::covers).toList();
        List<String> differences = compare(expected.expected().findings(), actual);
        return new RuleTestResult.Case(name, dir, differences.isEmpty() ? RuleTestResult.Status.PASSED
                : RuleTestResult.Status.FAILED, differences, evaluated.diagnostics(), actual);
    }

    /** Expected findings without a matching actual one, then actual ones nobody expected. */
    static List<String> compare(List<ExpectedFindings.Expected> expected, List<Finding> actual) {
        List<Finding> left = new ArrayList<>(actual);
        List<String> out = new ArrayList<>();
        for (ExpectedFindings.Expected e : expected) {
            Optional<Finding> match = left.stream().filter(e::matches).findFirst();
            if (match.isPresent()) {
                left.remove(match.get());
            } else {
                out.add("missing:    " + e + " (" + e.location() + ")");
            }
        }
        for (Finding f : left) {
            out.add("unexpected: " + f.ruleId() + " " + f.outcome() + " " + f.resourceName()
                    + (f.path().isEmpty() ? "" : " at " + JsonPointers.dotted(f.path())) + ": " + f.message());
        }
        return out;
    }

    private static Optional<Path> templateOf(Path dir) throws IOException {
        Path fixed = dir.resolve("template.json");
        if (Files.isRegularFile(fixed)) {
            return Optional.of(fixed);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> json = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".json") && !n.endsWith(".parameters.json") && !n.equals("parameters.json");
            }).toList();
            return json.size() == 1 ? Optional.of(json.get(0)) : Optional.empty();
        }
    }

    private static Optional<Path> parametersOf(Path template) {
        String base = template.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        for (Path p : List.of(template.resolveSibling(base + ".parameters.json"), template.resolveSibling("parameters.json"))) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static RuleTestResult.Case error(String name, Path dir, Diagnostic d) {
        return new RuleTestResult.Case(name, dir, RuleTestResult.Status.ERROR, List.of(), List.of(d), List.of());
    }
}
