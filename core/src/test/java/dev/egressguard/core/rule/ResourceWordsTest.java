package dev.egressguard.core.rule;

import dev.egressguard.core.model.ResourceWords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {kind}: resource types as the words people use for them. */
class ResourceWordsTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "Microsoft.Network/virtualNetworks, vnet",
            "Microsoft.Network/virtualNetworks/subnets, subnet",
            "microsoft.compute/VIRTUALMACHINESCALESETS, scale set",
            "Microsoft.Compute/virtualMachines, VM",
            "Microsoft.Network/networkInterfaces, network interface",
            "Microsoft.Network/networkInterfaces/ipConfigurations, IP configuration",
            "Microsoft.Network/natGateways, NAT gateway",
            "Microsoft.Network/publicIPAddresses, public IP",
            "Microsoft.ContainerService/managedClusters, AKS cluster",
            "Microsoft.ContainerService/managedClusters/agentPools, agent pool",
            "Microsoft.Network/loadBalancers/backendAddressPools, backend address pool",
            "Microsoft.Network/loadBalancers/frontendIPConfigurations, frontend IP configuration",
            "Microsoft.Network/routeTables, route table",
            "Microsoft.Network/dnsZones/CNAME, CNAME",
            "Microsoft.Network/firewallPolicies, firewall policy",
            "Microsoft.Network/applicationGateways/sslCertificates, ssl certificate",
            "Microsoft.Web/sites/slots/hostNameBindings, host name binding",
            "Microsoft.Network/ipGroups/addresses, address"
    })
    void kinds(String type, String kind) {
        assertThat(ResourceWords.kind(type)).isEqualTo(kind);
    }
}
