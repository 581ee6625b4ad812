package dev.egressguard.core.report.suppression;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @Test
    void starSpansSlashesQuestionMarkIsOneCharacterCaseIsIgnored() {
        assertThat(new Glob("*/virtualNetworks/legacy-*/subnets/*").matches(Fixtures.LEGACY_ID)).isTrue();
        assertThat(new Glob("*/VIRTUALNETWORKS/LEGACY-VNET/*").matches(Fixtures.LEGACY_ID)).isTrue();
        assertThat(new Glob("*/virtualNetworks/legacy-*/subnets/*").matches(Fixtures.NODES_ID)).isFalse();
        assertThat(new Glob("work?rs").matches("workers")).isTrue();
        assertThat(new Glob("work?rs").matches("workrs")).isFalse();
        assertThat(new Glob("nodes").matches("nodes2")).isFalse();
        assertThat(new Glob("*").matches("")).isFalse();
        assertThat(new Glob("a.b+c(d)").matches("a.b+c(d)")).isTrue();
        assertThat(new Glob("a.b").matches("axb")).isFalse();
    }

    @Test
    void aPatternBuiltToBacktrackStillAnswersAtOnce() {
        String pattern = "*a".repeat(30) + "b";
        String text = "a".repeat(5000);

        assertThat(new Glob(pattern).matches(text)).isFalse();
        assertThat(new Glob(pattern).matches(text + "b")).isTrue();
    }
}
