package dev.egressguard.cli;

import dev.egressguard.azure.AuditMode;
import dev.egressguard.azure.AzureAudit;
import dev.egressguard.azure.AzureAuditException;
import dev.egressguard.azure.AzureCloud;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.EgressGuard;
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
import java.util.Locale;
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

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Suppressions with justification and expiry.")
    Path suppressions;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded earlier: reported, but they do not fail the run.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        Set<Format> formats = output.formats(spec);
        FailPolicy policy = output.failPolicy(spec);
        ReportOutput plan = ReportOutput.plan(formats, output.output, spec);
        Path root = Path.of("").toAbsolutePath();
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);
        rules.applyTo(builder, spec);
        if (suppressions != null) {
            builder.suppressionFile(suppressions);
        }
        if (baseline != null) {
            builder.baseline(baseline);
        }
        AzureAudit audit = audit();
        LiveInventory live;
        try {
            live = audit.collect();
        } catch (AzureAuditException e) {
            throw new UserError(e.getMessage(), e);
        }
        spec.commandLine().getErr().println("egress: read " + live.resources().size() + " resources with "
                + live.requestCount() + " requests" + (live.isIncomplete() ? " (incomplete: see the warnings)" : ""));
        Report report = builder.build().audit(live.resources(), live.gaps(), scopes());
        ReportOptions options = ReportOptions.defaults(root)
                .withColor(output.colorMode(spec))
                .withUnknownAsFailure(policy.failOnUnknown());
        return plan.write(report, options, policy, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private AzureAudit audit() {
        try {
            AzureAudit.Builder b = AzureAudit.builder().subscriptions(subscriptions);
            if (managementGroup != null) {
                b.managementGroup(managementGroup);
            }
            if (mode != null) {
                b.mode(parseMode(mode));
            }
            if (tenantId != null) {
                b.tenantId(tenantId);
            }
            if (cloud != null) {
                b.cloud(cloud(cloud));
            }
            if (armEndpoint != null) {
                b.endpoint(armEndpoint);
            }
            if (authorityHost != null) {
                b.authorityHost(authorityHost);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** What was read, for the report's inputs: the subscriptions or the management group asked for. */
    private List<String> scopes() {
        if (managementGroup != null) {
            return List.of("/providers/Microsoft.Management/managementGroups/" + managementGroup.trim());
        }
        return subscriptions.stream().map(id -> "/subscriptions/" + id.trim()).toList();
    }

    private static AzureCloud cloud(String name) {
        try {
            return AzureCloud.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cloud: " + e.getMessage(), e);
        }
    }

    private AuditMode parseMode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "list" -> AuditMode.LIST;
            case "resource-graph", "resourcegraph", "graph" -> AuditMode.RESOURCE_GRAPH;
            default -> throw new IllegalArgumentException("--mode: '" + text + "' is not one of list, resource-graph");
        };
    }
}
