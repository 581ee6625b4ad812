package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapMarkdownTest {

    @Test
    void headingSummaryATablePerGroupThenOneDiagram() {
        String md = MapMarkdown.render(MapFixtures.handMade(), null);

        assertThat(md).startsWith("## Egress map\n\n6 nodes (1 firewall, 2 natGateway, 1 instancePublicIp, 1 defaultOutbound,"
                + " 1 unknown); 3 egress IPs, 1 not known yet.\n\n### cluster aks\n\n");
        assertThat(md).contains("### vnet prod\n\n| Node | Kind | Path | Via | Egress IPs | Bypassed |\n|---|---|---|---|---|---|\n"
                + "| agent-a | scaleSet | natGateway | nat-prod | 20.1.2.3/32, 20.9.8.0/30 | loadBalancer via lb/pool |\n"
                + "| agent-b | virtualMachine | natGateway | nat-prod | 20.1.2.3/32, 20.9.8.0/30 | - |\n");
        assertThat(md).contains("| jump | virtualMachine | instancePublicIp | jump-ip | assigned at deployment | - |\n");
        assertThat(md).contains("| fw-node | virtualMachine | firewall | to-fw | the firewall's public IPs | - |\n");
        assertThat(MermaidSubset.blocks(md)).hasSize(1);
        assertThat(md).doesNotContain("Changes since");
    }

    @Test
    void theDiagramGoesNodeSubnetExitInternet() {
        String diagram = MermaidSubset.blocks(MapMarkdown.render(MapFixtures.handMade(), null)).get(0);

        assertThat(MermaidSubset.problems(diagram)).isEmpty();
        // agent-a's subnet leaves through the NAT gateway, whose addresses go to the internet.
        assertThat(diagram).contains("    n5[\"agent-a #40;scaleSet#41;\"]\n", "  e5[\"NAT gateway nat-prod\"]\n",
                "  n5 --> s1\n", "  s1 -->|\"natGateway\"| e5\n", "  e5 -->|\"20.1.2.3/32, 20.9.8.0/30\"| inet");
        // An own public IP belongs to the node, not to the subnet it shares.
        assertThat(diagram).contains("  n2 -->|\"instancePublicIp\"| e2\n").doesNotContain("s1 -->|\"instancePublicIp\"|");
        // An unknown path has no edge to the internet; a node without a subnet goes to its exit.
        assertThat(diagram).contains("  n1 -->|\"unknown\"| e1\n").doesNotContain("e1 -->");
    }

    @Test
    void realTemplatesGiveTablesAndADiagramOfTheSubset() {
        for (String fixture : List.of("nat-cluster", "vm-public-ip", "lb-outbound", "aks")) {
            String md = MapMarkdown.render(MapFixtures.real(fixture), null);
            assertThat(MermaidSubset.blocks(md)).singleElement()
                    .satisfies(d -> assertThat(MermaidSubset.problems(d)).as(fixture).isEmpty());
        }
        String all = MapMarkdown.render(MapFixtures.allReal(), null);
        assertThat(all).contains("| shop/system | aksNodePool | loadBalancer | shop | assigned at deployment (2) | - |\n",
                "| web1 | virtualMachine | loadBalancer | web-lb/web-pool | assigned at deployment | - |\n",
                "| jumpbox | virtualMachine | instancePublicIp | jumpbox-ip | assigned at deployment | - |\n",
                "| build-agents | scaleSet | natGateway | build-nat | assigned at deployment | - |\n");
        assertThat(MermaidSubset.problems(MermaidSubset.blocks(all).get(0))).isEmpty();
    }

    @Test
    void hostileNamesBreakNeitherTheTablesNorTheDiagram() {
        String md = MapMarkdown.render(MapFixtures.hostile(), null);

        String diagram = MermaidSubset.blocks(md).get(0);
        assertThat(MermaidSubset.problems(diagram)).isEmpty();
        assertThat(diagram).doesNotContain("evil[", "%%", "<img", "`", "\u001b", "\u202e");
        String tables = md.substring(0, md.indexOf("```mermaid"));
        for (String line : tables.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| Node")) {
                // Six cells: every '|' from a name is escaped.
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line).isEqualTo(7);
            }
        }
        assertThat(tables).doesNotContain("<img", "\u001b", "\n::error", "\n%%");
        // The node named like a Mermaid keyword gets a generated id all the same.
        assertThat(diagram).contains("[\"end #40;networkInterface#41;\"]");
    }

    @Test
    void labelsAreOneLineCutAndEncoded() {
        assertThat(MapMermaid.label("a\"b\n c<d>|[e]`%;#")).isEqualTo("\"a#quot;b c#60;d#62;#124;#91;e#93;#96;#37;#59;#35;\"");
        assertThat(MapMermaid.label("x".repeat(200))).hasSize(MapMermaid.MAX_LABEL + 2).endsWith("…\"");
        assertThat(MapMermaid.label("Zürich 東京")).isEqualTo("\"Zürich 東京\"");
    }

    @Test
    void anEmptyMapHasASummaryAndNoDiagram() {
        assertThat(MapMarkdown.render(EgressMap.EMPTY, null)).isEqualTo("## Egress map\n\n0 nodes; 0 egress IPs.\n\n");
    }

    @Test
    void withAPreviousMapAChangesSinceSection() {
        MapDiff diff = MapDiff.between(MapFixtures.handMade(), MapDiffTest.moved(), "egress-map.json");

        String md = MapMarkdown.render(MapDiffTest.moved(), diff);

        assertThat(md).contains("### Changes since egress-map.json\n\n| Change | Egress IP | Group | Node |\n|---|---|---|---|\n"
                + "| added | 20.1.2.4/32 | vnet prod | agent-a |\n"
                + "| added | lb-ip: assigned at deployment | vnet prod | agent-b |\n"
                + "| removed | 20.1.2.3/32 | vnet prod | agent-a |\n");
        assertThat(md).contains("| Node | Group | Will change |\n|---|---|---|\n"
                + "| legacy | vnet ops | node removed (was defaultOutbound) |\n"
                + "| agent-b | vnet prod | natGateway via nat-prod -&gt; loadBalancer via lb/pool |\n");
        assertThat(MapMarkdown.render(MapFixtures.handMade(), MapDiff.between(MapFixtures.handMade(),
                MapFixtures.handMade(), "m.json"))).endsWith("### Changes since m.json\n\nNo changes.\n");
    }
}
