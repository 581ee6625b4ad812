package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.egress.EgressTemplates.graph;
import static dev.egressguard.core.egress.EgressTemplates.id;
import static dev.egressguard.core.egress.EgressTemplates.nic;
import static dev.egressguard.core.egress.EgressTemplates.pip;
import static dev.egressguard.core.egress.EgressTemplates.view;
import static org.assertj.core.api.Assertions.assertThat;

/** StandardV2 NAT gateways: IPv6 addresses and prefixes, and attachment to a whole virtual network. */
class NatGatewayStandardV2Test {

    @TempDir
    Path dir;

    private static String nat(String name, String properties) {
        return "{\"type\": \"Microsoft.Network/natGateways\", \"apiVersion\": \"2025-05-01\", \"name\": \"" + name
                + "\", \"location\": \"westeurope\", \"sku\": {\"name\": \"StandardV2\"}, \"properties\": {" + properties + "}}";
    }

    private static String vnet(String subnetProperties) {
        return "{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2025-05-01\", \"name\": \"app-vnet\","
                + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.1.0.0/16\"]},"
                + " \"subnets\": [{\"name\": \"workers\", \"properties\": {\"addressPrefix\": \"10.1.1.0/24\"" + subnetProperties + "}}]}}";
    }

    @Test
    void ipv6AddressesAndPrefixesAreTheNatGatewaysPublicIps() {
        ResourceGraph g = graph(dir, "[" + pip("v6", "StandardV2") + ", "
                + "{\"type\": \"Microsoft.Network/publicIPPrefixes\", \"apiVersion\": \"2025-05-01\", \"name\": \"v6-prefix\","
                + " \"location\": \"westeurope\", \"sku\": {\"name\": \"StandardV2\"}, \"properties\": {\"prefixLength\": 124,"
                + " \"publicIPAddressVersion\": \"IPv6\"}}, "
                + nat("nat", "\"publicIpAddressesV6\": [" + id("Microsoft.Network/publicIPAddresses", "v6") + "],"
                + " \"publicIpPrefixesV6\": [" + id("Microsoft.Network/publicIPPrefixes", "v6-prefix") + "]") + ", "
                + vnet(", \"natGateway\": " + id("Microsoft.Network/natGateways", "nat")) + ", " + nic("n", "app-vnet", "workers") + "]");
        EgressModel model = EgressModel.of(g);

        Egress subnet = view(model, g, "app-vnet/subnets/workers").egress();
        assertThat(subnet.path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(subnet.publicIpsUnknown()).isNull();
        assertThat(subnet.publicIps()).extracting(PublicIp::id)
                .anyMatch(i -> i.endsWith("publicIPAddresses/v6")).anyMatch(i -> i.endsWith("publicIPPrefixes/v6-prefix"));
        assertThat(view(model, g, "networkInterfaces/n/ipConfigurations/ipconfig1").egress().path())
                .isEqualTo(EgressPath.NAT_GATEWAY);
    }

    @Test
    void aNatGatewayAttachedToTheVnetServesASubnetWithoutOneOfItsOwn() {
        ResourceGraph g = graph(dir, "[" + vnet("") + ", " + pip("ip", "StandardV2") + ", "
                + nat("vnet-nat", "\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "ip") + "],"
                + " \"sourceVirtualNetwork\": " + id("Microsoft.Network/virtualNetworks", "app-vnet")) + ", "
                + nic("n", "app-vnet", "workers") + "]");
        EgressModel model = EgressModel.of(g);

        Egress node = view(model, g, "networkInterfaces/n/ipConfigurations/ipconfig1").egress();
        assertThat(node.path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(node.via()).endsWith("natGateways/vnet-nat");
        assertThat(node.reason()).contains("attached to its virtual network (sourceVirtualNetwork)");
        assertThat(node.publicIps()).hasSize(1);
    }

    @Test
    void aSubnetNatGatewayThatDiffersFromTheVnetsLeavesItsPublicIpsUnknown() {
        ResourceGraph g = graph(dir, "[" + pip("a", "Standard") + ", " + pip("b", "StandardV2") + ", "
                + nat("subnet-nat", "\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "a") + "]") + ", "
                + nat("vnet-nat", "\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "b") + "],"
                + " \"sourceVirtualNetwork\": " + id("Microsoft.Network/virtualNetworks", "app-vnet")) + ", "
                + vnet(", \"natGateway\": " + id("Microsoft.Network/natGateways", "subnet-nat")) + "]");

        Egress subnet = view(EgressModel.of(g), g, "app-vnet/subnets/workers").egress();
        assertThat(subnet.path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(subnet.publicIps()).isEmpty();
        assertThat(subnet.publicIpsUnknown()).contains("which of them it leaves through, Azure's documentation does not say");
    }

    @Test
    void theSameNatGatewayOnTheSubnetAndTheVnetIsOneNatGateway() {
        ResourceGraph g = graph(dir, "[" + pip("b", "StandardV2") + ", "
                + nat("nat", "\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "b") + "],"
                + " \"sourceVirtualNetwork\": " + id("Microsoft.Network/virtualNetworks", "app-vnet")) + ", "
                + vnet(", \"natGateway\": " + id("Microsoft.Network/natGateways", "nat")) + "]");

        Egress subnet = view(EgressModel.of(g), g, "app-vnet/subnets/workers").egress();
        assertThat(subnet.via()).endsWith("natGateways/nat");
        assertThat(subnet.publicIpsUnknown()).isNull();
        assertThat(subnet.publicIps()).hasSize(1);
    }

    @Test
    void aVnetNatGatewayOfAnotherVnetDoesNotServeThisOne() {
        ResourceGraph g = graph(dir, "[" + vnet("") + ", " + pip("ip", "StandardV2") + ", "
                + nat("other-nat", "\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "ip") + "],"
                + " \"sourceVirtualNetwork\": " + id("Microsoft.Network/virtualNetworks", "other-vnet")) + "]");

        assertThat(view(EgressModel.of(g), g, "app-vnet/subnets/workers").egress().path())
                .isEqualTo(EgressPath.DEFAULT_OUTBOUND);
    }
}
