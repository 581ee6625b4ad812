package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.report.map.MapFormat;
import dev.egressguard.core.report.map.MapOptions;
import dev.egressguard.core.report.map.PreviousMap;
import dev.egressguard.core.source.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code egress map PATH...} and {@code egress map --live}: how every node reaches the internet and
 * the public IPs it leaves from, from templates or from live subscriptions. A thin shell over the
 * facade's {@link Report#egressMap()} and core's renderings ({@code MapWriter}); findings do not
 * change its exit code.
 */
@Command(name = "map", addMethodSubcommands = false, sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Show how every node reaches the internet, and the public IPs it leaves from.",
        customSynopsis = {
            "egress map PATH... [-f=FORMAT[,FORMAT...]] [-o=FILE|DIR]",
            "           [--previous=FILE] [--[no-]per-group] [--color=WHEN]",
            "           [--option=KEY=VALUE]... [template options]",
            "       egress map --live [-f=FORMAT[,FORMAT...]] [-o=FILE|DIR]",
            "           [--previous=FILE] [--[no-]per-group] [--color=WHEN]",
            "           [--option=KEY=VALUE]... [live scope options]"},
        description = {
            "For every node (a VM's or scale set's network interface, an AKS node pool, service compute on a subnet)"
                + " the path its internet traffic takes by Azure's precedence (route to a firewall, NAT gateway, public"
                + " IP of its own, load balancer, default outbound access) and the public IPs it leaves from: of the ARM"
                + " templates in the given files and directories, or with --live of live subscriptions (read-only, as"
                + " 'egress audit' reads them).",
            "Templates do not know the addresses Azure assigns at deployment: the map says so and makes none up;"
                + " --live reads them.",
            "A template or scope that cannot be read is reported on standard error and the map shows the rest"
                + " (exit code 2). Findings do not change the exit code: 'egress verify' and 'egress audit' check them."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  egress map infra/",
            "  egress map infra/ --format markdown --output egress-map.md",
            "  egress map infra/ --format json,markdown,allowlist --output build/egress",
            "  egress map infra/ --format allowlist --previous build/egress/egress-map.json",
            "  egress map --live --subscriptions 1111... --format json --output egress-map.json",
            "",
            "Exit codes: 0 the map was made (whatever the findings), 2 usage error, an unreadable --previous, or a"
                + " template or scope that could not be read (the map shows the rest)."})
final class MapCommand implements Callable<Integer> {

    /** Flags that only say something about templates: refused with --live rather than ignored. */
    private static final List<String> TEMPLATE_ONLY;

    static {
        List<String> names = new ArrayList<>(TemplateInputOptions.NAMES);
        names.addAll(List.of("--subscription-id", "--resource-group", "--location", "--tenant-id", "--base-dir"));
        TEMPLATE_ONLY = List.copyOf(names);
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Template files or directories to map (not with --live).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--live",
            description = "Map live subscriptions instead of templates, read as 'egress audit' reads them"
                    + " (--subscriptions, --management-group, --mode, --cloud, --arm-endpoint, --authority-host).")
    boolean live;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",",
            description = "console, json, markdown or allowlist (repeatable, or comma-separated; default console).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = {"Where map files go. A directory (one that exists, a name without an extension, or any path"
                    + " when several file formats are asked for) gets egress-map.json, egress-map.md,"
                    + " egress-allowlist.txt; a file name (map.md) gets the one file format asked for.",
                    "Without it, the one format asked for is printed to standard output."})
    Path output;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "An egress-map.json written earlier (--format json): the console and Markdown add what changes"
                    + " since it, and the allowlist becomes the changes alone (+cidr to allow before the change, -cidr"
                    + " no longer used after it).")
    Path previous;

    @Option(names = "--per-group", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "The allowlist lists its CIDRs under a '# cluster X' or '# vnet Y' line per group (default);"
                    + " --no-per-group lists them once for all.")
    boolean perGroup;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "ANSI colours on the console: auto, always or never (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    String color;

    @Mixin
    TemplateInputOptions inputs;

    @Mixin
    ContextOptions context;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A setting of the egress model, as the rules get it, e.g. egressViaHub=true or"
                    + " egressViaHub=spoke-vnet (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "The nodes' files, and the --previous file's name, are shown relative to it (default: the"
                    + " current directory).")
    Path baseDir;

    @Mixin
    LiveScopeOptions scope;

    @Override
    public Integer call() throws Exception {
        checkInputs();
        Set<MapFormat> asked = MapOutput.formats(formats, spec);
        MapOutput plan = MapOutput.plan(asked, output, spec);
        ColorMode colorMode = ColorMode.parse(color).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--color: '" + color + "' is not one of auto, always, never"));
        Path root = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();
        // Read before the templates or the subscriptions: a wrong file must not cost a long read first.
        MapOptions mapOptions = MapOptions.defaults().withPerGroup(perGroup).withColor(colorMode)
                .withPrevious(previous == null ? null : readPrevious(root));

        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);
        options.forEach(builder::option);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Report report;
        boolean incomplete;
        if (live) {
            LiveRequest request = scope.request(spec, null);
            LiveInventory inventory = scope.read(spec, request);
            err.println("egress: " + inventory.summary(request));
            report = builder.build().audit(inventory, request);
            incomplete = inventory.isIncomplete();
        } else {
            builder.context(context.toContext());
            inputs.applyTo(builder);
            report = TemplateInputOptions.userInput("", builder::build).verify(paths);
            incomplete = report.hasErrors();
        }
        ReportOutput.printDiagnostics(report, new DisplayPaths(root), err);

        EgressMap map = report.egressMap();
        plan.write(map, mapOptions, root, out, err);
        if (map.nodes().isEmpty()) {
            err.println("egress: " + noNodes(report));
        }
        if (incomplete) {
            err.println("egress: " + (live
                    ? "some of the scope could not be read (see the warnings above); the map shows what was read"
                    : inputErrors(report) + " (see above); the map shows the rest"));
        }
        err.flush();
        return incomplete ? ExitCode.BAD_INPUT : ExitCode.CLEAN;
    }

    /** Templates or a live scope, never both, and no flag that would do nothing with the other. */
    private void checkInputs() {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (live) {
            if (!paths.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--live maps live subscriptions and takes no PATH;"
                        + " leave out --live to map the templates in " + SafeText.forTerminal(paths.get(0).toString()));
            }
            for (String name : TEMPLATE_ONLY) {
                if (parsed.hasMatchedOption(name)) {
                    throw new ParameterException(spec.commandLine(), name + " is for templates and does nothing with --live");
                }
            }
        } else {
            if (paths.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "give the templates to map (PATH...), or --live to map live subscriptions");
            }
            for (String name : LiveScopeOptions.NAMES) {
                if (parsed.hasMatchedOption(name)) {
                    throw new ParameterException(spec.commandLine(), name + " is for a live scope: add --live to map"
                            + " live subscriptions");
                }
            }
        }
    }

    /** The earlier map; one that cannot be used is the user's to fix, at its file:line:column. */
    private PreviousMap readPrevious(Path root) {
        try {
            return PreviousMap.read(previous, root);
        } catch (PreviousMap.InvalidMapException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** "no nodes found in 2 templates: a.json, b.json; ..." (an empty map is never printed silently). */
    private String noNodes(Report report) {
        List<String> inputs = report.inputs();
        String what = live ? "scope" : "template";
        if (inputs.isEmpty()) {
            return "no nodes found: no " + what + " was read; the map is empty";
        }
        int shown = Math.min(inputs.size(), 3);
        String names = String.join(", ", inputs.subList(0, shown))
                + (inputs.size() > shown ? " and " + (inputs.size() - shown) + " more" : "");
        return SafeText.forTerminal("no nodes found in " + inputs.size() + " " + what + (inputs.size() == 1 ? "" : "s")
                + ": " + names + "; the map is empty (a node is a VM's or scale set's network interface, an AKS node"
                + " pool, or service compute on a subnet)");
    }

    private static String inputErrors(Report report) {
        long errors = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
        return errors == 1 ? "1 input could not be read" : errors + " inputs could not be read";
    }
}
