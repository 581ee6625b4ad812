package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;
import dev.egressguard.core.report.Report;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.RemoteRepository;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what is deployed: reads the egress-relevant resources of live subscriptions (read-only,
 * with DefaultAzureCredential: az login, environment, managed or workload identity) and runs the
 * same rules on them. Needs no project: {@code mvn dev.egressguard:egress-maven-plugin:audit
 * -Degress.subscriptions=...}. The Azure SDK is not on the plugin's class path: {@link AzureModule}
 * resolves it for this goal only.
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

    /**
     * The Azure cloud, as {@code az cloud list} names it: {@code AzureCloud} (default), {@code AzureChinaCloud},
     * {@code AzureUSGovernment}. It sets the Resource Manager endpoint and where to sign in.
     */
    @Parameter(property = "egress.cloud")
    protected String cloud;

    /** The Azure Resource Manager endpoint, e.g. of Azure Stack Hub; default the cloud's. */
    @Parameter(property = "egress.armEndpoint")
    protected String armEndpoint;

    /**
     * Where to sign in; default {@code AZURE_AUTHORITY_HOST}, else the cloud's Entra ID host. A host that
     * is not Entra ID's own (Azure Stack Hub, a private cloud) is used without instance discovery.
     */
    @Parameter(property = "egress.authorityHost")
    protected String authorityHost;

    /**
     * Findings recorded earlier: reported, but they do not fail the build. When not given,
     * {@code egress-baseline.json} in the base directory is used if it exists, as {@code egress:verify} does.
     */
    @Parameter(property = "egress.baseline")
    protected File baseline;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /** Where the Azure module is resolved from: the repositories plugins come from. */
    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    /** This plugin: its version is the Azure module's, its realm the parent of the module's loader. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Component
    private RepositorySystem repositorySystem;

    /** How the live source is found; unit tests take it from their own class path. */
    LiveSourceLoader liveSources = () ->
            new AzureModule(repositorySystem, session.getRepositorySession(), pluginRepositories, plugin, getLog()).load();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Egress Guard is skipped (egress.skip).");
            return;
        }
        if (basedir == null) {
            // Run without a project (requiresProject = false): paths are shown relative to where Maven was started.
            basedir = new File(session.getExecutionRootDirectory());
        }
        if (reportsDirectory.getPath().contains("${project.basedir}")) {
            // The default ${project.build.directory}/egress cannot be interpolated without a project.
            reportsDirectory = new File(basedir, "target/egress");
        }
        ReportPlan plan = reportPlan();
        EgressGuard.Builder settings = settings();
        readBaseline(settings, baseline);
        LiveRequest request = request();
        LiveInventory live;
        SdkLogging.quietUnlessDebug(getLog());
        try {
            live = liveSources.load().read(request);
        } catch (LiveSourceException e) {
            throw new MojoExecutionException("Egress Guard audit: " + e.getMessage(), e);
        }
        getLog().info(capitalised(live.summary(request)) + ".");
        Report report = EngineCall.run(() -> settings.build().audit(live, request));
        publish(report, plan);
    }

    /** The parameters as core reads them for every shell; the live source checks ids and scopes. */
    private LiveRequest request() throws MojoExecutionException {
        try {
            return LiveRequest.of(subscriptions, managementGroup, mode(), tenantId, uri(armEndpoint), cloud,
                    uri(authorityHost), LiveRequest.Progress.NONE);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Egress Guard audit: " + e.getMessage(), e);
        }
    }

    private LiveRequest.Mode mode() {
        try {
            return LiveRequest.Mode.parse(auditMode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("egress.auditMode: " + e.getMessage(), e);
        }
    }

    private static URI uri(String text) {
        return isSet(text) ? URI.create(text.trim()) : null;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Gives the live source of this goal; a seam so that tests need no repository. */
    @FunctionalInterface
    interface LiveSourceLoader {
        LiveSource load() throws MojoExecutionException;
    }
}
