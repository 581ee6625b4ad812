package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("rule", "resource", "justification", "expires");

    @Test
    void aTypoWithinTwoEditsGetsTheKnownWord() {
        assertThat(DidYouMean.closest("justifcation", KEYS)).contains("justification");
        assertThat(DidYouMean.closest("Expire", KEYS)).contains("expires");
        assertThat(DidYouMean.closest("rsource", KEYS)).contains("resource");
    }

    @Test
    void aWordFarFromEveryKnownOneGetsNothing() {
        assertThat(DidYouMean.closest("owner", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of())).isEmpty();
    }

    @Test
    void theDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("rule", "rule")).isZero();
    }
}
