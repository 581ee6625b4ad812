package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child id's hash is carried on from its parent's over the characters the child adds, and its
 * names list is made in one go: both must be what parsing the child's whole text gives, at any
 * depth, in any casing, with or without characters outside ASCII on either side (where
 * lower-casing the parts may differ from lower-casing the whole, as for a final sigma).
 */
class ResourceIdChildHashTest {

    private static final String[] PIECES = {"a", "B", "subnets", "IpConfigurations", "Σ", "ς", "σ", "İ", "i", "ı",
        "K", "\u212A", "x-1", "ΟΔΟΣ", "Ab", "z"};

    @Test
    void aChildHashesAndEqualsAsItsParsedText() {
        Random random = new Random(18);
        for (int round = 0; round < 2000; round++) {
            ResourceId id = ResourceId.of("S" + piece(random), "RG" + piece(random), "Microsoft.Network/virtualNetworks",
                    List.of(piece(random) + piece(random)));
            if (random.nextBoolean()) {
                // Hashed before its children are made, as the normaliser's index does; or not.
                id.hashCode();
            }
            int depth = 1 + random.nextInt(5);
            for (int d = 0; d < depth; d++) {
                ResourceId child = id.child(piece(random) + piece(random), piece(random) + piece(random));
                ResourceId parsed = ResourceId.parse(child.toString()).orElseThrow();
                ResourceId lowerCased = ResourceId.parse(child.toString().toLowerCase(java.util.Locale.ROOT)).orElseThrow();

                assertThat(child.hashCode()).as(child.toString()).isEqualTo(parsed.hashCode())
                        .isEqualTo(child.toString().toLowerCase(java.util.Locale.ROOT).hashCode());
                assertThat(child).isEqualTo(parsed).isEqualTo(lowerCased);
                assertThat(child.hashCode()).isEqualTo(lowerCased.hashCode());
                assertThat(child.names()).isEqualTo(parsed.names()).hasSize(d + 2);
                assertThat(child.type()).isEqualTo(parsed.type());
                assertThat(child.parent().orElseThrow()).isSameAs(id);
                id = child;
            }
        }
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)];
    }
}
