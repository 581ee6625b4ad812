package dev.egressguard.azure;

import java.util.List;
import java.util.Locale;

/**
 * A resource type the audit reads, and the api-version azure-resourcemanager 2.57.0 uses for it.
 * Inline children (a vnet's subnets, a load balancer's pools, a cluster's agent pools) stay in
 * their parent's body as ARM returns them; the core's normaliser makes resources of them, the
 * same way for live resources as for templates.
 */
record ListedType(String type, String apiVersion) {

    static final String NETWORK = "2025-03-01";
    static final String COMPUTE = "2025-04-01";
    static final String CONTAINER_SERVICE = "2025-09-01";
    /** The version the SDK (2.57.0) sends for the scale-set instance NIC and public IP lists. */
    static final String VMSS_INSTANCE_NETWORK = "2018-10-01";
    static final String SUBSCRIPTIONS = "2022-12-01";
    static final String RESOURCE_GRAPH = "2021-03-01";

    static final String VNET = "Microsoft.Network/virtualNetworks";
    static final String NIC = "Microsoft.Network/networkInterfaces";
    static final String PUBLIC_IP = "Microsoft.Network/publicIPAddresses";
    static final String PUBLIC_IP_PREFIX = "Microsoft.Network/publicIPPrefixes";
    static final String NAT_GATEWAY = "Microsoft.Network/natGateways";
    static final String LOAD_BALANCER = "Microsoft.Network/loadBalancers";
    static final String ROUTE_TABLE = "Microsoft.Network/routeTables";
    static final String VM = "Microsoft.Compute/virtualMachines";
    static final String VMSS = "Microsoft.Compute/virtualMachineScaleSets";
    static final String AKS = "Microsoft.ContainerService/managedClusters";

    /**
     * Every type listed per subscription, in the order they are read: what the rules and the egress
     * model follow from a node to the addresses it leaves from (subnets in vnets, NICs, NAT
     * gateways, route tables, load balancers, scale sets, clusters, and the public IPs and prefixes
     * whose {@code ipAddress} and {@code ipPrefix} the egress map shows).
     */
    static final List<ListedType> ALL = List.of(
            new ListedType(VNET, NETWORK),
            new ListedType(NIC, NETWORK),
            new ListedType(PUBLIC_IP, NETWORK),
            new ListedType(PUBLIC_IP_PREFIX, NETWORK),
            new ListedType(NAT_GATEWAY, NETWORK),
            new ListedType(LOAD_BALANCER, NETWORK),
            new ListedType(ROUTE_TABLE, NETWORK),
            new ListedType(VM, COMPUTE),
            new ListedType(VMSS, COMPUTE),
            new ListedType(AKS, CONTAINER_SERVICE));

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
        ListedType listed = forType(type);
        return listed != null ? listed.type : type;
    }
}
