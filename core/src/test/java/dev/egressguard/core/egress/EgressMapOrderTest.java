package dev.egressguard.core.egress;

import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EgressMap#combined} puts the nodes of every template of a run in one order: exactly
 * a stable sort by {@link String#CASE_INSENSITIVE_ORDER}, for ASCII ids, ids that differ
 * only in case, and ids with letters outside ASCII whose case folds unlike ASCII's; and the same
 * order when each template's map was sorted where it was checked ({@link EgressMap#ofTemplate}).
 */
class EgressMapOrderTest {

    private static final String[] PARTS = {"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/", "a", "A",
        "b", "Z", "z", "_", "-", "0", "9", "[", "`", "\u00e9", "\u00c9", "\u0130", "i", "I", "\u0131", "\u00df", "SS",
        "\u212a", "k", "K", "\u03a3", "\u03c3", "\u03c2", "/"};

    @Test
    void theNodesOfAllMapsComeInCaseInsensitiveOrderAndEqualIdsKeepTheirOrder() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            List<EgressMap> maps = new ArrayList<>();
            List<EgressMap> templateMaps = new ArrayList<>();
            List<EgressNode> expected = new ArrayList<>();
            int count = random.nextInt(4);
            for (int m = 0; m <= count; m++) {
                List<EgressNode> nodes = new ArrayList<>();
                int n = random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    StringBuilder id = new StringBuilder();
                    int parts = 1 + random.nextInt(5);
                    for (int p = 0; p < parts; p++) {
                        id.append(PARTS[random.nextInt(random.nextInt(4) == 0 ? PARTS.length : 12)]);
                    }
                    nodes.add(node(id.toString(), m * 100 + i));
                }
                maps.add(new EgressMap(nodes));
                templateMaps.add(EgressMap.ofTemplate(nodes));
                expected.addAll(nodes);
            }
            expected.sort(Comparator.comparing(EgressNode::id, String.CASE_INSENSITIVE_ORDER));

            // Maps sorted where their template was checked (ofTemplate) combine into the same order.
            for (List<EgressMap> parts : List.of(maps, templateMaps)) {
                List<EgressNode> combined = EgressMap.combined(parts).nodes();

                assertThat(combined).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(combined.get(i)).as("position %d of %s", i, expected.stream().map(EgressNode::id).toList())
                            .isSameAs(expected.get(i));
                }
            }
        }
    }

    private static EgressNode node(String id, int number) {
        return new EgressNode(id, NodeKind.VIRTUAL_MACHINE, "vm" + number, null, null, SourceLocation.NONE,
                new Egress(EgressPath.NAT_GATEWAY, null, List.of(), null, "test", List.of(EgressPath.NAT_GATEWAY)), List.of());
    }
}
