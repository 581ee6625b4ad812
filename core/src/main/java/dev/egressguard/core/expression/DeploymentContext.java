package dev.egressguard.core.expression;

import java.util.Objects;

/**
 * Where a template is imagined to be deployed. {@code subscription()}, {@code resourceGroup()},
 * {@code tenant()}, {@code deployment()} and the default ids of {@code resourceId()} come from
 * here. The defaults are placeholders that make ids well-formed; they never decide a verdict.
 */
public record DeploymentContext(
        String subscriptionId,
        String resourceGroup,
        String location,
        String tenantId,
        String deploymentName,
        String managementGroup) {

    public static final String DEFAULT_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    public static final String DEFAULT_RESOURCE_GROUP = "egress-guard-rg";
    public static final String DEFAULT_LOCATION = "westeurope";
    public static final String DEFAULT_TENANT = "00000000-0000-0000-0000-000000000001";
    public static final String DEFAULT_DEPLOYMENT = "egress-guard";
    public static final String DEFAULT_MANAGEMENT_GROUP = "egress-guard-mg";

    public static final DeploymentContext DEFAULT = new DeploymentContext(
            DEFAULT_SUBSCRIPTION, DEFAULT_RESOURCE_GROUP, DEFAULT_LOCATION, DEFAULT_TENANT,
            DEFAULT_DEPLOYMENT, DEFAULT_MANAGEMENT_GROUP);

    public DeploymentContext {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(deploymentName, "deploymentName");
        Objects.requireNonNull(managementGroup, "managementGroup");
    }

    public DeploymentContext withSubscriptionId(String v) {
        return new DeploymentContext(v, resourceGroup, location, tenantId, deploymentName, managementGroup);
    }

    public DeploymentContext withResourceGroup(String v) {
        return new DeploymentContext(subscriptionId, v, location, tenantId, deploymentName, managementGroup);
    }

    public DeploymentContext withLocation(String v) {
        return new DeploymentContext(subscriptionId, resourceGroup, v, tenantId, deploymentName, managementGroup);
    }

    public DeploymentContext withTenantId(String v) {
        return new DeploymentContext(subscriptionId, resourceGroup, location, v, deploymentName, managementGroup);
    }

    public DeploymentContext withDeploymentName(String v) {
        return new DeploymentContext(subscriptionId, resourceGroup, location, tenantId, v, managementGroup);
    }

    public DeploymentContext withManagementGroup(String v) {
        return new DeploymentContext(subscriptionId, resourceGroup, location, tenantId, deploymentName, v);
    }
}
