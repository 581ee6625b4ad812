package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.egress.EgressTemplates.graph;
import static dev.egressguard.core.egress.EgressTemplates.pip;
import static dev.egressguard.core.egress.EgressTemplates.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of a backend pool configured by IP address: Azure documents that such a pool "will
 * behave as a Basic Load Balancer with default outbound enabled", so its egress is the load
 * balancer or default outbound access, undecided.
 */
class IpBasedBackendPoolTest {

    @TempDir
    Path dir;

    private String template(String subnetExtra) {
        return "[" + pip("lb-ip", "Standard") + ", "
                + "{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", \"name\": \"vnet\","
                + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.3.0.0/16\"]},"
                + " \"subnets\": [{\"name\": \"app\", \"properties\": {\"addressPrefix\": \"10.3.0.0/24\"" + subnetExtra + "}}]}}, "
                + "{\"type\": \"Microsoft.Network/loadBalancers\", \"apiVersion\": \"2024-05-01\", \"name\": \"lb\", \"location\": \"westeurope\","
                + " \"sku\": {\"name\": \"Standard\"}, \"properties\": {\"frontendIPConfigurations\": [{\"name\": \"fe\", \"properties\":"
                + " {\"publicIPAddress\": {\"id\": \"[resourceId('Microsoft.Network/publicIPAddresses', 'lb-ip')]\"}}}],"
                + " \"backendAddressPools\": [{\"name\": \"members\", \"properties\": {\"loadBalancerBackendAddresses\": [{\"name\": \"m0\","
                + " \"properties\": {\"ipAddress\": \"10.3.0.10\", \"virtualNetwork\": {\"id\": \"[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]\"}}}]}}],"
                + " \"outboundRules\": [{\"name\": \"out\", \"properties\": {\"protocol\": \"All\", \"frontendIPConfigurations\": [{\"id\":"
                + " \"[concat(resourceId('Microsoft.Network/loadBalancers', 'lb'), '/frontendIPConfigurations/fe')]\"}], \"backendAddressPool\": {\"id\": \"[concat("
                + "resourceId('Microsoft.Network/loadBalancers', 'lb'), '/backendAddressPools/members')]\"}}}]}}, "
                + "{\"type\": \"Microsoft.Network/networkInterfaces\", \"apiVersion\": \"2024-05-01\", \"name\": \"member-nic\","
                + " \"location\": \"westeurope\", \"properties\": {\"ipConfigurations\": [{\"name\": \"ipconfig1\", \"properties\": {"
                + "\"privateIPAllocationMethod\": \"Static\", \"privateIPAddress\": \"10.3.0.10\", \"subnet\": {\"id\":"
                + " \"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'app')]\"}}}]}}]";
    }

    @Test
    void aMemberLeavesThroughTheLoadBalancerOrDefaultOutboundAccessUndecided() {
        ResourceGraph g = graph(dir, template(""));

        Egress member = view(EgressModel.of(g), g, "member-nic/ipConfigurations/ipconfig1").egress();
        assertThat(member.path()).isEqualTo(EgressPath.UNKNOWN);
        assertThat(member.possible()).contains(EgressPath.LOAD_BALANCER, EgressPath.DEFAULT_OUTBOUND);
        assertThat(member.reason()).contains("configured by IP address").contains("default outbound access");
    }

    @Test
    void aNatGatewayOnTheSubnetStillDecides() {
        ResourceGraph g = graph(dir, "[{\"type\": \"Microsoft.Network/natGateways\", \"apiVersion\": \"2024-05-01\", \"name\": \"nat\","
                + " \"location\": \"westeurope\", \"sku\": {\"name\": \"Standard\"}, \"properties\": {\"publicIpAddresses\":"
                + " [{\"id\": \"[resourceId('Microsoft.Network/publicIPAddresses', 'lb-ip')]\"}]}}, "
                + template(", \"natGateway\": {\"id\": \"[resourceId('Microsoft.Network/natGateways', 'nat')]\"}").substring(1));

        assertThat(view(EgressModel.of(g), g, "member-nic/ipConfigurations/ipconfig1").egress().path())
                .isEqualTo(EgressPath.NAT_GATEWAY);
    }
}
