package dev.egressguard.cli;

import dev.egressguard.core.expression.DeploymentContext;
import picocli.CommandLine.Option;

/** Where the templates are imagined to be deployed: what {@code subscription()} and friends return. */
final class ContextOptions {

    @Option(names = "--subscription-id", paramLabel = "ID",
            description = "subscription().subscriptionId the templates see (default: a placeholder).")
    String subscriptionId;

    @Option(names = "--resource-group", paramLabel = "NAME",
            description = "resourceGroup().name the templates see (default: ${DEFAULT-VALUE}).",
            defaultValue = DeploymentContext.DEFAULT_RESOURCE_GROUP)
    String resourceGroup;

    @Option(names = "--location", paramLabel = "REGION",
            description = "resourceGroup().location the templates see (default: ${DEFAULT-VALUE}).",
            defaultValue = DeploymentContext.DEFAULT_LOCATION)
    String location;

    @Option(names = "--tenant-id", paramLabel = "ID",
            description = "tenant().tenantId the templates see (default: a placeholder).")
    String tenantId;

    DeploymentContext toContext() {
        DeploymentContext c = DeploymentContext.DEFAULT.withResourceGroup(resourceGroup).withLocation(location);
        if (subscriptionId != null) {
            c = c.withSubscriptionId(subscriptionId);
        }
        if (tenantId != null) {
            c = c.withTenantId(tenantId);
        }
        return c;
    }
}
