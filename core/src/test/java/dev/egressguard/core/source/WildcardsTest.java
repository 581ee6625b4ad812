package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardsTest {

    @Test
    void starTakesAnyRunIncludingSlashesAndNothing() {
        assertThat(Wildcards.matches("Microsoft.Network/*", "microsoft.network/natGateways", false)).isTrue();
        assertThat(Wildcards.matches("*/subnets/*", "/x/virtualNetworks/v/subnets/a", false)).isTrue();
        assertThat(Wildcards.matches("a*b*c", "abc", false)).isTrue();
        assertThat(Wildcards.matches("a*b*c", "abx", false)).isFalse();
        assertThat(Wildcards.matches("", "", false)).isTrue();
        assertThat(Wildcards.matches("", "a", false)).isFalse();
    }

    @Test
    void questionMarkIsOneCharacterOnlyWhenAskedFor() {
        assertThat(Wildcards.matches("vnet-?", "VNET-1", true)).isTrue();
        assertThat(Wildcards.matches("vnet-?", "vnet-12", true)).isFalse();
        assertThat(Wildcards.matches("vnet-?", "vnet-1", false)).isFalse();
        assertThat(Wildcards.matches("vnet-?", "vnet-?", false)).isTrue();
    }

    @Test
    void manyStarsDoNotBacktrackForever() {
        String pattern = "Microsoft.Network" + "*".repeat(5_000) + "/natGateways";
        assertThat(Wildcards.matches(pattern, "Microsoft.Network/" + "x".repeat(5_000), false)).isFalse();
    }
}
