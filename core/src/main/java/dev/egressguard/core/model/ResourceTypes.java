package dev.egressguard.core.model;

/**
 * The resource types the egress rules reason about, including the children {@link Normalizer}
 * makes out of inline arrays.
 *
 * <p>Most are real ARM child types (a subnet, a NIC's ipConfiguration, a load balancer's backend
 * pool, an AKS agent pool): Azure returns them with the same id and shape, so rules written
 * against them also fit live resources. The four {@code networkInterfaceConfigurations} types
 * are <b>synthetic</b>: ARM has no child resource for the network profile a scale set (or a VM
 * with {@code networkApiVersion}) stamps onto each instance. Egress Guard gives each entry of
 * that profile an id under its owner so that rules can follow and report it like any other
 * child:
 * <pre>
 * .../virtualMachineScaleSets/web/networkInterfaceConfigurations/nic/ipConfigurations/ipconfig1
 * </pre>
 */
public final class ResourceTypes {

    public static final String VIRTUAL_NETWORK = "Microsoft.Network/virtualNetworks";
    public static final String SUBNET = "Microsoft.Network/virtualNetworks/subnets";
    public static final String NAT_GATEWAY = "Microsoft.Network/natGateways";
    public static final String ROUTE_TABLE = "Microsoft.Network/routeTables";
    public static final String ROUTE = "Microsoft.Network/routeTables/routes";
    public static final String NETWORK_INTERFACE = "Microsoft.Network/networkInterfaces";
    public static final String NIC_IP_CONFIGURATION = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public static final String LOAD_BALANCER = "Microsoft.Network/loadBalancers";
    public static final String LB_FRONTEND = "Microsoft.Network/loadBalancers/frontendIPConfigurations";
    public static final String LB_BACKEND_POOL = "Microsoft.Network/loadBalancers/backendAddressPools";
    public static final String LB_RULE = "Microsoft.Network/loadBalancers/loadBalancingRules";
    public static final String LB_OUTBOUND_RULE = "Microsoft.Network/loadBalancers/outboundRules";
    public static final String LB_INBOUND_NAT_RULE = "Microsoft.Network/loadBalancers/inboundNatRules";
    public static final String LB_INBOUND_NAT_POOL = "Microsoft.Network/loadBalancers/inboundNatPools";
    public static final String VIRTUAL_MACHINE = "Microsoft.Compute/virtualMachines";
    public static final String SCALE_SET = "Microsoft.Compute/virtualMachineScaleSets";
    public static final String MANAGED_CLUSTER = "Microsoft.ContainerService/managedClusters";
    public static final String AGENT_POOL = "Microsoft.ContainerService/managedClusters/agentPools";
    public static final String PUBLIC_IP = "Microsoft.Network/publicIPAddresses";
    public static final String PUBLIC_IP_PREFIX = "Microsoft.Network/publicIPPrefixes";
    public static final String FIREWALL = "Microsoft.Network/azureFirewalls";

    /** Synthetic: one entry of a scale set's {@code virtualMachineProfile.networkProfile.networkInterfaceConfigurations}. */
    public static final String SCALE_SET_NIC_CONFIGURATION =
            "Microsoft.Compute/virtualMachineScaleSets/networkInterfaceConfigurations";
    /** Synthetic: one ipConfiguration of a scale set's NIC configuration, shared by every instance. */
    public static final String SCALE_SET_IP_CONFIGURATION =
            "Microsoft.Compute/virtualMachineScaleSets/networkInterfaceConfigurations/ipConfigurations";
    /** Synthetic: one entry of a VM's {@code networkProfile.networkInterfaceConfigurations} (NICs the VM creates itself). */
    public static final String VM_NIC_CONFIGURATION = "Microsoft.Compute/virtualMachines/networkInterfaceConfigurations";
    /** Synthetic: one ipConfiguration of a VM's own NIC configuration. */
    public static final String VM_IP_CONFIGURATION =
            "Microsoft.Compute/virtualMachines/networkInterfaceConfigurations/ipConfigurations";

    private ResourceTypes() {
    }
}
