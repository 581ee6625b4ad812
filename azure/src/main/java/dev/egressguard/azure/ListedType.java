package dev.egressguard.azure;

import java.util.List;
import java.util.Locale;

/**
 * A resource type the audit reads: its full type, the api-version azure-resourcemanager 2.57.0
 * uses for it, and the inline children of its body that become resources of their own (a
 * vnet's subnets, a load balancer's backend pools, a cluster's agent pools).
 */
record ListedType(String type, String apiVersion, List<InlineChild> children) {

    static final String NETWORK = "2025-03-01";
    static final String COMPUTE = "2025-04-01";
    static final String CONTAINER_SERVICE = "2025-09-01";
    /** The scale-set instance NIC and public IP lists are only served at this version. */
    static final String VMSS_INSTANCE_NETWORK = "2018-10-01";
    static final String SUBSCRIPTIONS = "2022-12-01";
    static final String RESOURCE_GRAPH = "2021-03-01";

    static final String VNET = "Microsoft.Network/virtualNetworks";
    static final String NIC = "Microsoft.Network/networkInterfaces";
    static final String PUBLIC_IP = "Microsoft.Network/publicIPAddresses";
    static final String NAT_GATEWAY = "Microsoft.Network/natGateways";
    static final String LOAD_BALANCER = "Microsoft.Network/loadBalancers";
    static final String ROUTE_TABLE = "Microsoft.Network/routeTables";
    static final String VM = "Microsoft.Compute/virtualMachines";
    static final String VMSS = "Microsoft.Compute/virtualMachineScaleSets";
    static final String AKS = "Microsoft.ContainerService/managedClusters";

    /**
     * An array under {@code properties} whose elements are child resources of type
     * {@code <parent type>/<segment>}. Elements without an id (AKS agent pool profiles) get the id
     * ARM gives the same child through its own API: {@code <parent id>/<segment>/<name>}.
     */
    record InlineChild(String property, String segment) {
    }

    /** Every type listed per subscription, in the order they are read. */
    static final List<ListedType> ALL = List.of(
            new ListedType(VNET, NETWORK, List.of(new InlineChild("subnets", "subnets"))),
            new ListedType(NIC, NETWORK, List.of()),
            new ListedType(PUBLIC_IP, NETWORK, List.of()),
            new ListedType(NAT_GATEWAY, NETWORK, List.of()),
            new ListedType(LOAD_BALANCER, NETWORK, List.of(
                    new InlineChild("frontendIPConfigurations", "frontendIPConfigurations"),
                    new InlineChild("backendAddressPools", "backendAddressPools"),
                    new InlineChild("loadBalancingRules", "loadBalancingRules"),
                    new InlineChild("outboundRules", "outboundRules"))),
            new ListedType(ROUTE_TABLE, NETWORK, List.of(new InlineChild("routes", "routes"))),
            new ListedType(VM, COMPUTE, List.of()),
            new ListedType(VMSS, COMPUTE, List.of()),
            new ListedType(AKS, CONTAINER_SERVICE, List.of(new InlineChild("agentPoolProfiles", "agentPools"))));

    /** The resource provider namespace, e.g. {@code Microsoft.Network}. */
    String namespace() {
        return type.substring(0, type.indexOf('/'));
    }

    /** The last type segment, e.g. {@code networkInterfaces}, for messages and progress. */
    String plural() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    static ListedType forType(String type) {
        for (ListedType t : ALL) {
            if (t.type.equalsIgnoreCase(type)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The type as the docs and templates spell it. Resource Graph answers in lower case and some
     * services vary the casing; rules compare case-insensitively, reports read better this way.
     * Scale-set instance NICs and public IPs are NICs and public IPs to the rules, whichever API
     * named them.
     */
    static String canonical(String type) {
        if (type == null) {
            return null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces")) {
            return NIC;
        }
        if (lower.equals("microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces/ipconfigurations/publicipaddresses")) {
            return PUBLIC_IP;
        }
        for (ListedType t : ALL) {
            if (t.type.equalsIgnoreCase(type)) {
                return t.type;
            }
            for (InlineChild c : t.children) {
                String child = t.type + "/" + c.segment();
                if (child.equalsIgnoreCase(type)) {
                    return child;
                }
            }
        }
        return type;
    }
}
