package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.egressguard.core.egress.EgressTemplates.graph;
import static dev.egressguard.core.egress.EgressTemplates.id;
import static dev.egressguard.core.egress.EgressTemplates.nic;
import static dev.egressguard.core.egress.EgressTemplates.pip;
import static dev.egressguard.core.egress.EgressTemplates.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The setting egressViaHub: routing no template holds (Virtual WAN routing intent, BGP default routes). */
class EgressViaHubTest {

    @TempDir
    Path dir;

    private static final String NAT = pip("ip", "Standard") + ", {\"type\": \"Microsoft.Network/natGateways\", \"apiVersion\":"
            + " \"2025-05-01\", \"name\": \"nat\", \"location\": \"westeurope\", \"sku\": {\"name\": \"Standard\"}, \"properties\":"
            + " {\"publicIpAddresses\": [" + id("Microsoft.Network/publicIPAddresses", "ip") + "]}}";

    private static String spoke(String name, String subnetProperties) {
        return "{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2025-05-01\", \"name\": \"" + name + "\","
                + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.2.0.0/16\"]},"
                + " \"subnets\": [{\"name\": \"workers\", \"properties\": {\"addressPrefix\": \"10.2.1.0/24\"" + subnetProperties + "}}]}}";
    }

    private static String routeTable(String properties) {
        return "{\"type\": \"Microsoft.Network/routeTables\", \"apiVersion\": \"2025-05-01\", \"name\": \"rt\","
                + " \"location\": \"westeurope\", \"properties\": {" + properties + "}}";
    }

    @Test
    void theSettingIsTrueAListOfNamesOrIdsOrNothing() {
        ResourceId spoke = ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/Spoke-A").orElseThrow();
        ResourceId other = ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other").orElseThrow();

        assertThat(EgressOptions.fromSettings(Map.of("EgressViaHub", "TRUE")).viaHub(other)).isTrue();
        assertThat(EgressOptions.fromSettings(Map.of("egressViaHub", " spoke-a , spoke-b")).viaHub(spoke)).isTrue();
        assertThat(EgressOptions.fromSettings(Map.of("egressViaHub", "spoke-a,spoke-b")).viaHub(other)).isFalse();
        assertThat(EgressOptions.fromSettings(Map.of("egressViaHub", spoke.toString().toUpperCase())).viaHub(spoke)).isTrue();
        assertThat(EgressOptions.fromSettings(Map.of("egressViaHub", "false"))).isEqualTo(EgressOptions.NONE);
        assertThat(EgressOptions.fromSettings(Map.of("allowFirewallEgress", "true"))).isEqualTo(EgressOptions.NONE);
    }

    @Test
    void aDeclaredSpokesSubnetAndNodesLeaveThroughTheHubFirewallBypassingItsNatGateway() {
        ResourceGraph g = graph(dir, "[" + NAT + ", " + spoke("spoke-a", ", \"natGateway\": " + id("Microsoft.Network/natGateways", "nat"))
                + ", " + nic("n", "spoke-a", "workers") + "]");
        EgressModel model = EgressModel.of(g, EgressOptions.parse("spoke-a"));

        EgressView subnet = view(model, g, "spoke-a/subnets/workers");
        assertThat(subnet.egress().path()).isEqualTo(EgressPath.FIREWALL);
        assertThat(subnet.egress().reason()).endsWith("declared by configuration (egressViaHub)");
        assertThat(subnet.egress().via()).endsWith("virtualNetworks/spoke-a");
        assertThat(subnet.bypassed()).extracting(Bypassed::path).containsExactly(EgressPath.NAT_GATEWAY);
        EgressNode node = model.nodes().get(0);
        assertThat(node.egress().path()).isEqualTo(EgressPath.FIREWALL);
        assertThat(node.egress().reason()).contains("declared by configuration (egressViaHub)");
    }

    @Test
    void withoutTheSettingTheTemplateDecidesAndEachOptionsHasItsOwnModel() {
        ResourceGraph g = graph(dir, "[" + NAT + ", " + spoke("spoke-a", ", \"natGateway\": " + id("Microsoft.Network/natGateways", "nat"))
                + "]");

        assertThat(view(EgressModel.of(g), g, "spoke-a/subnets/workers").egress().path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(view(EgressModel.of(g, EgressOptions.parse("true")), g, "spoke-a/subnets/workers").egress().path())
                .isEqualTo(EgressPath.FIREWALL);
        assertThat(EgressModel.of(g, EgressOptions.parse("true"))).isSameAs(EgressModel.of(g, EgressOptions.parse("TRUE")));
        assertThat(EgressModel.of(g)).isSameAs(EgressModel.of(g, EgressOptions.NONE));
    }

    @Test
    void theSubnetsOwnDefaultRouteDecidesOverTheHubs() {
        String internet = routeTable("\"routes\": [{\"name\": \"out\", \"properties\": {\"addressPrefix\": \"0.0.0.0/0\","
                + " \"nextHopType\": \"Internet\"}}]");
        ResourceGraph g = graph(dir, "[" + NAT + ", " + internet + ", " + spoke("spoke-a", ", \"natGateway\": "
                + id("Microsoft.Network/natGateways", "nat") + ", \"routeTable\": " + id("Microsoft.Network/routeTables", "rt")) + "]");

        assertThat(view(EgressModel.of(g, EgressOptions.parse("true")), g, "spoke-a/subnets/workers").egress().path())
                .isEqualTo(EgressPath.NAT_GATEWAY);
    }

    @Test
    void aRouteTableWithoutADefaultRouteLeavesTheHubsRouteInPlace() {
        String onPrem = routeTable("\"routes\": [{\"name\": \"onprem\", \"properties\": {\"addressPrefix\": \"192.168.0.0/16\","
                + " \"nextHopType\": \"VirtualNetworkGateway\"}}]");
        ResourceGraph g = graph(dir, "[" + onPrem + ", " + spoke("spoke-a", ", \"routeTable\": "
                + id("Microsoft.Network/routeTables", "rt")) + "]");

        assertThat(view(EgressModel.of(g, EgressOptions.parse("true")), g, "spoke-a/subnets/workers").egress().path())
                .isEqualTo(EgressPath.FIREWALL);
    }

    @Test
    void bgpRoutePropagationSwitchedOffMakesTheDeclaredHubUnknown() {
        ResourceGraph g = graph(dir, "[" + routeTable("\"disableBgpRoutePropagation\": true") + ", "
                + spoke("spoke-a", ", \"routeTable\": " + id("Microsoft.Network/routeTables", "rt")) + "]");

        Egress subnet = view(EgressModel.of(g, EgressOptions.parse("spoke-a")), g, "spoke-a/subnets/workers").egress();
        assertThat(subnet.path()).isEqualTo(EgressPath.UNKNOWN);
        assertThat(subnet.possible()).contains(EgressPath.FIREWALL, EgressPath.DEFAULT_OUTBOUND);
        assertThat(subnet.reason()).contains("disableBgpRoutePropagation: true");
    }
}
