package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.ruletest.RuleTestResult;
import dev.egressguard.core.source.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code egress rules test DIR}: runs the fixture tests of a directory of custom rules. */
@Command(name = "test", addMethodSubcommands = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Run the tests of a rule directory.",
        description = {
            "DIR holds rule files (*.yaml) and tests/<case>/ folders, each with a template (template.json or a"
                + " single *.json), optionally its parameters, and expected.yaml: the findings it must produce.",
            "A case passes when the findings are exactly the expected ones.",
            "The built-in pack runs beside your rules, as in a build, so a case that expects no finding also proves"
                + " your rules do not clash with it (--no-built-in-rules leaves it out); --disable, --severity and"
                + " --option apply as in verify."},
        footer = {"", "Exit codes: 0 every case passed, 1 a case failed, 2 a rule file or case could not be read."})
final class TestRulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The rule directory.")
    Path directory;

    /** Once needed to load the built-in pack, which now runs by default: still accepted so that scripts keep working. */
    @Option(names = {"--builtin", "--built-in-rules"}, hidden = true)
    boolean builtIn;

    @Mixin
    RuleChoiceOptions rules;

    @Mixin
    ContextOptions context;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new UserError(directory + ": not a directory");
        }
        RuleTestResult result = rules.applyTo(EgressGuard.builder().context(context.toContext()), spec).build()
                .testRules(directory);
        PrintWriter out = spec.commandLine().getOut();
        // Case names and messages come from the rule directory: each line escaped (see SafeText).
        result.describe().lines().forEach(line -> out.println(SafeText.forTerminal(line)));
        out.flush();
        if (result.passed()) {
            return ExitCode.CLEAN;
        }
        boolean unreadable = result.count(RuleTestResult.Status.ERROR) > 0 || result.diagnostics().stream()
                .anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
        return unreadable ? ExitCode.BAD_INPUT : ExitCode.FINDINGS;
    }
}
