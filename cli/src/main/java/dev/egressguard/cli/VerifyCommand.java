package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.RepositoryRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code egress verify PATH...}: checks ARM templates before they are deployed. */
@Command(name = "verify", addMethodSubcommands = false, sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Check ARM templates against the egress rules.",
        description = {
            "Reads every template in the given files and directories (with its parameter file when one is named"
                + " <template>.parameters.json or given with --parameters), evaluates it and checks it.",
            "A template that cannot be read is reported at its file:line:column; the others are still checked."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  egress verify infra/",
            "  egress verify infra/ --format console,sarif,junit --output build/egress",
            "  egress verify main.json --parameters main.json=prod.json --fail-on warning",
            "  egress verify infra/ --link-location https://raw.githubusercontent.com/org/repo/main/infra/=infra",
            "",
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or an input that could not be read."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or directories to check.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Mixin
    TemplateInputOptions inputs;

    @Mixin
    ContextOptions context;

    @Mixin
    RuleOptions rules;

    @Mixin
    SuppressionOptions accepted;

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "Paths in reports are shown relative to it (default: the current directory), SARIF URIs too"
                    + " (default: the repository root above the current directory, else the current directory).")
    Path baseDir;

    @Override
    public Integer call() throws Exception {
        Set<Format> formats = output.formats(spec);
        FailPolicy policy = output.failPolicy(spec);
        ReportOutput plan = ReportOutput.plan(formats, output.output, spec);
        Path root = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();

        EgressGuard.Builder builder = EgressGuard.builder()
                .projectRoot(root)
                .context(context.toContext());
        inputs.applyTo(builder);
        rules.applyTo(builder, spec);
        builder.acceptedFindings(accepted.resolve(root));

        Report report = TemplateInputOptions.userInput("", builder::build).verify(paths);
        ReportOptions options = ReportOptions.defaults(root)
                .withSourceRoot(baseDir == null ? repositoryRootOrHere() : root)
                .withColor(output.colorMode(spec))
                .withUnknownAsFailure(policy.failOnUnknown());
        return plan.write(report, options, policy, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Code scanning reads SARIF URIs from the repository root, wherever in it the command runs. */
    private static Path repositoryRootOrHere() {
        Path here = Path.of("").toAbsolutePath();
        return RepositoryRoot.find(here).orElse(here);
    }
}
