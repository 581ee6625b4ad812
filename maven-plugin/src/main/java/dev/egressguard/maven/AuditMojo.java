package dev.egressguard.maven;

import dev.egressguard.azure.AuditMode;
import dev.egressguard.azure.AzureAudit;
import dev.egressguard.azure.AzureAuditException;
import dev.egressguard.azure.LiveInventory;
import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.Report;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks what is deployed: reads the egress-relevant resources of live subscriptions (read-only,
 * with DefaultAzureCredential: az login, environment, managed or workload identity) and runs the
 * same rules on them. Needs no project: {@code mvn dev.egressguard:egress-maven-plugin:audit
 * -Degress.subscriptions=...}.
 */
@Mojo(name = "audit", requiresProject = false, threadSafe = true)
public class AuditMojo extends AbstractEgressMojo {

    /** Subscription ids to read, comma-separated; none means every subscription the identity can see. */
    @Parameter(property = "egress.subscriptions")
    protected List<String> subscriptions = new ArrayList<>();

    /** A management group to read with Azure Resource Graph instead of subscriptions. */
    @Parameter(property = "egress.managementGroup")
    protected String managementGroup;

    /** list (one request per type and subscription) or resource-graph; default list, resource-graph for a management group. */
    @Parameter(property = "egress.auditMode")
    protected String auditMode;

    /** The Azure Resource Manager endpoint, for sovereign clouds; default the public cloud's. */
    @Parameter(property = "egress.armEndpoint")
    protected String armEndpoint;

    /** Findings recorded earlier: reported, but they do not fail the build. */
    @Parameter(property = "egress.baseline")
    protected File baseline;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Egress Guard is skipped (egress.skip).");
            return;
        }
        ReportPlan plan = reportPlan();
        EgressGuard.Builder settings = settings();
        if (baseline != null) {
            settings.baseline(baseline.toPath());
        }
        AzureAudit audit = audit();
        LiveInventory live;
        try {
            live = audit.collect();
        } catch (AzureAuditException e) {
            throw new MojoExecutionException("Egress Guard audit: " + e.getMessage(), e);
        }
        getLog().info("Read " + live.resources().size() + " resources with " + live.requestCount() + " requests"
                + (live.isIncomplete() ? " (incomplete: see the warnings)" : "") + ".");
        List<String> scopes = scopes();
        Report report = EngineCall.run(() -> settings.build().audit(live.resources(), live.gaps(), scopes));
        publish(report, plan);
    }

    private AzureAudit audit() throws MojoExecutionException {
        try {
            AzureAudit.Builder b = AzureAudit.builder().progress(false).subscriptions(commaSeparated(subscriptions));
            if (isSet(managementGroup)) {
                b.managementGroup(managementGroup);
            }
            if (isSet(auditMode)) {
                b.mode(mode(auditMode));
            }
            if (isSet(tenantId)) {
                b.tenantId(tenantId.trim());
            }
            if (isSet(armEndpoint)) {
                b.endpoint(URI.create(armEndpoint.trim()));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Egress Guard audit: " + e.getMessage(), e);
        }
    }

    /** What was read, for the report's inputs: the subscriptions or the management group asked for. */
    private List<String> scopes() {
        if (isSet(managementGroup)) {
            return List.of("/providers/Microsoft.Management/managementGroups/" + managementGroup.trim());
        }
        return commaSeparated(subscriptions).stream().map(id -> "/subscriptions/" + id).toList();
    }

    private static AuditMode mode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "list" -> AuditMode.LIST;
            case "resource-graph", "resourcegraph", "graph" -> AuditMode.RESOURCE_GRAPH;
            default -> throw new IllegalArgumentException("egress.auditMode: '" + text
                    + "' is not one of list, resource-graph");
        };
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v == null ? new String[0] : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
