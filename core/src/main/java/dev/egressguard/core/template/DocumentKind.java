package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

import java.util.Locale;

/** What a JSON file is to Egress Guard, told by its {@code $schema}. */
enum DocumentKind {
    /** A deployment template at resource group scope (the common case). */
    TEMPLATE,
    /** A subscription, management group or tenant deployment template. */
    SUBSCRIPTION_TEMPLATE,
    MANAGEMENT_GROUP_TEMPLATE,
    TENANT_TEMPLATE,
    PARAMETERS,
    /** Any other JSON (package.json, a dashboard, ...): not checked. */
    OTHER;

    public static DocumentKind of(Value root) {
        if (!(root instanceof Value.Obj obj) || !(obj.get("$schema") instanceof Value.Str schema)) {
            return OTHER;
        }
        return ofSchema(schema.value());
    }

    public static DocumentKind ofSchema(String schema) {
        String s = schema.toLowerCase(Locale.ROOT);
        if (s.contains("subscriptiondeploymenttemplate")) {
            return SUBSCRIPTION_TEMPLATE;
        }
        if (s.contains("managementgroupdeploymenttemplate")) {
            return MANAGEMENT_GROUP_TEMPLATE;
        }
        if (s.contains("tenantdeploymenttemplate")) {
            return TENANT_TEMPLATE;
        }
        if (s.contains("deploymenttemplate")) {
            return TEMPLATE;
        }
        if (s.contains("deploymentparameters")) {
            return PARAMETERS;
        }
        return OTHER;
    }

    public boolean isTemplate() {
        return this == TEMPLATE || this == SUBSCRIPTION_TEMPLATE || this == MANAGEMENT_GROUP_TEMPLATE
                || this == TENANT_TEMPLATE;
    }
}
