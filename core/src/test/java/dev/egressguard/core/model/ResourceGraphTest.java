package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.model.Bodies4Test.id;
import static dev.egressguard.core.model.Bodies4Test.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceGraphTest {

    @Test
    void referencesAreIdPropertiesAndCamelCaseIdProperties() {
        assertThat(ResourceGraph.isReferenceKey("id")).isTrue();
        assertThat(ResourceGraph.isReferenceKey("Id")).isTrue();
        assertThat(ResourceGraph.isReferenceKey("vnetSubnetID")).isTrue();
        assertThat(ResourceGraph.isReferenceKey("subnetId")).isTrue();
        assertThat(ResourceGraph.isReferenceKey("valid")).isFalse();
        assertThat(ResourceGraph.isReferenceKey("GUID")).isFalse();
        assertThat(ResourceGraph.isReferenceKey("name")).isFalse();
    }

    @Test
    void aResourcesOwnIdInItsBodyIsNotAReference() {
        String subnet = id(ResourceTypes.SUBNET, "vnet", "a");
        Resource live = resource(ResourceTypes.VIRTUAL_NETWORK, "vnet",
                "{'id': '%s', 'properties': {'subnets': [{'id': '%s'}]}}".formatted(id(ResourceTypes.VIRTUAL_NETWORK, "vnet"), subnet));

        ResourceGraph g = ResourceGraph.of(List.of(live));

        assertThat(g.referencesFrom(live)).extracting(r -> r.target().toString()).containsExactly(subnet);
    }

    @Test
    void aReferenceIsFoundWhateverTheCasingOfItsKeyAndId() {
        Resource vnet = resource(ResourceTypes.VIRTUAL_NETWORK, "vnet", "{}");
        Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic",
                "{'properties': {'X': {'ID': '%s'}}}".formatted(id(ResourceTypes.VIRTUAL_NETWORK, "VNet").toUpperCase()));

        ResourceGraph g = ResourceGraph.of(List.of(vnet, nic));

        assertThat(g.referencesTo(vnet.id())).extracting(r -> r.from().name()).containsExactly("nic");
    }

    @Test
    void anIdThatIsUnknownBeforeDeploymentIsAnUnknownReferenceNotAReference() {
        Resource subnet = resource(ResourceTypes.SUBNET, "vnet/a", "{}");
        Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic",
                "{'properties': {'ipConfigurations': [{'properties': {'subnet': {'id': '<unknown>'}}}]}}");

        ResourceGraph g = ResourceGraph.of(List.of(subnet, nic));

        assertThat(g.referencesFrom(nic)).isEmpty();
        assertThat(g.resourcesWithUnknownReferences()).containsExactly(nic);
        assertThat(g.unknownReferencesFrom(nic)).singleElement().satisfies(u -> {
            assertThat(u.pointer()).isEqualTo("/properties/ipConfigurations/0/properties/subnet/id");
            assertThat(u.value().describe()).isEqualTo("depends on reference('vnet').outputs.subnetId at main.json:42:7");
        });
        assertThat(g.unknownReferencesFrom(subnet)).isEmpty();
    }

    @Test
    void anIdTextIsParsedOnceAndLookedUpByTheRulesLikeAnyOther() {
        String subnetId = id(ResourceTypes.SUBNET, "vnet", "a");
        Resource nic = resource(ResourceTypes.NETWORK_INTERFACE, "nic",
                "{'properties': {'ipConfigurations': [{'properties': {'subnet': {'id': '%s'}}}]}}".formatted(subnetId));

        ResourceGraph g = ResourceGraph.of(List.of(nic));

        assertThat(g.idOf(subnetId)).containsSame(g.referencesFrom(nic).get(0).target());
        assertThat(g.idOf(subnetId.toUpperCase())).contains(g.referencesFrom(nic).get(0).target());
        assertThat(g.idOf("not an id")).isEmpty();
    }

    /**
     * The graph keeps, by instance, the resource each reference's id names: finding by that
     * instance, by an equal id spelled otherwise and by an id of no resource answers as the index
     * by id does, and every reference is under its target's own id however it is spelled.
     */
    @Test
    void referenceTargetsAreFoundByTheParsedIdAndByAnyEqualId() {
        Resource vnet = resource(ResourceTypes.VIRTUAL_NETWORK, "vnet", "{}");
        String upper = id(ResourceTypes.VIRTUAL_NETWORK, "VNet").toUpperCase();
        String missing = id(ResourceTypes.VIRTUAL_NETWORK, "other");
        Resource a = resource(ResourceTypes.NETWORK_INTERFACE, "a", "{'properties': {'x': {'id': '%s'}}}".formatted(upper));
        Resource b = resource(ResourceTypes.NETWORK_INTERFACE, "b",
                "{'properties': {'x': {'id': '%s'}, 'y': {'id': '%s'}}}".formatted(upper, missing));

        ResourceGraph g = ResourceGraph.of(List.of(vnet, a, b));

        ResourceId parsed = g.idOf(upper).orElseThrow();
        assertThat(g.referencesFrom(a).get(0).target()).isSameAs(parsed);
        assertThat(g.find(parsed)).containsSame(vnet);
        assertThat(g.find(ResourceId.parse(upper).orElseThrow())).containsSame(vnet);
        assertThat(g.find(vnet.id())).containsSame(vnet);
        assertThat(g.find(g.idOf(missing).orElseThrow())).isEmpty();
        assertThat(g.find(ResourceId.parse(missing).orElseThrow())).isEmpty();
        assertThat(g.referencesTo(vnet.id())).extracting(r -> r.from().name()).containsExactly("a", "b");
        assertThat(g.referencesTo(parsed)).extracting(r -> r.from().name()).containsExactly("a", "b");
        assertThat(g.referencesTo(ResourceId.parse(missing).orElseThrow())).extracting(r -> r.from().name()).containsExactly("b");
        assertThat(g.danglingReferencesTo(ResourceTypes.VIRTUAL_NETWORK)).extracting(r -> r.from().name()).containsExactly("b");
    }
}
