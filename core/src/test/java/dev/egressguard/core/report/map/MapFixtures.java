package dev.egressguard.core.report.map;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.Bypassed;
import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.NodeKind;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.SourceLocation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Egress maps for the renderers' tests: hand-made ones, and real ones computed from the small
 * templates under {@code src/test/resources/egress-map/} through {@link EgressGuard#verify}.
 */
final class MapFixtures {

    static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";

    private MapFixtures() {
    }

    /** The run of one fixture directory (nat-cluster, vm-public-ip, lb-outbound, aks). */
    static Report verify(String fixture) {
        Path dir = dir(fixture);
        return EgressGuard.builder().projectRoot(dir).build().verify(List.of(dir));
    }

    static EgressMap real(String fixture) {
        return verify(fixture).egressMap();
    }

    /** All four fixtures' maps in one. */
    static EgressMap allReal() {
        return EgressMap.combined(List.of("nat-cluster", "vm-public-ip", "lb-outbound", "aks").stream()
                .map(MapFixtures::real).toList());
    }

    static Path dir(String fixture) {
        try {
            return Path.of(MapFixtures.class.getResource("/egress-map/" + fixture + "/main.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String rest) {
        return SUB + rest;
    }

    static PublicIp ip(String name, String address) {
        return new PublicIp(id("Microsoft.Network/publicIPAddresses/" + name), address, null,
                address == null ? "Azure assigns it at deployment; `egress map --live` reads it" : null);
    }

    static EgressNode node(String name, NodeKind kind, String group, EgressPath path, String via, List<PublicIp> ips,
                           List<Bypassed> bypassed) {
        return new EgressNode(id("Microsoft.Network/networkInterfaces/" + name + "-nic/ipConfigurations/ipconfig1"),
                kind, name, id("Microsoft.Network/virtualNetworks/vnet/subnets/nodes"), group,
                new SourceLocation("infra/main.json", 12, 5),
                new Egress(path, via, ips, null, "because of " + name, List.of(path)), bypassed);
    }

    /**
     * A live-style map: a NAT gateway group with a known address and a prefix, a VM with its own
     * IP, one whose address is assigned at deployment, an unknown one, a firewall one and one with
     * default outbound access.
     */
    static EgressMap handMade() {
        String nat = id("Microsoft.Network/natGateways/nat-prod");
        PublicIp natIp = ip("nat-ip", "20.1.2.3");
        PublicIp prefix = new PublicIp(id("Microsoft.Network/publicIPPrefixes/nat-prefix"), null, "20.9.8.0/30", null);
        EgressNode a = node("agent-a", NodeKind.SCALE_SET, "vnet prod", EgressPath.NAT_GATEWAY, nat,
                List.of(natIp, prefix), List.of(new Bypassed(EgressPath.LOAD_BALANCER,
                        id("Microsoft.Network/loadBalancers/lb/backendAddressPools/pool"))));
        EgressNode b = node("agent-b", NodeKind.VIRTUAL_MACHINE, "vnet prod", EgressPath.NAT_GATEWAY, nat,
                List.of(natIp, prefix), List.of());
        EgressNode jump = node("jump", NodeKind.VIRTUAL_MACHINE, "vnet ops", EgressPath.INSTANCE_PUBLIC_IP,
                id("Microsoft.Network/publicIPAddresses/jump-ip"), List.of(ip("jump-ip", null)), List.of());
        EgressNode fw = node("fw-node", NodeKind.VIRTUAL_MACHINE, "vnet ops", EgressPath.FIREWALL,
                id("Microsoft.Network/routeTables/to-fw"), List.of(), List.of());
        EgressNode dflt = node("legacy", NodeKind.NETWORK_INTERFACE, "vnet ops", EgressPath.DEFAULT_OUTBOUND, null,
                List.of(), List.of());
        EgressNode unknown = new EgressNode(id("Microsoft.ContainerService/managedClusters/aks/agentPools/sys"),
                NodeKind.AKS_NODE_POOL, "aks/sys", null, "cluster aks", SourceLocation.NONE,
                new Egress(EgressPath.UNKNOWN, null, List.of(), "outboundType depends on parameters('out')",
                        "outboundType depends on parameters('out')",
                        List.of(EgressPath.NAT_GATEWAY, EgressPath.LOAD_BALANCER)), List.of());
        return new EgressMap(List.of(a, b, jump, fw, dflt, unknown));
    }

    /** A name that tries every way out of a table cell, a Mermaid label, a comment line and a terminal line. */
    static final String HOSTILE = "x\"] --> evil[\"owned\"]\n%% c | `code` <img src=x onerror=alert(1)> #35; [a](b) ;\u001b[31m\n::error::x ##vso[task.setvariable]\u202e";

    /**
     * Nodes, groups, subnets and vias named {@link #HOSTILE}, and a public IP whose "address" (as a
     * live subscription or an edited previous map could give it) tries to add a second CIDR line.
     */
    static EgressMap hostile() {
        PublicIp bad = new PublicIp(id("Microsoft.Network/publicIPAddresses/" + HOSTILE), "1.2.3.4\n0.0.0.0/0", null, null);
        EgressNode n = new EgressNode(id("Microsoft.Network/networkInterfaces/" + HOSTILE + "/ipConfigurations/c"),
                NodeKind.VIRTUAL_MACHINE, HOSTILE, HOSTILE, "vnet " + HOSTILE, new SourceLocation(HOSTILE, 1, 1),
                new Egress(EgressPath.INSTANCE_PUBLIC_IP, HOSTILE, List.of(bad), null, HOSTILE,
                        List.of(EgressPath.INSTANCE_PUBLIC_IP)), List.of(new Bypassed(EgressPath.LOAD_BALANCER, HOSTILE)));
        EgressNode m = new EgressNode(id("Microsoft.Network/networkInterfaces/other/ipConfigurations/c"),
                NodeKind.NETWORK_INTERFACE, "end", HOSTILE, "", SourceLocation.NONE,
                new Egress(EgressPath.UNKNOWN, null, List.of(), HOSTILE, HOSTILE, List.of(EgressPath.NAT_GATEWAY)),
                List.of());
        return new EgressMap(List.of(n, m));
    }
}
