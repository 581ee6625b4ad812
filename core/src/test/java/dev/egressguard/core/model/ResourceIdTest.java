package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceIdTest {

    private static final String VNET = "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/Hub";

    @Test
    void aChildIsTheIdItsTextParsesToWhateverTheCasing() {
        ResourceId vnet = ResourceId.parse(VNET).orElseThrow();
        ResourceId child = vnet.child("Subnets", "Nodes");

        assertThat(child.toString()).isEqualTo(VNET + "/Subnets/Nodes");
        assertThat(child).isEqualTo(ResourceId.parse(VNET.toLowerCase() + "/subnets/nodes").orElseThrow())
                .hasSameHashCodeAs(ResourceId.parse(VNET.toUpperCase() + "/SUBNETS/NODES").orElseThrow());
        assertThat(child.type()).isEqualTo("Microsoft.Network/virtualNetworks/Subnets");
        assertThat(child.names()).containsExactly("Hub", "Nodes");
    }

    @Test
    void aParentIsTheIdItsTextParsesToAndIsKept() {
        ResourceId pool = ResourceId.parse(VNET.replace("virtualNetworks/Hub", "loadBalancers/LB")
                + "/backendAddressPools/Pool").orElseThrow();

        ResourceId lb = pool.parent().orElseThrow();

        assertThat(lb.toString()).endsWith("/providers/Microsoft.Network/loadBalancers/LB");
        assertThat(lb).isEqualTo(ResourceId.parse(lb.toString().toLowerCase()).orElseThrow());
        assertThat(lb.names()).containsExactly("LB");
        assertThat(lb.parent()).isEmpty();
        assertThat(pool.parent().orElseThrow()).isSameAs(lb);
    }

    @Test
    void outsideAsciiTheKeyIsTheWholeTextLowerCased() {
        // A capital sigma lower-cases by what follows it, and a dotted capital I grows to two
        // characters: keys made piece by piece must still equal the key of the whole text.
        ResourceId vnet = ResourceId.of("S", "RG", "Microsoft.Network/virtualNetworks", List.of("ΟΔΟΣ"));
        ResourceId subnet = vnet.child("subnets", "İç");
        ResourceId parsed = ResourceId.parse(subnet.toString()).orElseThrow();

        assertThat(subnet).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(subnet.parent().orElseThrow()).isEqualTo(vnet).hasSameHashCodeAs(vnet);
        ResourceId deeper = subnet.child("x", "y").parent().orElseThrow();
        assertThat(deeper).isEqualTo(subnet).hasSameHashCodeAs(subnet);
    }

    @Test
    void idsAreEqualWhenTheirLowerCasedTextsAre() {
        ResourceId ascii = ResourceId.parse("/subscriptions/s/providers/Microsoft.Network/natGateways/kat").orElseThrow();
        // The Kelvin sign lower-cases to an ASCII k.
        ResourceId kelvin = ResourceId.parse("/subscriptions/s/providers/Microsoft.Network/natGateways/\u212Aat").orElseThrow();
        ResourceId upper = ResourceId.parse("/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.NETWORK/NATGATEWAYS/KAT").orElseThrow();
        ResourceId other = ResourceId.parse("/subscriptions/s/providers/Microsoft.Network/natGateways/cat").orElseThrow();

        assertThat(kelvin).isEqualTo(ascii).hasSameHashCodeAs(ascii);
        assertThat(ascii).isEqualTo(kelvin).isEqualTo(upper).hasSameHashCodeAs(upper);
        assertThat(ascii.hashCode()).isEqualTo(ascii.toString().toLowerCase().hashCode());
        assertThat(ascii).isNotEqualTo(other);
        assertThat(kelvin).isNotEqualTo(other);
    }
}
