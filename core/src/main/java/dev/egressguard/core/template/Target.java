package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.ScopeLevel;

/** Where a template's resources are deployed: the context and the scope level of the deployment. */
record Target(DeploymentContext context, ScopeLevel level) {

    static ScopeLevel levelOf(DocumentKind kind) {
        return switch (kind) {
            case SUBSCRIPTION_TEMPLATE -> ScopeLevel.SUBSCRIPTION;
            case MANAGEMENT_GROUP_TEMPLATE -> ScopeLevel.MANAGEMENT_GROUP;
            case TENANT_TEMPLATE -> ScopeLevel.TENANT;
            default -> ScopeLevel.RESOURCE_GROUP;
        };
    }
}
