package dev.egressguard.core.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a resource type reads in a sentence: {@code Microsoft.Compute/virtualMachineScaleSets} is a
 * "scale set", {@code .../backendAddressPools} a "backend address pool". The words Azure's own
 * portal and docs use where they differ from the type name; otherwise the type's last segment,
 * split into words and made singular.
 */
public final class ResourceWords {

    private static final Map<String, String> KNOWN = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    static {
        KNOWN.put("virtualNetworks", "vnet");
        KNOWN.put("virtualMachineScaleSets", "scale set");
        KNOWN.put("virtualMachines", "VM");
        KNOWN.put("natGateways", "NAT gateway");
        KNOWN.put("publicIPAddresses", "public IP");
        KNOWN.put("publicIPPrefixes", "public IP prefix");
        KNOWN.put("managedClusters", "AKS cluster");
        KNOWN.put("loadBalancingRules", "load-balancing rule");
        KNOWN.put("networkSecurityGroups", "network security group");
        KNOWN.put("ipConfigurations", "IP configuration");
    }

    /** Types whose last segment is too generic to name them ({@code workspaces}, {@code sites}, {@code pools}). */
    private static final Map<String, String> KNOWN_TYPES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        KNOWN_TYPES.put("Microsoft.Databricks/workspaces", "Databricks workspace");
        KNOWN_TYPES.put("Microsoft.Web/sites", "App Service app");
        KNOWN_TYPES.put("Microsoft.App/managedEnvironments", "Container Apps environment");
        KNOWN_TYPES.put("Microsoft.ContainerInstance/containerGroups", "container group");
        KNOWN_TYPES.put("Microsoft.Batch/batchAccounts/pools", "Batch pool");
        KNOWN_TYPES.put("Microsoft.Batch/batchAccounts", "Batch account");
    }

    /** The words of the types met so far: every reason the egress model writes names a resource by them. */
    private static final TypeCache<String> KINDS = new TypeCache<>(ResourceWords::words);

    private ResourceWords() {
    }

    /** {@code "scale set"} for {@code Microsoft.Compute/virtualMachineScaleSets}; empty for an empty type. */
    public static String kind(String type) {
        if (type == null || type.isBlank()) {
            return "";
        }
        return KINDS.get(type);
    }

    private static String words(String type) {
        String knownType = KNOWN_TYPES.get(type);
        if (knownType != null) {
            return knownType;
        }
        String last = type.substring(type.lastIndexOf('/') + 1);
        String known = KNOWN.get(last);
        if (known != null) {
            return known;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : WORD_BREAK.split(singular(last))) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT));
            sb.append(acronym ? word : word.toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss")) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }
}
