package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.rule.Resources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Lookup#children} indexes only the types it is asked for, at the first ask; {@link
 * EgressModel#view} keeps its last answer by instance. Both must answer as before: children of the
 * type in any casing, in graph order, of that parent only; views as {@link EgressModel#viewOf}.
 */
class LookupChildrenAndViewsTest {

    private static Resource r(String relativeId) {
        return Resources.resource(relativeId, "{'properties': {}}");
    }

    @Test
    void childrenOfATypeInGraphOrderOfTheirParentOnly() {
        Resource table = r("Microsoft.Network/routeTables/rt");
        Resource other = r("Microsoft.Network/routeTables/other");
        Resource first = r("Microsoft.Network/routeTables/rt/routes/b");
        Resource elsewhere = r("Microsoft.Network/routeTables/other/routes/c");
        Resource shouted = Resources.resource("MICROSOFT.NETWORK/ROUTETABLES/rt/ROUTES/a", "{}");
        ResourceGraph graph = ResourceGraph.of(List.of(first, table, elsewhere, other, shouted));
        Lookup lookup = new Lookup(graph);

        List<Resource> routes = lookup.children(table, ResourceTypes.ROUTE);

        assertThat(routes).extracting(Resource::name).containsExactly("b", "a");
        assertThat(lookup.children(other, ResourceTypes.ROUTE)).extracting(Resource::name).containsExactly("c");
        assertThat(lookup.children(first, ResourceTypes.ROUTE)).isEmpty();
        assertThat(lookup.children(table, ResourceTypes.LB_RULE)).isEmpty();
        // A caller may keep or change what it was given: the index is not handed out.
        routes.clear();
        assertThat(lookup.children(table, ResourceTypes.ROUTE)).hasSize(2);
    }

    @Test
    void sentencesAreTheirPartsJoined() {
        assertThat(Lookup.sentence("subnet 'a'", " leaves through ", "natGateway 'n'", "")).isEqualTo(
                "subnet 'a' leaves through natGateway 'n'");
    }

    @Test
    void viewsAskedInAnyOrderAreTheModelsViews() {
        List<Resource> resources = new ArrayList<>();
        resources.add(Resources.resource("Microsoft.Network/virtualNetworks/vnet/subnets/s1", "{'properties': {}}"));
        resources.add(Resources.resource("Microsoft.Network/virtualNetworks/vnet/subnets/s2", "{'properties': {}}"));
        resources.add(r("Microsoft.Network/natGateways/nat"));
        ResourceGraph graph = ResourceGraph.of(resources);
        EgressModel model = EgressModel.of(graph);
        for (int round = 0; round < 3; round++) {
            for (Resource a : resources) {
                for (Resource b : resources) {
                    assertThat(model.view(a)).isSameAs(model.viewOf(a).orElse(null));
                    assertThat(model.view(b)).isSameAs(model.viewOf(b).orElse(null));
                    assertThat(model.view(b)).isSameAs(model.viewOf(b).orElse(null));
                }
            }
        }
        assertThat(model.view(resources.get(0))).isNotNull().isNotSameAs(model.view(resources.get(1)));
        assertThat(model.view(resources.get(2))).isNull();
    }
}
