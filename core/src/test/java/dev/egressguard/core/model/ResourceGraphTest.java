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
}
