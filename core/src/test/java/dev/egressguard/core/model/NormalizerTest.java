package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.model.Bodies4Test.id;
import static dev.egressguard.core.model.Bodies4Test.resource;
import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTest {

    private static final String VNET = ResourceTypes.VIRTUAL_NETWORK;

    private static ResourceGraph graph(Resource... resources) {
        return ResourceGraph.normalized(List.of(resources));
    }

    private static Resource find(ResourceGraph g, String id) {
        return g.find(ResourceId.parse(id).orElseThrow()).orElseThrow(() -> new AssertionError("no resource " + id));
    }

    @Nested
    class VirtualNetworkSubnets {

        private final Resource vnet = resource(VNET, "vnet", """
                {'properties': {'subnets': [
                   {'name': 'nodes', 'properties': {'addressPrefix': '10.0.0.0/24',
                                                    'natGateway': {'id': '%s'}}},
                   {'name': 'GatewaySubnet', 'properties': {'addressPrefix': '10.0.1.0/24'}}]}}
                """.formatted(id(ResourceTypes.NAT_GATEWAY, "nat")));

        @Test
        void inlineSubnetsBecomeChildResourcesOfTheirVnet() {
            ResourceGraph g = graph(vnet);

            Resource nodes = find(g, id(ResourceTypes.SUBNET, "vnet", "nodes"));
            assertThat(nodes.type()).isEqualTo(ResourceTypes.SUBNET);
            assertThat(nodes.name()).isEqualTo("nodes");
            assertThat(nodes.apiVersion()).isEqualTo("2024-05-01");
            assertThat(nodes.body().get("apiVersion")).as("what rules read, as in a declared subnet")
                    .isEqualTo(Value.of("2024-05-01"));
            assertThat(g.parentOf(nodes)).contains(vnet);
            assertThat(g.ofType(ResourceTypes.SUBNET)).extracting(Resource::name).containsExactly("nodes", "GatewaySubnet");
        }

        @Test
        void aChildPointsAtItsInlinePositionInTheParentsDeclaration() {
            Resource nodes = find(graph(vnet), id(ResourceTypes.SUBNET, "vnet", "nodes"));

            assertThat(nodes.provenance().location().file()).isEqualTo("main.json#/properties/subnets/0");
            assertThat(nodes.provenance().locate("/properties/natGateway").file())
                    .isEqualTo("main.json#/properties/subnets/0/properties/natGateway");
        }

        @Test
        void theParentKeepsItsInlineCopy() {
            Resource normalised = find(graph(vnet), vnet.id().toString());
            assertThat(normalised.body()).isEqualTo(vnet.body());
        }

        @Test
        void aSeparatelyDeclaredSubnetIsTheSameResourceAndWinsWhole() {
            // nat-gateway-1-vm declares subnet-1 inline and as virtualNetworks/subnets.
            Resource separate = resource(ResourceTypes.SUBNET, "vnet/nodes", """
                    {'properties': {'addressPrefix': '10.0.0.0/24', 'routeTable': {'id': '%s'}}}
                    """.formatted(id(ResourceTypes.ROUTE_TABLE, "rt")));

            ResourceGraph g = graph(vnet, separate);

            assertThat(g.ofType(ResourceTypes.SUBNET)).hasSize(2);
            Resource nodes = find(g, id(ResourceTypes.SUBNET, "vnet", "nodes"));
            assertThat(nodes.name()).isEqualTo("nodes");
            assertThat(nodes.provenance()).isEqualTo(separate.provenance());
            // ARM deploys the separate subnet after the vnet and its PUT replaces every property:
            // the NAT gateway written only in the inline copy does not survive.
            assertThat(nodes.properties().has("natGateway")).isFalse();
            assertThat(nodes.properties().has("routeTable")).isTrue();
        }

        @Test
        void aSeparatelyDeclaredSubnetIsFoundWhateverTheCasingOfItsId() {
            Resource separate = resource("microsoft.network/VIRTUALNETWORKS/subnets", "VNET/Nodes", "{'properties': {}}");

            ResourceGraph g = graph(vnet, separate);

            assertThat(g.ofType(ResourceTypes.SUBNET)).extracting(Resource::name).containsExactlyInAnyOrder("Nodes", "GatewaySubnet");
        }

        @Test
        void subnetsThatAreUnknownBeforeDeploymentYieldNoChildAndStayUnknownInTheVnet() {
            Resource computed = resource(VNET, "vnet", "{'properties': {'subnets': '<unknown>'}}");
            Resource oneUnknown = resource(VNET, "vnet2", "{'properties': {'subnets': ['<unknown>', {'name': 'a'}]}}");

            ResourceGraph g = graph(computed, oneUnknown);

            assertThat(g.ofType(ResourceTypes.SUBNET)).extracting(Resource::name).containsExactly("a");
            assertThat(find(g, computed.id().toString()).properties().get("subnets")).isInstanceOf(Value.Unknown.class);
        }

        @Test
        void anEntryWithoutAUsableNameIsNamedByItsPosition() {
            Resource v = resource(VNET, "vnet", "{'properties': {'subnets': [{'name': '<unknown>', 'properties': {}}]}}");

            assertThat(graph(v).ofType(ResourceTypes.SUBNET)).extracting(Resource::name).containsExactly("[0]");
        }
    }

    @Nested
    class NatGatewayAssociation {

        @Test
        void aLiveNatGatewayListingItsSubnetsIsCopiedOntoTheSubnet() {
            Resource nat = resource(ResourceTypes.NAT_GATEWAY, "nat", """
                    {'properties': {'subnets': [{'id': '%s'}]}}
                    """.formatted(id(ResourceTypes.SUBNET, "VNET", "NODES")));
            Resource vnet = resource(VNET, "vnet", "{'properties': {'subnets': [{'name': 'nodes', 'properties': {}}]}}");

            Resource nodes = find(graph(nat, vnet), id(ResourceTypes.SUBNET, "vnet", "nodes"));

            assertThat(Bodies.refId(nodes.properties(), "natGateway")).isEqualTo(nat.id().toString());
        }

        @Test
        void aSubnetsOwnNatGatewayIsKept() {
            Resource nat = resource(ResourceTypes.NAT_GATEWAY, "other", """
                    {'properties': {'subnets': [{'id': '%s'}]}}""".formatted(id(ResourceTypes.SUBNET, "vnet", "nodes")));
            Resource vnet = resource(VNET, "vnet", """
                    {'properties': {'subnets': [{'name': 'nodes', 'properties': {'natGateway': {'id': '%s'}}}]}}
                    """.formatted(id(ResourceTypes.NAT_GATEWAY, "mine")));

            Resource nodes = find(graph(nat, vnet), id(ResourceTypes.SUBNET, "vnet", "nodes"));

            assertThat(Bodies.refId(nodes.properties(), "natGateway")).isEqualTo(id(ResourceTypes.NAT_GATEWAY, "mine"));
        }
    }

    @Nested
    class NetworkInterfaces {

        /** A child's type is its parent's as spelled and the segment; the children of one spelling share one string. */
        @Test
        void childTypesKeepTheParentsSpellingAndAreShared() {
            String spelled = "microsoft.network/NETWORKINTERFACES";
            String json = "{'properties': {'ipConfigurations': [{'name': 'a', 'properties': {}}, {'name': 'b', 'properties': {}}]}}";
            List<Resource> out = Normalizer.normalize(List.of(resource(spelled, "nic", json),
                    resource(ResourceTypes.NETWORK_INTERFACE, "nic2", json)));

            List<Resource> odd = out.stream().filter(r -> r.type().startsWith(spelled + "/")).toList();
            List<Resource> usual = out.stream().filter(r -> r.type().startsWith(ResourceTypes.NETWORK_INTERFACE + "/")).toList();
            assertThat(odd).extracting(Resource::type).containsOnly(spelled + "/ipConfigurations").hasSize(2);
            assertThat(odd.get(0).type()).isSameAs(odd.get(1).type());
            assertThat(usual).extracting(Resource::type).containsOnly(ResourceTypes.NIC_IP_CONFIGURATION).hasSize(2);
            assertThat(usual.get(0).type()).isSameAs(usual.get(1).type()).isSameAs(ResourceTypes.NIC_IP_CONFIGURATION);
        }

        @Test
        void ipConfigurationsBecomeChildrenThatReferTheirSubnetCaseInsensitively() {
            Resource vnet = resource(VNET, "vnet", "{'properties': {'subnets': [{'name': 'Nodes', 'properties': {}}]}}");
            Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic", """
                    {'properties': {'ipConfigurations': [{'name': 'ipconfig1', 'properties': {
                        'subnet': {'id': '%s'}, 'PublicIpAddress': {'Id': '%s'}}}]}}
                    """.formatted(id(ResourceTypes.SUBNET, "VNET", "nodes").toUpperCase(),
                    id("Microsoft.Network/publicIPAddresses", "pip")));

            ResourceGraph g = graph(vnet, nic);

            Resource ipconfig = find(g, id(ResourceTypes.NIC_IP_CONFIGURATION, "nic", "ipconfig1"));
            Resource subnet = find(g, id(ResourceTypes.SUBNET, "vnet", "nodes"));
            assertThat(g.referencesTo(subnet.id())).extracting(r -> r.from().name()).containsExactlyInAnyOrder("nic", "ipconfig1");
            assertThat(g.referencesFrom(ipconfig)).extracting(ResourceGraph.Reference::pointer)
                    .containsExactly("/properties/subnet/id", "/properties/PublicIpAddress/Id");
        }

        @Test
        void aSubnetIdUnknownBeforeDeploymentStaysUnknown() {
            Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic",
                    "{'properties': {'ipConfigurations': [{'name': 'ipconfig1', 'properties': {'subnet': {'id': '<unknown>'}}}]}}");

            Resource ipconfig = find(graph(nic), id(ResourceTypes.NIC_IP_CONFIGURATION, "nic", "ipconfig1"));

            Value subnetId = ((Value.Obj) ipconfig.properties().get("subnet")).get("id");
            assertThat(subnetId).isInstanceOfSatisfying(Value.Unknown.class,
                    u -> assertThat(u.reason()).contains("reference('vnet')"));
        }

        @Test
        void aReferenceOutsideTheEvaluatedResourcesStaysAnId() {
            String external = "/subscriptions/sub/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/nodes";
            Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic",
                    "{'properties': {'ipConfigurations': [{'name': 'ipconfig1', 'properties': {'subnet': {'id': '%s'}}}]}}"
                            .formatted(external));

            ResourceGraph g = graph(nic);

            ResourceId target = ResourceId.parse(external).orElseThrow();
            assertThat(g.referencesTo(target)).extracting(r -> r.from().name()).contains("ipconfig1");
            assertThat(g.find(target)).isEmpty();
        }
    }

    @Nested
    class LoadBalancers {

        @Test
        void everyInlineCollectionBecomesChildrenOfTheLoadBalancer() {
            Resource lb = resource(ResourceTypes.LOAD_BALANCER, "lb", """
                    {'properties': {
                      'frontendIPConfigurations': [{'name': 'fe'}],
                      'backendAddressPools': [{'name': 'pool'}],
                      'loadBalancingRules': [{'name': 'http'}],
                      'outboundRules': [{'name': 'out'}],
                      'inboundNatRules': [{'name': 'rdp'}],
                      'inboundNatPools': [{'name': 'ssh'}]}}""");

            ResourceGraph g = graph(lb);

            assertThat(g.resources()).extracting(r -> r.id().toString()).containsExactly(
                    lb.id().toString(),
                    id(ResourceTypes.LB_FRONTEND, "lb", "fe"),
                    id(ResourceTypes.LB_BACKEND_POOL, "lb", "pool"),
                    id(ResourceTypes.LB_RULE, "lb", "http"),
                    id(ResourceTypes.LB_OUTBOUND_RULE, "lb", "out"),
                    id(ResourceTypes.LB_INBOUND_NAT_RULE, "lb", "rdp"),
                    id(ResourceTypes.LB_INBOUND_NAT_POOL, "lb", "ssh"));
        }

        @Test
        void aRuleIsAReferrerOfThePoolItServes() {
            String pool = id(ResourceTypes.LB_BACKEND_POOL, "lb", "pool");
            Resource lb = resource(ResourceTypes.LOAD_BALANCER, "lb", """
                    {'properties': {'backendAddressPools': [{'name': 'pool'}],
                      'loadBalancingRules': [{'name': 'http', 'properties': {'backendAddressPool': {'id': '%s'}}}]}}
                    """.formatted(pool));

            ResourceGraph g = graph(lb);

            assertThat(g.referencesTo(ResourceId.parse(pool).orElseThrow()))
                    .extracting(r -> r.from().type()).containsExactlyInAnyOrder(ResourceTypes.LOAD_BALANCER, ResourceTypes.LB_RULE);
        }

        @Test
        void anIpBasedPoolAddressIsTiedToTheNicIpConfigurationWithThatStaticAddress() {
            String vnetId = id(VNET, "vnet");
            Resource lb = resource(ResourceTypes.LOAD_BALANCER, "lb", "{'properties': {}}");
            Resource pool = resource(ResourceTypes.LB_BACKEND_POOL, "lb/pool", """
                    {'properties': {'loadBalancerBackendAddresses': [
                      {'name': 'a1', 'properties': {'ipAddress': '10.0.0.4', 'virtualNetwork': {'id': '%s'}}},
                      {'name': 'a2', 'properties': {'ipAddress': '10.0.0.9', 'virtualNetwork': {'id': '%s'}}}]}}
                    """.formatted(vnetId, vnetId));
            Resource vm1 = nicWithAddress("nic1", "10.0.0.4", "vnet");
            Resource elsewhere = nicWithAddress("nic2", "10.0.0.9", "othervnet");

            Resource matched = find(graph(lb, pool, vm1, elsewhere), pool.id().toString());

            assertThat(Bodies.at(matched.body(), "/properties/loadBalancerBackendAddresses/0/properties/networkInterfaceIPConfiguration/id"))
                    .isEqualTo(Value.of(id(ResourceTypes.NIC_IP_CONFIGURATION, "nic1", "ipconfig1")));
            assertThat(Bodies.at(matched.body(), "/properties/loadBalancerBackendAddresses/1/properties/networkInterfaceIPConfiguration"))
                    .isNull();
        }

        private Resource nicWithAddress(String name, String ip, String vnet) {
            return resource(ResourceTypes.NETWORK_INTERFACE, name, """
                    {'properties': {'ipConfigurations': [{'name': 'ipconfig1', 'properties': {
                      'privateIPAllocationMethod': 'Static', 'privateIPAddress': '%s', 'subnet': {'id': '%s'}}}]}}
                    """.formatted(ip, id(ResourceTypes.SUBNET, vnet, "default")));
        }
    }

    @Nested
    class ScaleSetsAndVirtualMachines {

        private static final String PROFILE = """
                {'properties': {%s 'virtualMachineProfile': {'networkProfile': {'networkInterfaceConfigurations': [
                  {'name': 'nic', 'properties': {'primary': true, 'ipConfigurations': [
                    {'name': 'ipconfig1', 'properties': {'subnet': {'id': '%s'},
                      'publicipaddressconfiguration': {'name': 'pub'}}}]}}]}}}}""";

        @Test
        void aUniformScaleSetsNetworkProfileBecomesSyntheticChildren() {
            Resource vmss = resource(ResourceTypes.SCALE_SET, "web",
                    PROFILE.formatted("", id(ResourceTypes.SUBNET, "vnet", "nodes")));

            ResourceGraph g = graph(vmss);

            Resource ipconfig = find(g, id(ResourceTypes.SCALE_SET_IP_CONFIGURATION, "web", "nic", "ipconfig1"));
            assertThat(ipconfig.type()).isEqualTo(ResourceTypes.SCALE_SET_IP_CONFIGURATION);
            assertThat(ipconfig.properties().has("publicIPAddressConfiguration")).isTrue();
            assertThat(g.parentOf(ipconfig).flatMap(g::parentOf)).contains(vmss);
            assertThat(ipconfig.provenance().location().file()).isEqualTo(
                    "main.json#/properties/virtualMachineProfile/networkProfile/networkInterfaceConfigurations/0/properties/ipConfigurations/0");
        }

        @Test
        void aFlexibleScaleSetHasTheSameChildren() {
            Resource vmss = resource(ResourceTypes.SCALE_SET, "flex",
                    PROFILE.formatted("'orchestrationMode': 'Flexible',", id(ResourceTypes.SUBNET, "vnet", "nodes")));

            assertThat(graph(vmss).ofType(ResourceTypes.SCALE_SET_IP_CONFIGURATION)).extracting(Resource::name)
                    .containsExactly("ipconfig1");
        }

        @Test
        void aVirtualMachineThatCreatesItsOwnNicsHasSyntheticChildrenToo() {
            Resource vm = resource(ResourceTypes.VIRTUAL_MACHINE, "vm1", """
                    {'properties': {'networkProfile': {'networkApiVersion': '2022-11-01', 'networkInterfaceConfigurations': [
                      {'name': 'nic', 'properties': {'ipConfigurations': [{'name': 'ipc', 'properties': {'subnet': {'id': '%s'}}}]}}]}}}
                    """.formatted(id(ResourceTypes.SUBNET, "vnet", "nodes")));

            assertThat(graph(vm).ofType(ResourceTypes.VM_IP_CONFIGURATION)).extracting(r -> r.id().toString())
                    .containsExactly(id(ResourceTypes.VM_IP_CONFIGURATION, "vm1", "nic", "ipc"));
        }
    }

    @Nested
    class AksAgentPools {

        private final String subnet = id(ResourceTypes.SUBNET, "vnet", "aks");

        @Test
        void agentPoolProfilesBecomeAgentPoolsInTheShapeArmReturns() {
            Resource aks = resource(ResourceTypes.MANAGED_CLUSTER, "aks", """
                    {'properties': {'agentPoolProfiles': [
                      {'name': 'system', 'count': 3, 'vnetSubnetID': '%s', 'enableNodePublicIP': false}]}}
                    """.formatted(subnet));

            ResourceGraph g = graph(aks);

            Resource pool = find(g, id(ResourceTypes.AGENT_POOL, "aks", "system"));
            assertThat(pool.properties().get("vnetSubnetID")).isEqualTo(Value.of(subnet));
            assertThat(pool.properties().get("count")).isEqualTo(Value.of(3));
            assertThat(pool.body().get("name")).isEqualTo(Value.of("system"));
            assertThat(pool.provenance().locate("/properties/vnetSubnetID").file())
                    .isEqualTo("main.json#/properties/agentPoolProfiles/0/vnetSubnetID");
            assertThat(g.referencesTo(ResourceId.parse(subnet).orElseThrow())).extracting(r -> r.from().type())
                    .containsExactlyInAnyOrder(ResourceTypes.MANAGED_CLUSTER, ResourceTypes.AGENT_POOL);
        }

        @Test
        void aSeparatelyDeclaredAgentPoolReplacesTheInlineProfile() {
            Resource aks = resource(ResourceTypes.MANAGED_CLUSTER, "aks",
                    "{'properties': {'agentPoolProfiles': [{'name': 'agentpool', 'enableNodePublicIP': true}]}}");
            Resource pool = resource(ResourceTypes.AGENT_POOL, "aks/agentpool", "{'properties': {'count': 2}}");

            ResourceGraph g = graph(aks, pool);

            assertThat(g.ofType(ResourceTypes.AGENT_POOL)).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("agentpool");
                assertThat(p.properties().has("enableNodePublicIP")).isFalse();
            });
        }
    }

    @Nested
    class RouteTables {

        @Test
        void separatelyDeclaredRoutesJoinTheRouteTable() {
            Resource rt = resource(ResourceTypes.ROUTE_TABLE, "rt",
                    "{'properties': {'routes': [{'name': 'local', 'properties': {'addressPrefix': '10.0.0.0/8'}}]}}");
            Resource route = resource(ResourceTypes.ROUTE, "rt/default", """
                    {'properties': {'addressPrefix': '0.0.0.0/0', 'nextHopType': 'VirtualAppliance', 'nextHopIpAddress': '10.1.0.4'}}""");

            Resource table = find(graph(rt, route), rt.id().toString());

            assertThat(Bodies.at(table.body(), "/properties/routes/1/name")).isEqualTo(Value.of("default"));
            assertThat(Bodies.at(table.body(), "/properties/routes/1/properties/nextHopType")).isEqualTo(Value.of("VirtualAppliance"));
        }
    }

    @Test
    void normalisingTwiceChangesNothing() {
        Resource vnet = resource(VNET, "vnet", "{'properties': {'subnets': [{'name': 'a', 'properties': {}}]}}");
        List<Resource> once = Normalizer.normalize(List.of(vnet));

        assertThat(Normalizer.normalize(once)).extracting(Resource::id, Resource::name, Resource::body)
                .isEqualTo(once.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.name(), r.body())).toList());
        assertThat(once).hasSize(2);
    }
}
