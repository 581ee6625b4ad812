package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.ResourceId;

import java.util.List;

/** Ids of declared resources, as Azure forms them for the deployment scope and extension resources. */
final class ResourceIds {

    private ResourceIds() {
    }

    /**
     * The id of a resource deployed at {@code target}, or under the resource {@code scopeId} (an
     * extension). The id relative to no scope is made only where it is used: most resources are
     * in a resource group, and every one of them made it for nothing. (A type and names that do
     * not fit throw from every branch alike.)
     */
    static ResourceId of(Target target, String type, List<String> names, String scopeId) {
        DeploymentContext ctx = target.context();
        if (scopeId != null) {
            ResourceId relative = ResourceId.of(null, null, type, names);
            String prefix = scopeId.startsWith("/") ? trimSlash(scopeId)
                    : "/subscriptions/" + ctx.subscriptionId() + "/resourceGroups/" + ctx.resourceGroup()
                    + "/providers/" + trimSlash(scopeId);
            return ResourceId.parse(prefix + relative).orElseGet(() -> of(target, type, names, null));
        }
        return switch (target.level()) {
            case RESOURCE_GROUP -> ResourceId.of(ctx.subscriptionId(), ctx.resourceGroup(), type, names);
            case SUBSCRIPTION -> type.equalsIgnoreCase("Microsoft.Resources/resourceGroups") && names.size() == 1
                    ? ResourceId.parse("/subscriptions/" + ctx.subscriptionId() + "/resourceGroups/" + names.get(0))
                    .orElseThrow()
                    : ResourceId.of(ctx.subscriptionId(), null, type, names);
            case MANAGEMENT_GROUP -> {
                ResourceId relative = ResourceId.of(null, null, type, names);
                yield ResourceId.parse("/providers/Microsoft.Management/managementGroups/" + ctx.managementGroup()
                        + relative).orElse(relative);
            }
            case TENANT -> ResourceId.of(null, null, type, names);
        };
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
