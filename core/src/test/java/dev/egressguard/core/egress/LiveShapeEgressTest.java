package dev.egressguard.core.egress;

import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The egress model on resources as a live audit reads them: ARM's list bodies (read-only
 * properties, back-references, the casing services use), with portal links as provenance.
 */
class LiveShapeEgressTest {

    private static final String RG = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-map/providers";
    private static final String MC = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/MC_rg-map_aks_westeurope/providers";
    private static final String VNET = RG + "/Microsoft.Network/virtualNetworks/vnet";

    /** A live resource: its body is the JSON ARM returns (single quotes for readability), type and name from it. */
    private static Resource live(String json) {
        Value.Obj body = (Value.Obj) JsonText.parse(json.replace('\'', '"'));
        String id = ((Value.Str) body.get("id")).value();
        String type = ((Value.Str) body.get("type")).value();
        return new Resource(ResourceId.parse(id).orElseThrow(), type, ((Value.Str) body.get("name")).value(), "2025-03-01",
                body, Provenance.live("https://portal.azure.com/#resource" + id));
    }

    private static List<EgressNode> nodes(Resource... resources) {
        return EgressModel.of(ResourceGraph.normalized(Arrays.asList(resources))).nodes();
    }

    private static EgressNode node(String name, Resource... resources) {
        return nodes(resources).stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }

    private static Resource vnet(String subnetProperties) {
        return live("""
                {'name': 'vnet', 'id': '%s', 'type': 'Microsoft.Network/virtualNetworks', 'location': 'westeurope',
                 'properties': {'addressSpace': {'addressPrefixes': ['10.0.0.0/16']}, 'subnets': [
                   {'name': 'nodes', 'id': '%s/subnets/nodes', 'type': 'Microsoft.Network/virtualNetworks/subnets',
                    'properties': {'addressPrefix': '10.0.0.0/24'%s}}]}}
                """.formatted(VNET, VNET, subnetProperties));
    }

    private static Resource nic(String name, String ipConfigurationExtra) {
        String id = RG + "/Microsoft.Network/networkInterfaces/" + name;
        return live("""
                {'name': '%s', 'id': '%s', 'type': 'Microsoft.Network/networkInterfaces', 'location': 'westeurope',
                 'properties': {'ipConfigurations': [{'name': 'ipconfig1', 'id': '%s/ipConfigurations/ipconfig1',
                   'type': 'Microsoft.Network/networkInterfaces/ipConfigurations',
                   'properties': {'privateIPAddress': '10.0.0.4', 'subnet': {'id': '%s/subnets/nodes'}%s}}]}}
                """.formatted(name, id, id, VNET, ipConfigurationExtra));
    }

    private static Resource publicIp(String base, String name, String address) {
        return live("""
                {'name': '%s', 'id': '%s/Microsoft.Network/publicIPAddresses/%s', 'type': 'Microsoft.Network/publicIPAddresses',
                 'sku': {'name': 'Standard'}, 'properties': {%s'publicIPAllocationMethod': 'Static'}}
                """.formatted(name, base, name, address == null ? "" : "'ipAddress': '" + address + "', "));
    }

    private static Resource prefix(String name, String cidr) {
        return live("""
                {'name': '%s', 'id': '%s/Microsoft.Network/publicIPPrefixes/%s', 'type': 'Microsoft.Network/publicIPPrefixes',
                 'properties': {'prefixLength': 28, 'ipPrefix': '%s'}}
                """.formatted(name, RG, name, cidr));
    }

    private static List<String> cidrs(EgressNode n) {
        return n.egress().publicIps().stream().map(PublicIp::cidr).toList();
    }

    @Test
    void aStandardV2NatGatewayLeavesFromItsIpv6AddressesAndPrefixesToo() {
        String nat = RG + "/Microsoft.Network/natGateways/nat";
        Resource gateway = live("""
                {'name': 'nat', 'id': '%s', 'type': 'Microsoft.Network/natGateways', 'sku': {'name': 'StandardV2'},
                 'properties': {'publicIpAddresses': [{'id': '%s/Microsoft.Network/publicIPAddresses/v4'}],
                                'publicIpAddressesV6': [{'id': '%s/Microsoft.Network/publicIPAddresses/v6'}],
                                'publicIpPrefixes': [{'id': '%s/Microsoft.Network/publicIPPrefixes/p4'}],
                                'publicIpPrefixesV6': [{'id': '%s/Microsoft.Network/publicIPPrefixes/p6'}],
                                'subnets': [{'id': '%s/subnets/nodes'}]}}
                """.formatted(nat, RG, RG, RG, RG, VNET));

        EgressNode n = node("nic", vnet(", 'natGateway': {'id': '" + nat + "'}"), gateway, nic("nic", ""),
                publicIp(RG, "v4", "203.0.113.20"), publicIp(RG, "v6", "2001:db8:10::20"),
                prefix("p4", "198.51.100.16/28"), prefix("p6", "2001:db8:20::/124"));

        assertThat(n.egress().path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(cidrs(n)).containsExactly("203.0.113.20/32", "198.51.100.16/28", "2001:db8:10::20/128", "2001:db8:20::/124");
        assertThat(n.egress().publicIpsUnknown()).isNull();
    }

    @Test
    void aNicsPublicIpFromAPrefixLeavesFromItsOwnAddress() {
        Resource pip = live("""
                {'name': 'jump-pip', 'id': '%s/Microsoft.Network/publicIPAddresses/jump-pip',
                 'type': 'Microsoft.Network/publicIPAddresses',
                 'properties': {'ipAddress': '203.0.113.10', 'publicIPPrefix': {'id': '%s/Microsoft.Network/publicIPPrefixes/jump'}}}
                """.formatted(RG, RG));

        EgressNode n = node("nic", vnet(""), nic("nic", ", 'publicIPAddress': {'id': '" + pip.id() + "'}"), pip,
                prefix("jump", "203.0.113.8/30"));

        assertThat(n.egress().path()).isEqualTo(EgressPath.INSTANCE_PUBLIC_IP);
        assertThat(n.egress().publicIps()).extracting(PublicIp::id, PublicIp::address, PublicIp::cidr)
                .containsExactly(tuple(pip.id().toString(), "203.0.113.10", "203.0.113.10/32"));
    }

    @Test
    void aLivePublicIpWithoutAnAddressSaysWhyAsALiveOne() {
        Resource pip = publicIp(RG, "dynamic-pip", null);

        EgressNode n = node("nic", vnet(""), nic("nic", ", 'publicIPAddress': {'id': '" + pip.id() + "'}"), pip);

        assertThat(n.egress().publicIps()).singleElement().satisfies(ip -> {
            assertThat(ip.cidr()).isNull();
            assertThat(ip.reason()).isEqualTo("the live public IP has no address: a dynamic one exists only while the"
                    + " resource using it runs");
        });
    }

    private static Resource cluster(String networkProfile) {
        return live("""
                {'name': 'aks', 'id': '%s/Microsoft.ContainerService/managedClusters/aks',
                 'type': 'Microsoft.ContainerService/ManagedClusters', 'location': 'westeurope',
                 'properties': {'nodeResourceGroup': 'MC_rg-map_aks_westeurope',
                   'agentPoolProfiles': [{'name': 'system', 'count': 3, 'mode': 'System', 'enableNodePublicIP': false}],
                   'networkProfile': %s}}
                """.formatted(RG, networkProfile));
    }

    /** AKS writes the node resource group's ids with "resourcegroups" in lower case. */
    private static String aksIp(String name) {
        return MC.replace("resourceGroups", "resourcegroups") + "/Microsoft.Network/publicIPAddresses/" + name;
    }

    @Test
    void aClustersEffectiveOutboundIpsAreThePublicIpsOfItsNodeResourceGroupWhateverTheCasing() {
        Resource aks = cluster("""
                {'outboundType': 'loadBalancer', 'loadBalancerSku': 'standard',
                 'loadBalancerProfile': {'managedOutboundIPs': {'count': 2},
                   'effectiveOutboundIPs': [{'id': '%s'}, {'id': '%s'}]}}
                """.formatted(aksIp("ip-a"), aksIp("ip-b")));

        EgressNode n = node("aks/system", aks, publicIp(MC, "ip-a", "198.51.100.40"), publicIp(MC, "ip-b", "198.51.100.41"));

        assertThat(n.egress().path()).isEqualTo(EgressPath.LOAD_BALANCER);
        assertThat(cidrs(n)).containsExactly("198.51.100.40/32", "198.51.100.41/32");
    }

    @Test
    void aManagedNatGatewaysOutboundIpsComeFromTheLivePublicIps() {
        Resource aks = cluster("""
                {'outboundType': 'managedNATGateway',
                 'natGatewayProfile': {'managedOutboundIPProfile': {'count': 1}, 'effectiveOutboundIPs': [{'id': '%s'}]}}
                """.formatted(aksIp("nat-ip")));

        EgressNode n = node("aks/system", aks, publicIp(MC, "nat-ip", "198.51.100.50"));

        assertThat(n.egress().path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(cidrs(n)).containsExactly("198.51.100.50/32");
    }

    @Test
    void anOutboundIpTheAuditDidNotReadIsNamedWithAnHonestReason() {
        Resource aks = cluster("""
                {'outboundType': 'loadBalancer',
                 'loadBalancerProfile': {'managedOutboundIPs': {'count': 1}, 'effectiveOutboundIPs': [{'id': '%s'}]}}
                """.formatted(aksIp("ip-a")));

        EgressNode n = node("aks/system", aks);

        assertThat(n.egress().path()).isEqualTo(EgressPath.LOAD_BALANCER);
        assertThat(n.egress().publicIps()).singleElement().satisfies(ip -> {
            assertThat(ip.id()).isEqualTo(aksIp("ip-a"));
            assertThat(ip.cidr()).isNull();
            assertThat(ip.reason()).isEqualTo("not among the audited resources (in a subscription outside the audited"
                    + " scope, in a list that could not be read, or not readable by this identity): its address is unknown");
        });
    }

    @Test
    void aLiveLoadBalancerWithBackReferencesGivesSnatFromItsOutboundRulesFrontendAndNamesThePoolOnce() {
        String lb = RG + "/Microsoft.Network/loadBalancers/lb-web";
        String pool = lb + "/backendAddressPools/web-pool";
        String nicId = RG + "/Microsoft.Network/networkInterfaces/web-nic";
        // ARM's shape: a rule names its pool both ways (backendAddressPool and backendAddressPools),
        // pools and frontends list the rules that use them, the pool lists its members.
        Resource balancer = live("""
                {'name': 'lb-web', 'id': '%1$s', 'type': 'Microsoft.Network/loadBalancers', 'sku': {'name': 'Standard'},
                 'properties': {
                  'frontendIPConfigurations': [
                    {'name': 'in', 'id': '%1$s/frontendIPConfigurations/in', 'properties': {
                      'publicIPAddress': {'id': '%3$s/Microsoft.Network/publicIPAddresses/in'},
                      'loadBalancingRules': [{'id': '%1$s/loadBalancingRules/http'}]}},
                    {'name': 'out', 'id': '%1$s/frontendIPConfigurations/out', 'properties': {
                      'publicIPAddress': {'id': '%3$s/Microsoft.Network/publicIPAddresses/out'},
                      'outboundRules': [{'id': '%1$s/outboundRules/web-outbound'}]}}],
                  'backendAddressPools': [{'name': 'web-pool', 'id': '%2$s', 'properties': {
                      'backendIPConfigurations': [{'id': '%4$s/ipConfigurations/ipconfig1'}],
                      'loadBalancingRules': [{'id': '%1$s/loadBalancingRules/http'}],
                      'outboundRules': [{'id': '%1$s/outboundRules/web-outbound'}]}}],
                  'loadBalancingRules': [{'name': 'http', 'id': '%1$s/loadBalancingRules/http', 'properties': {
                      'frontendIPConfiguration': {'id': '%1$s/frontendIPConfigurations/in'},
                      'backendAddressPool': {'id': '%2$s'}, 'backendAddressPools': [{'id': '%2$s'}],
                      'protocol': 'Tcp', 'frontendPort': 80, 'backendPort': 80, 'disableOutboundSnat': true}}],
                  'outboundRules': [{'name': 'web-outbound', 'id': '%1$s/outboundRules/web-outbound', 'properties': {
                      'allocatedOutboundPorts': 1024, 'protocol': 'All', 'backendAddressPool': {'id': '%2$s'},
                      'frontendIPConfigurations': [{'id': '%1$s/frontendIPConfigurations/out'}]}}]}}
                """.formatted(lb, pool, RG, nicId));

        EgressNode n = node("web-nic", vnet(""), balancer, nic("web-nic", ", 'loadBalancerBackendAddressPools': [{'id': '" + pool + "'}]"),
                publicIp(RG, "in", "203.0.113.31"), publicIp(RG, "out", "203.0.113.30"));

        assertThat(n.egress().path()).isEqualTo(EgressPath.LOAD_BALANCER);
        assertThat(n.egress().via()).isEqualTo(pool);
        assertThat(cidrs(n)).containsExactly("203.0.113.30/32");
        assertThat(n.egress().reason()).isEqualTo("in backend address pool 'web-pool' of public load balancer 'lb-web',"
                + " whose outbound rule 'web-outbound' gives it outbound SNAT");
    }
}
