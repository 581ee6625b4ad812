package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

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

    /** The parser as it was written with {@code split}: the offsets-based one must read every text as it did. */
    private static Optional<List<Object>> splitParse(String text) {
        String s = text.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (!s.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = s.substring(1).split("/", -1);
        int i = 0;
        String sub = null;
        String group = null;
        if (i + 1 < parts.length && parts[i].equalsIgnoreCase("subscriptions")) {
            sub = parts[i + 1];
            i += 2;
            if (i + 1 < parts.length && parts[i].equalsIgnoreCase("resourceGroups")) {
                group = parts[i + 1];
                i += 2;
            }
        }
        int providers = -1;
        for (int j = parts.length - 1; j >= i; j--) {
            int rest = parts.length - j - 1;
            if (parts[j].equalsIgnoreCase("providers") && rest >= 3 && rest % 2 == 1) {
                providers = j;
                break;
            }
        }
        if (providers < 0) {
            if (i == parts.length && sub != null) {
                String t = group != null ? "Microsoft.Resources/resourceGroups" : "Microsoft.Resources/subscriptions";
                return Optional.of(Arrays.asList(s, sub, group, t, List.of(group != null ? group : sub)));
            }
            return Optional.empty();
        }
        StringBuilder fullType = new StringBuilder(parts[providers + 1]);
        List<String> names = new ArrayList<>();
        for (int j = providers + 2; j + 1 < parts.length; j += 2) {
            fullType.append('/').append(parts[j]);
            names.add(parts[j + 1]);
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(Arrays.asList(s, sub, group, fullType.toString(), names));
    }

    @Test
    void parsesEveryTextAsTheSplittingParserDid() {
        String[] segments = {"subscriptions", "SUBSCRIPTIONS", "s", "resourceGroups", "resourcegroups", "g", "providers",
                "Providers", "Microsoft.Network", "virtualNetworks", "v", "subnets", "", " ", "a b", "\u212Aey"};
        Random random = new Random(18);
        List<String> texts = new ArrayList<>(List.of("", "/", "//", " / ", "x", "/subscriptions/s", "/subscriptions/s/",
                "/subscriptions//resourceGroups/g", "/subscriptions/s/resourceGroups/g/", "/providers/a/b/c",
                "/providers/a/b/c/ /", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/x",
                "/subscriptions/s/providers/A/b/c/providers/D/e/f", "/subscriptions/s/providers/A/b//providers/D/e/f"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder(random.nextInt(10) == 0 ? " " : "");
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                sb.append(random.nextInt(20) == 0 ? "" : "/").append(segments[random.nextInt(segments.length)]);
            }
            sb.append(random.nextInt(5) == 0 ? "/" : "");
            texts.add(sb.toString());
        }
        int ids = 0;
        for (String text : texts) {
            Optional<List<Object>> want = splitParse(text);
            Optional<ResourceId> got = ResourceId.parse(text);
            assertThat(got.isPresent()).as(text).isEqualTo(want.isPresent());
            if (got.isPresent()) {
                ids++;
                ResourceId id = got.get();
                assertThat(Arrays.asList(id.toString(), id.subscriptionId(), id.resourceGroup(), id.type(), id.names()))
                        .as(text).isEqualTo(want.get());
            }
        }
        assertThat(ids).isGreaterThan(100);
    }
}
