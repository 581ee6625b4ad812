package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.PublicIp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapDiffTest {

    /**
     * The hand-made map after a change: the NAT gateway's IP has a new address, agent-b moves to a
     * load balancer, legacy goes and a new node comes.
     */
    static EgressMap moved() {
        List<EgressNode> nodes = new ArrayList<>();
        PublicIp newAddress = MapFixtures.ip("nat-ip", "20.1.2.4");
        PublicIp prefix = new PublicIp(MapFixtures.id("Microsoft.Network/publicIPPrefixes/nat-prefix"), null, "20.9.8.0/30", null);
        for (EgressNode n : MapFixtures.handMade().nodes()) {
            switch (n.name()) {
                case "agent-a" -> nodes.add(with(n, new Egress(EgressPath.NAT_GATEWAY, n.egress().via(),
                        List.of(newAddress, prefix), null, "r", List.of(EgressPath.NAT_GATEWAY))));
                case "agent-b" -> nodes.add(with(n, new Egress(EgressPath.LOAD_BALANCER,
                        MapFixtures.id("Microsoft.Network/loadBalancers/lb/backendAddressPools/pool"),
                        List.of(MapFixtures.ip("lb-ip", null)), null, "r", List.of(EgressPath.LOAD_BALANCER))));
                case "legacy" -> { }
                default -> nodes.add(n);
            }
        }
        return new EgressMap(nodes);
    }

    private static EgressNode with(EgressNode n, Egress e) {
        return new EgressNode(n.id(), n.kind(), n.name(), n.subnet(), n.group(), n.location(), e, n.bypassed());
    }

    @Test
    void ipsThatAppearAndGoAndNodesWhosePathChanges() {
        MapDiff diff = MapDiff.between(MapFixtures.handMade(), moved(), "before.json");

        assertThat(diff.since()).isEqualTo("before.json");
        assertThat(diff.appeared()).extracting(MapDiff.IpChange::cidr).containsExactly("20.1.2.4/32", null);
        assertThat(diff.appeared().get(1).ip().id()).endsWith("/lb-ip");
        assertThat(diff.disappeared()).extracting(MapDiff.IpChange::cidr).containsExactly("20.1.2.3/32");
        assertThat(diff.changed()).extracting(MapDiff.NodeChange::name, MapDiff.NodeChange::describe).containsExactly(
                org.assertj.core.groups.Tuple.tuple("legacy", "node removed (was defaultOutbound)"),
                org.assertj.core.groups.Tuple.tuple("agent-b", "natGateway via nat-prod -> loadBalancer via lb/pool"));
    }

    @Test
    void theSameMapHasNoChanges() {
        assertThat(MapDiff.between(MapFixtures.handMade(), MapFixtures.handMade(), "x").isEmpty()).isTrue();
    }

    /** A live map (addresses known) against the template map of the same resources: no change is made up. */
    @Test
    void anAddressNotKnownYetIsTheSameIpNotAChange() {
        EgressMap template = MapFixtures.real("nat-cluster");
        List<EgressNode> live = new ArrayList<>();
        for (EgressNode n : template.nodes()) {
            List<PublicIp> ips = n.egress().publicIps().stream()
                    .map(ip -> new PublicIp(ip.id().toUpperCase(java.util.Locale.ROOT), "51.0.0.7", null, null)).toList();
            live.add(with(n, new Egress(n.egress().path(), n.egress().via().toUpperCase(java.util.Locale.ROOT), ips, null,
                    n.egress().reason(), n.egress().possible())));
        }

        assertThat(MapDiff.between(new EgressMap(live), template, "live.json").isEmpty()).isTrue();
        MapDiff back = MapDiff.between(template, new EgressMap(live), "template.json");
        assertThat(back.changed()).isEmpty();
        assertThat(back.appeared()).isEmpty();
    }

    @Test
    void aNewTemplateNodeIsNewWithItsPath() {
        MapDiff diff = MapDiff.between(MapFixtures.real("nat-cluster"), MapFixtures.allReal(), "m.json");

        assertThat(diff.changed()).extracting(MapDiff.NodeChange::describe).containsExactlyInAnyOrder(
                "new node: loadBalancer via shop", "new node: instancePublicIp via jumpbox-ip",
                "new node: loadBalancer via web-lb/web-pool");
        assertThat(diff.disappeared()).isEmpty();
    }
}
