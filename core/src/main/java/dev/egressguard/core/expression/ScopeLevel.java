package dev.egressguard.core.expression;

/**
 * The level a template is deployed at. It decides what {@code resourceId()} without a resource
 * group returns and whether {@code resourceGroup()} and {@code subscription()} may be called.
 */
public enum ScopeLevel {
    RESOURCE_GROUP,
    SUBSCRIPTION,
    MANAGEMENT_GROUP,
    TENANT
}
