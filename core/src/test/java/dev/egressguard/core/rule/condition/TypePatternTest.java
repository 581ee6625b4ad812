package dev.egressguard.core.rule.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain type matches exactly the types equal to it ignoring case (its length decided first), a
 * text with {@code *} any run there; the texts read back as given.
 */
class TypePatternTest {

    private static final List<String> TYPES = List.of("Microsoft.Network/virtualNetworks/subnets",
            "microsoft.network/VIRTUALNETWORKS/subnets", "Microsoft.Network/virtualNetworks", "Microsoft.Network/natGateways",
            "Microsoft.Network/virtualNetworks/subnetsX", "", "*", "\u212Aey/a", "Key/a", "KEY/A");

    @Test
    void plainTextsMatchTheTypesEqualToThemIgnoringCase() {
        for (String text : TYPES) {
            if (text.contains("*")) {
                continue;
            }
            TypePattern pattern = TypePattern.of(List.of("Other/type", text));
            for (String type : TYPES) {
                assertThat(pattern.matches(type)).as("'%s' ~ '%s'", text, type).isEqualTo(text.equalsIgnoreCase(type));
            }
        }
        assertThat(TypePattern.of(List.of("Microsoft.Network/natGateways")).matches(null)).isFalse();
    }

    @Test
    void aStarMatchesAnyRunAndTheTextsReadBackAsGiven() {
        TypePattern network = TypePattern.of(List.of("Other/type", "microsoft.network/*"));
        assertThat(network.matches("Microsoft.Network/virtualNetworks/subnets")).isTrue();
        assertThat(network.matches("Microsoft.Network")).isFalse();
        assertThat(TypePattern.ANY.matches("")).isTrue();
        assertThat(TypePattern.ANY.matches("*")).isTrue();
        assertThat(network.texts()).containsExactly("Other/type", "microsoft.network/*");
        assertThat(network).isEqualTo(TypePattern.of(List.of("Other/type", "microsoft.network/*")));
        assertThat(network.toString()).isEqualTo("Other/type or microsoft.network/*");
    }
}
