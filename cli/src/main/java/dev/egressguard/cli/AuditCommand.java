package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.live.InvalidLiveRequestException;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code egress audit}: checks what is deployed, read-only, with the same rules as {@code verify}. */
@Command(name = "audit", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Check live Azure subscriptions against the egress rules (read-only).",
        description = {
            "Reads the egress-relevant resources of the subscriptions (all the identity can see by default) with"
                + " DefaultAzureCredential: az login, AZURE_* environment variables, managed or workload identity."
                + " Only GET requests and Resource Graph queries are sent.",
            "What cannot be read (a subscription without Reader, a throttled request) is reported and the rest"
                + " is still checked."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  egress audit",
            "  egress audit --subscriptions 1111...,2222... --format console,sarif --output build/egress",
            "  egress audit --management-group platform-landing-zones",
            "  egress audit --cloud AzureChinaCloud",
            "  egress audit --arm-endpoint https://management.local.azurestack.external"
                + " --authority-host https://adfs.local.azurestack.external/adfs",
            "",
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, no access, or a scope that"
                + " could not be read."})
final class AuditCommand implements Callable<Integer> {

    /** A value the live source refused, by its request component, as this command's flag names it. */
    private static final Map<String, String> FLAGS = Map.of("cloud", "--cloud");

    @Spec
    CommandSpec spec;

    @Option(names = "--subscriptions", paramLabel = "ID", split = ",",
            description = "Subscription ids (repeatable, or comma-separated; default every subscription visible).")
    List<String> subscriptions = new ArrayList<>();

    @Option(names = "--management-group", paramLabel = "ID",
            description = "A management group, read with Azure Resource Graph.")
    String managementGroup;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "list (one request per type and subscription) or resource-graph"
                    + " (default list; resource-graph for a management group).")
    String mode;

    @Option(names = "--tenant-id", paramLabel = "ID", description = "The directory for portal links in findings.")
    String tenantId;

    @Option(names = "--cloud", paramLabel = "NAME",
            description = "The Azure cloud, as 'az cloud list' names it: AzureCloud (default), AzureChinaCloud,"
                    + " AzureUSGovernment. It sets the Resource Manager endpoint and where to sign in.")
    String cloud;

    @Option(names = "--arm-endpoint", paramLabel = "URL",
            description = "The Azure Resource Manager endpoint, e.g. of Azure Stack Hub (default the cloud's).")
    URI armEndpoint;

    @Option(names = "--authority-host", paramLabel = "URL",
            description = "Where to sign in (default AZURE_AUTHORITY_HOST, else the cloud's Entra ID host). A host"
                    + " that is not Entra ID's own (Azure Stack Hub, a private cloud) is used without instance discovery.")
    URI authorityHost;

    @Mixin
    OutputOptions output;

    @Mixin
    RuleOptions rules;

    @Mixin
    SuppressionOptions accepted;

    @Override
    public Integer call() throws Exception {
        Set<Format> formats = output.formats(spec);
        FailPolicy policy = output.failPolicy(spec);
        ReportOutput plan = ReportOutput.plan(formats, output.output, spec);
        Path root = Path.of("").toAbsolutePath();
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);
        rules.applyTo(builder, spec);
        builder.acceptedFindings(accepted.resolve(root));
        LiveRequest request = request();
        LiveInventory live = read(request);
        spec.commandLine().getErr().println("egress: " + live.summary(request));
        Report report = builder.build().audit(live, request);
        ReportOptions options = ReportOptions.defaults(root)
                .withColor(output.colorMode(spec))
                .withUnknownAsFailure(policy.failOnUnknown());
        return plan.write(report, options, policy, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The flags as core reads them for every shell; a terminal may show the read's progress. */
    private LiveRequest request() {
        LiveRequest.Mode parsedMode;
        try {
            parsedMode = LiveRequest.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mode: " + e.getMessage());
        }
        return LiveRequest.of(subscriptions, managementGroup, parsedMode, tenantId, armEndpoint, cloud, authorityHost,
                LiveRequest.Progress.CONSOLE);
    }

    /** A request the source refuses is a usage error; one it cannot read at all (no token) is the user's to fix. */
    private LiveInventory read(LiveRequest request) {
        try {
            return liveSource().read(request);
        } catch (InvalidLiveRequestException e) {
            String flag = e.component().map(FLAGS::get).map(name -> name + ": ").orElse("");
            throw new ParameterException(spec.commandLine(), flag + e.getMessage());
        } catch (LiveSourceException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * The Azure module ships with the CLI, so its live source is on this class path, found as the
     * Maven plugin finds it in the module's own class loader: through core's seam.
     */
    private static LiveSource liveSource() {
        return ServiceLoader.load(LiveSource.class, AuditCommand.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + LiveSource.class.getName()
                        + " on the class path: the CLI jar is missing its Azure module"));
    }
}
