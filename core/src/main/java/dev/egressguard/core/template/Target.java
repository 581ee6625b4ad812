package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;

/** Where a template's resources are deployed: the context and the scope level of the deployment. */
record Target(DeploymentContext context, Level level) {

    enum Level { RESOURCE_GROUP, SUBSCRIPTION, MANAGEMENT_GROUP, TENANT }

    static Level levelOf(DocumentKind kind) {
        return switch (kind) {
            case SUBSCRIPTION_TEMPLATE -> Level.SUBSCRIPTION;
            case MANAGEMENT_GROUP_TEMPLATE -> Level.MANAGEMENT_GROUP;
            case TENANT_TEMPLATE -> Level.TENANT;
            default -> Level.RESOURCE_GROUP;
        };
    }
}
