package dev.egressguard.core.template;

import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * Properties Azure fills in when it deploys a resource and a template reads back with
 * {@code reference()}: they are added as Unknown (with the expression that asked) to the
 * declared properties, so {@code reference('pip').properties.ipAddress} is an honest Unknown
 * rather than an error or a guess. Declared properties are never replaced.
 */
final class RuntimeProperties {

    private static final List<String> COMMON = List.of("provisioningState", "resourceGuid");

    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("microsoft.network/publicipaddresses", List.of("ipAddress", "ipConfiguration")),
            Map.entry("microsoft.network/publicipprefixes", List.of("ipPrefix", "publicIPAddresses")),
            Map.entry("microsoft.network/networkinterfaces", List.of("macAddress", "virtualMachine", "primary")),
            Map.entry("microsoft.network/virtualnetworks/subnets", List.of("ipConfigurations")),
            Map.entry("microsoft.network/loadbalancers", List.of("inboundNatRules")),
            Map.entry("microsoft.compute/virtualmachines", List.of("vmId", "instanceView")),
            Map.entry("microsoft.compute/virtualmachinescalesets", List.of("uniqueId")),
            Map.entry("microsoft.containerservice/managedclusters", List.of("fqdn", "privateFQDN", "azurePortalFQDN",
                    "identityProfile", "nodeResourceGroup", "currentKubernetesVersion", "powerState",
                    "oidcIssuerProfile")),
            Map.entry("microsoft.storage/storageaccounts", List.of("primaryEndpoints", "secondaryEndpoints")),
            Map.entry("microsoft.managedidentity/userassignedidentities", List.of("principalId", "clientId", "tenantId")),
            Map.entry("microsoft.keyvault/vaults", List.of("vaultUri")),
            Map.entry("microsoft.operationalinsights/workspaces", List.of("customerId")),
            Map.entry("microsoft.insights/components", List.of("InstrumentationKey", "ConnectionString", "AppId")),
            Map.entry("microsoft.web/sites", List.of("defaultHostName", "outboundIpAddresses",
                    "possibleOutboundIpAddresses")));

    private RuntimeProperties() {
    }

    static Value.Obj addTo(String type, Value.Obj properties, String expression, SourceLocation at) {
        Value.Obj out = properties;
        out = addAll(out, COMMON, expression + ".properties.", at);
        List<String> specific = BY_TYPE.get(type.toLowerCase(java.util.Locale.ROOT));
        if (specific != null) {
            out = addAll(out, specific, expression + ".properties.", at);
        }
        return out;
    }

    /** The top level of a 'Full' reference: a managed identity's principal is assigned at deployment. */
    static Value.Obj addToFull(Value.Obj full, String expression, SourceLocation at) {
        Value.Obj out = full;
        if (out.get("identity") instanceof Value.Obj identity) {
            out = out.with("identity", addAll(identity, List.of("principalId", "tenantId"), expression + ".identity.", at));
        }
        return out;
    }

    private static Value.Obj addAll(Value.Obj obj, List<String> keys, String prefix, SourceLocation at) {
        Value.Obj out = obj;
        for (String k : keys) {
            if (!out.has(k)) {
                out = out.with(k, Value.unknown(prefix + k + " is only known at deployment", at));
            }
        }
        return out;
    }
}
