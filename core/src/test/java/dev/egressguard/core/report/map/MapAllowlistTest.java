package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.PublicIp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapAllowlistTest {

    private static final String HEAD = "# Egress Guard allowlist: the source addresses of these nodes, one CIDR per line.\n"
            + "# Lines that start with '#' are comments.\n";

    @Test
    void perGroupCidrsSortedAndUniqueAndCommentsForWhatHasNone() {
        assertThat(MapAllowlist.render(MapFixtures.handMade(), true)).isEqualTo(HEAD
                + "# cluster aks\n"
                + "# aks/sys: unknown: no CIDR until the path is known (outboundType depends on parameters('out'))\n"
                + "# vnet ops\n"
                + "# jump: instancePublicIp via jump-ip: address of jump-ip assigned at deployment (run egress map --live)\n"
                + "# fw-node: firewall via to-fw: no CIDR here, the firewall's public IPs decide\n"
                + "# legacy: defaultOutbound: no CIDR, Azure picks the address and may change it (give the subnet a NAT gateway)\n"
                + "# vnet prod\n"
                + "20.1.2.3/32\n"
                + "20.9.8.0/30\n");
    }

    @Test
    void forAllGroupsTheCidrsOnceThenTheCommentsNamingTheirGroup() {
        assertThat(MapAllowlist.render(MapFixtures.handMade(), false)).isEqualTo(HEAD
                + "20.1.2.3/32\n"
                + "20.9.8.0/30\n"
                + "# jump (vnet ops): instancePublicIp via jump-ip: address of jump-ip assigned at deployment (run egress map --live)\n"
                + "# fw-node (vnet ops): firewall via to-fw: no CIDR here, the firewall's public IPs decide\n"
                + "# legacy (vnet ops): defaultOutbound: no CIDR, Azure picks the address and may change it (give the subnet a NAT gateway)\n"
                + "# aks/sys (cluster aks): unknown: no CIDR until the path is known (outboundType depends on parameters('out'))\n");
    }

    @Test
    void addressesSortByNumberNotByText() {
        List<EgressNode> nodes = new ArrayList<>();
        for (String a : List.of("20.1.2.10", "20.1.2.9", "9.9.9.9", "20.1.2.9")) {
            nodes.add(MapFixtures.node("n" + a, dev.egressguard.core.egress.NodeKind.VIRTUAL_MACHINE, "vnet v",
                    dev.egressguard.core.egress.EgressPath.INSTANCE_PUBLIC_IP, null, List.of(MapFixtures.ip("ip" + a, a)),
                    List.of()));
        }
        assertThat(MapAllowlist.render(new EgressMap(nodes), true)).isEqualTo(HEAD + "# vnet v\n9.9.9.9/32\n20.1.2.9/32\n20.1.2.10/32\n");
    }

    @Test
    void templatesGiveNoMadeUpCidrs() {
        String list = MapAllowlist.render(MapFixtures.allReal(), true);

        assertThat(list.lines().filter(l -> !l.startsWith("#"))).isEmpty();
        assertThat(list).contains("# cluster shop\n# shop/system: loadBalancer via shop: address assigned at deployment"
                + " (run egress map --live)\n# vnet build-vnet\n"
                + "# build-agents: natGateway via build-nat: address of build-nat-ip assigned at deployment (run egress map --live)\n");
    }

    @Test
    void aHostileAddressOrNameNeverMakesALineThatIsNotACommentOrACidr() {
        String list = MapAllowlist.render(MapFixtures.hostile(), true);

        assertThat(list.lines()).allMatch(l -> l.startsWith("# ") || Cidrs.isCidr(l));
        assertThat(list.lines().filter(l -> !l.startsWith("#"))).isEmpty();
        assertThat(list).doesNotContain("\u001b", "\u202e", "\n0.0.0.0/0").contains("is not a CIDR; not listed");
        assertThat(MapAllowlist.render(MapFixtures.hostile(), false).lines()).allMatch(l -> l.startsWith("# "));
    }

    @Test
    void changesArePlusAndMinusLinesByAddressWithComments() {
        MapDiff diff = MapDiff.between(MapFixtures.handMade(), MapDiffTest.moved(), "egress-map.json");

        assertThat(MapAllowlist.renderChanges(diff, true)).isEqualTo(
                "# Egress Guard allowlist changes since egress-map.json\n"
                + "# '+cidr': allow this address before the change; '-cidr': no longer used after it.\n"
                + "# vnet ops\n"
                + "# legacy: node removed (was defaultOutbound)\n"
                + "# vnet prod\n"
                + "-20.1.2.3/32\n"
                + "+20.1.2.4/32\n"
                + "# + agent-b: new public IP lb-ip, address assigned at deployment (run egress map --live)\n"
                + "# will change: agent-b: natGateway via nat-prod -> loadBalancer via lb/pool\n");
        assertThat(MapAllowlist.renderChanges(diff, false)).contains("-20.1.2.3/32\n+20.1.2.4/32\n",
                "# will change: agent-b (vnet prod): natGateway via nat-prod -> loadBalancer via lb/pool\n");
        assertThat(MapAllowlist.renderChanges(MapDiff.between(MapFixtures.handMade(), MapFixtures.handMade(), "m.json"), true))
                .endsWith("# no changes\n");
    }

    @Test
    void cidrsAreCheckedStrictly() {
        assertThat(Cidrs.isCidr("20.1.2.3/32")).isTrue();
        assertThat(Cidrs.isCidr("2001:db8::1/128")).isTrue();
        assertThat(Cidrs.isCidr("256.1.2.3/32")).isFalse();
        assertThat(Cidrs.isCidr("1.2.3.4/33")).isFalse();
        assertThat(Cidrs.isCidr("1.2.3.4/32\n0.0.0.0/0")).isFalse();
        assertThat(Cidrs.isCidr("abc/12")).isFalse();
        assertThat(new PublicIp(null, "1.2.3.4\n0.0.0.0/0", null, null).cidr()).isNotNull();
    }
}
