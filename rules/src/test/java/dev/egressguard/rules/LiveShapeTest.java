package dev.egressguard.rules;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on resources shaped as a live subscription returns them (ARM GET bodies with ids,
 * associations written on the other side, platform-managed NICs): the same verdicts as for a
 * template, since rules never know where a resource came from.
 */
class LiveShapeTest {

    private static final String RG = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/prod";
    private static final String NET = RG + "/providers/Microsoft.Network";

    private static Resource live(String json) {
        Value.Obj body = (Value.Obj) JsonText.parse(json);
        ResourceId id = ResourceId.parse(((Value.Str) body.get("id")).value()).orElseThrow();
        return new Resource(id, ((Value.Str) body.get("type")).value(), ((Value.Str) body.get("name")).value(),
                "2024-05-01", body, Provenance.live("https://portal.azure.com/#@/resource" + id));
    }

    private static List<String> evaluations(String rule, Resource... resources) {
        return Pipeline.check(List.of(resources), List.of(), Map.of()).result().evaluations().stream()
                .filter(e -> e.ruleId().equals(rule)).map(LiveShapeTest::show).toList();
    }

    private static String show(Evaluation e) {
        return e.outcome() + " " + Fixture.display(e.resourceId());
    }

    private final Resource vnet = live("""
            {"id": "%s/virtualNetworks/vnet", "name": "vnet", "type": "Microsoft.Network/virtualNetworks",
             "properties": {"subnets": [
               {"id": "%s/virtualNetworks/vnet/subnets/nodes", "name": "nodes",
                "properties": {"addressPrefix": "10.0.0.0/24",
                               "ipConfigurations": [{"id": "%s/networkInterfaces/vm1-nic/ipConfigurations/ipconfig1"}]}},
               {"id": "%s/virtualNetworks/vnet/subnets/endpoints", "name": "endpoints",
                "properties": {"addressPrefix": "10.0.1.0/24", "defaultOutboundAccess": false}}]}}
            """.formatted(NET, NET, NET, NET));

    private final Resource vmNic = live("""
            {"id": "%s/networkInterfaces/vm1-nic", "name": "vm1-nic", "type": "Microsoft.Network/networkInterfaces",
             "properties": {"virtualMachine": {"id": "%s/providers/Microsoft.Compute/virtualMachines/vm1"},
               "ipConfigurations": [{"id": "%s/networkInterfaces/vm1-nic/ipConfigurations/ipconfig1", "name": "ipconfig1",
                 "properties": {"privateIPAddress": "10.0.0.4",
                                "subnet": {"id": "%s/virtualNetworks/vnet/subnets/nodes"}}}]}}
            """.formatted(NET, RG, NET, NET));

    private final Resource privateEndpointNic = live("""
            {"id": "%s/networkInterfaces/pe-storage.nic.1234", "name": "pe-storage.nic.1234",
             "type": "Microsoft.Network/networkInterfaces",
             "properties": {"privateEndpoint": {"id": "%s/privateEndpoints/pe-storage"},
               "ipConfigurations": [{"id": "%s/networkInterfaces/pe-storage.nic.1234/ipConfigurations/privateEndpointIpConfig",
                 "name": "privateEndpointIpConfig",
                 "properties": {"subnet": {"id": "%s/virtualNetworks/vnet/subnets/endpoints"}}}]}}
            """.formatted(NET, NET, NET, NET));

    private Resource natGateway(String publicIps) {
        return live("""
                {"id": "%s/natGateways/nat", "name": "nat", "type": "Microsoft.Network/natGateways",
                 "properties": {"publicIpAddresses": %s,
                                "subnets": [{"id": "%s/virtualNetworks/VNET/subnets/NODES"}]}}
                """.formatted(NET, publicIps, NET));
    }

    @Test
    void aNatGatewayThatListsTheSubnetIsTheSubnetsNatGateway() {
        Resource nat = natGateway("[{\"id\": \"" + NET + "/publicIPAddresses/nat-pip\"}]");

        assertThat(evaluations("EG002", vnet, vmNic, nat)).containsExactly("PASS vnet/nodes");
    }

    @Test
    void withoutItTheSubnetFails() {
        assertThat(evaluations("EG002", vnet, vmNic)).containsExactly("FAIL vnet/nodes");
        assertThat(evaluations("EG002", vnet, vmNic, natGateway("[]"))).containsExactly("FAIL vnet/nodes");
    }

    @Test
    void aPrivateEndpointsNicMakesNoNodeSubnet() {
        assertThat(evaluations("EG002", vnet, vmNic, privateEndpointNic)).containsExactly("FAIL vnet/nodes");
        assertThat(evaluations("EG004", vnet, vmNic, privateEndpointNic)).containsExactly("FAIL vnet/nodes");
    }

    /**
     * A reserved subnet's name makes no exception: a NIC put there is a node that leaves from it
     * (and it can never pass EG002 there: the fix is to move it), while the ipConfigurations of
     * the gateways, firewalls and bastions the subnet exists for are not nodes. Until 2026-12
     * the name excluded the subnet whatever referred to it, so such a node passed unseen.
     */
    @Test
    void aNodeInAReservedSubnetIsCheckedLikeAnyOther_theServiceItIsForIsNoNode() {
        for (String special : List.of("GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet",
                "AzureBastionSubnet", "RouteServerSubnet")) {
            Resource subnet = live("""
                    {"id": "%s/virtualNetworks/hub/subnets/%s", "name": "%s",
                     "type": "Microsoft.Network/virtualNetworks/subnets", "properties": {"addressPrefix": "10.9.0.0/26"}}
                    """.formatted(NET, special, special));
            Resource nic = live("""
                    {"id": "%s/networkInterfaces/appliance-nic", "name": "appliance-nic", "type": "Microsoft.Network/networkInterfaces",
                     "properties": {"ipConfigurations": [{"name": "ipconfig1",
                       "properties": {"subnet": {"id": "%s/virtualNetworks/hub/subnets/%s"}}}]}}
                    """.formatted(NET, NET, special.toLowerCase()));
            Resource gateway = live("""
                    {"id": "%s/virtualNetworkGateways/gw", "name": "gw", "type": "Microsoft.Network/virtualNetworkGateways",
                     "properties": {"ipConfigurations": [{"name": "default",
                       "properties": {"subnet": {"id": "%s/virtualNetworks/hub/subnets/%s"}}}]}}
                    """.formatted(NET, NET, special));

            assertThat(evaluations("EG002", subnet, gateway)).as(special + " with its service").isEmpty();
            assertThat(evaluations("EG002", subnet, nic)).as(special + " with a node").containsExactly("FAIL hub/" + special);
        }
    }
}
