package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapConsoleTest {

    @Test
    void aCompactTablePerGroupThenTheSummary() {
        List<String> lines = MapConsole.lines(MapFixtures.handMade(), null, false);

        assertThat(lines).containsSubsequence(
                "vnet prod",
                "  NODE     KIND            PATH        VIA       EGRESS IPS                BYPASSED",
                "  agent-a  scaleSet        natGateway  nat-prod  20.1.2.3/32, 20.9.8.0/30  loadBalancer via lb/pool",
                "  agent-b  virtualMachine  natGateway  nat-prod  20.1.2.3/32, 20.9.8.0/30  -",
                "",
                "Egress map: 6 nodes (1 firewall, 2 natGateway, 1 instancePublicIp, 1 defaultOutbound, 1 unknown);"
                        + " 3 egress IPs, 1 not known yet");
        assertThat(String.join("\n", lines)).doesNotContain("\u001b");
    }

    @Test
    void colourOnlyWhenAsked() {
        String coloured = MapConsole.render(MapFixtures.handMade(), null, true);

        assertThat(coloured).contains("\u001b[32mnatGateway  \u001b[0m", "\u001b[1;31minstancePublicIp  \u001b[0m",
                "\u001b[1mEgress map:\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(MapConsole.render(MapFixtures.handMade(), null, false));
    }

    @Test
    void realTemplates() {
        assertThat(MapConsole.lines(MapFixtures.allReal(), null, false)).contains(
                "  shop/system  aksNodePool  loadBalancer  shop  assigned at deployment (2)  -",
                "  jumpbox  virtualMachine  instancePublicIp  jumpbox-ip  assigned at deployment  -");
    }

    @Test
    void hostileNamesReachTheTerminalAsVisibleEscapes() {
        List<String> lines = MapConsole.lines(MapFixtures.hostile(), null, false);

        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\u001b", "\u202e", "\n", "\r")
                .doesNotStartWith("::").doesNotContain("##vso["));
        assertThat(lines).anyMatch(l -> l.contains("\\n%% c"));
        // A cell is cut: one long name does not push the table off the screen.
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(6 * (MapConsole.MAX_CELL + 2) + 2));
    }

    @Test
    void withAPreviousMapTheChanges() {
        MapDiff diff = MapDiff.between(MapFixtures.handMade(), MapDiffTest.moved(), "egress-map.json");

        assertThat(MapConsole.lines(MapDiffTest.moved(), diff, false)).containsSubsequence(
                "Changes since egress-map.json:",
                "  + 20.1.2.4/32  (vnet prod, agent-a)",
                "  + lb-ip: assigned at deployment  (vnet prod, agent-b)",
                "  - 20.1.2.3/32  (vnet prod, agent-a)",
                "  ~ legacy (vnet ops): node removed (was defaultOutbound)",
                "  ~ agent-b (vnet prod): natGateway via nat-prod -> loadBalancer via lb/pool");
        assertThat(MapConsole.lines(EgressMap.EMPTY, MapDiff.between(EgressMap.EMPTY, EgressMap.EMPTY, "m.json"), false))
                .containsExactly("Egress map: 0 nodes; 0 egress IPs", "", "No changes since m.json.");
    }
}
