package dev.egressguard.core.model;

import java.util.List;

/**
 * An array inside a resource body whose entries are child resources in their own right: a
 * vnet's {@code properties.subnets}, a NIC's {@code properties.ipConfigurations}, an AKS
 * cluster's {@code properties.agentPoolProfiles}.
 *
 * @param parentType   the type holding the array
 * @param path         the keys leading to the array, matched case-insensitively
 * @param childSegment the type segment and id segment of the children ({@code subnets})
 * @param flat         true when an entry keeps its properties next to its name (AKS
 *                     {@code agentPoolProfiles}) instead of under {@code properties}; the child
 *                     gets the ARM child shape {@code {name, properties}} either way
 */
record InlineCollection(String parentType, List<String> path, String childSegment, boolean flat) {

    InlineCollection {
        path = List.copyOf(path);
    }

    static InlineCollection of(String parentType, String dottedPath, String childSegment) {
        return new InlineCollection(parentType, List.of(dottedPath.split("\\.")), childSegment, false);
    }

    String childType() {
        return parentType + "/" + childSegment;
    }

    /** Every inline collection Egress Guard turns into children; children are expanded again, so order is free. */
    static final List<InlineCollection> ALL = List.of(
            of(ResourceTypes.VIRTUAL_NETWORK, "properties.subnets", "subnets"),
            of(ResourceTypes.NETWORK_INTERFACE, "properties.ipConfigurations", "ipConfigurations"),
            of(ResourceTypes.LOAD_BALANCER, "properties.frontendIPConfigurations", "frontendIPConfigurations"),
            of(ResourceTypes.LOAD_BALANCER, "properties.backendAddressPools", "backendAddressPools"),
            of(ResourceTypes.LOAD_BALANCER, "properties.loadBalancingRules", "loadBalancingRules"),
            of(ResourceTypes.LOAD_BALANCER, "properties.outboundRules", "outboundRules"),
            of(ResourceTypes.LOAD_BALANCER, "properties.inboundNatRules", "inboundNatRules"),
            of(ResourceTypes.LOAD_BALANCER, "properties.inboundNatPools", "inboundNatPools"),
            of(ResourceTypes.SCALE_SET, "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
                    "networkInterfaceConfigurations"),
            of(ResourceTypes.SCALE_SET_NIC_CONFIGURATION, "properties.ipConfigurations", "ipConfigurations"),
            of(ResourceTypes.VIRTUAL_MACHINE, "properties.networkProfile.networkInterfaceConfigurations",
                    "networkInterfaceConfigurations"),
            of(ResourceTypes.VM_NIC_CONFIGURATION, "properties.ipConfigurations", "ipConfigurations"),
            new InlineCollection(ResourceTypes.MANAGED_CLUSTER, List.of("properties", "agentPoolProfiles"),
                    "agentPools", true));
}
