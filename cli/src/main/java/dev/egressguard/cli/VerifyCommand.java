package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.RepositoryRoot;
import dev.egressguard.core.template.LinkLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code egress verify PATH...}: checks ARM templates before they are deployed. */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
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
                .context(context.toContext())
                .includes(includes)
                .excludes(excludes);
        rules.applyTo(builder, spec);
        parameterFiles.forEach(builder::parameterFile);
        for (String entry : linkLocations) {
            LinkLocation l = userInput("--link-location: ", () -> LinkLocation.parse(entry, Path.of("").toAbsolutePath()));
            builder.linkedTemplateLocation(l.prefix(), l.directory());
        }
        builder.acceptedFindings(accepted.resolve(root));

        Report report = userInput("", builder::build).verify(paths);
        ReportOptions options = ReportOptions.defaults(root)
                .withSourceRoot(baseDir == null ? repositoryRootOrHere() : root)
                .withColor(output.colorMode(spec))
                .withUnknownAsFailure(policy.failOnUnknown());
        return plan.write(report, options, policy, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** A setting that cannot work (a link location outside the project) is the user's to fix: exit 2. */
    private static <T> T userInput(String option, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(option + e.getMessage(), e);
        }
    }

    /** Code scanning reads SARIF URIs from the repository root, wherever in it the command runs. */
    private static Path repositoryRootOrHere() {
        Path here = Path.of("").toAbsolutePath();
        return RepositoryRoot.find(here).orElse(here);
    }
}
