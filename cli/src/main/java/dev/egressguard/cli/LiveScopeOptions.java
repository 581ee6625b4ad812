package dev.egressguard.cli;

import dev.egressguard.core.live.InvalidLiveRequestException;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What to read of Azure and where: the scope (subscriptions or a management group), how to read it
 * and the cloud. The same for {@code audit} and {@code map --live}, read through core's
 * {@link LiveRequest} and the {@link LiveSource} seam as the Maven plugin reads them.
 */
final class LiveScopeOptions {

    /** The flags of this class, for a command that refuses them where they would do nothing. */
    static final List<String> NAMES = List.of("--subscriptions", "--management-group", "--mode", "--cloud",
            "--arm-endpoint", "--authority-host");

    /** A value the live source refused, by its request component, as these flags name it. */
    private static final Map<String, String> FLAGS = Map.of("cloud", "--cloud");

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

    /** The flags as core reads them for every shell; a terminal may show the read's progress. */
    LiveRequest request(CommandSpec spec, String tenantId) {
        LiveRequest.Mode parsedMode;
        try {
            parsedMode = LiveRequest.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mode: " + e.getMessage());
        }
        return LiveRequest.of(subscriptions, managementGroup, parsedMode, tenantId, armEndpoint, cloud, authorityHost,
                LiveRequest.Progress.CONSOLE);
    }

    /**
     * Reads the scope. A request the source refuses is a usage error; one it cannot read at all (no
     * token) is the user's to fix. What it reads only in part comes back as the inventory's gaps.
     */
    LiveInventory read(CommandSpec spec, LiveRequest request) {
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
        return ServiceLoader.load(LiveSource.class, LiveScopeOptions.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + LiveSource.class.getName()
                        + " on the class path: the CLI jar is missing its Azure module"));
    }
}
