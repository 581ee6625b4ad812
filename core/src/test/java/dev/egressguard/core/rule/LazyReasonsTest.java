package dev.egressguard.core.rule;

import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Most FALSE verdicts are parts of an anyOf or a where that decide nothing: their reasons are
 * written only when a finding needs them, and then once.
 */
class LazyReasonsTest {

    private final AtomicInteger written = new AtomicInteger();

    private Verdict falseBecause(String reason) {
        return Verdict.of(Truth.FALSE, "/properties/x", null, () -> {
            written.incrementAndGet();
            return reason;
        });
    }

    @Test
    void anAnyOfThatANextPartMakesTrueWritesNoReason() {
        Verdict any = Verdict.any(List.of(falseBecause("x is missing"), Verdict.of(Truth.TRUE, "", null, "")), "", null);

        assertThat(any.isTrue()).isTrue();
        assertThat(written).hasValue(0);
    }

    @Test
    void aFalseCombinationWritesItsPartsReasonsWhenAskedAndOnlyOnce() {
        Verdict any = Verdict.any(List.of(falseBecause("x is missing"), falseBecause("y is missing")), "", null);
        Verdict negatedTwice = any.negate().negate();
        assertThat(written).hasValue(0);

        assertThat(negatedTwice.reasons()).containsExactly("x is missing", "y is missing");
        assertThat(any.reasons()).containsExactly("x is missing", "y is missing");
        assertThat(written).hasValue(2);
    }

    @Test
    void anUnknownCombinationKeepsOnlyTheUnknownPartsReasons() {
        Verdict unknown = Verdict.of(Truth.UNKNOWN, "/properties/y", null, () -> "y is unknown before deployment");

        Verdict any = Verdict.any(List.of(falseBecause("x is missing"), unknown), "", null);

        assertThat(any.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(any.path()).isEqualTo("/properties/y");
        assertThat(any.reasons()).containsExactly("y is unknown before deployment");
        assertThat(written).hasValue(0);
    }

    @Test
    void conditionsWriteNoReasonForAPartThatDecidesNothing() {
        Verdict v = ConditionsFixture.eval("""
                anyOf:
                  - field: properties.missing
                    equals: 1
                  - value: 1
                    equals: 1
                """, Resources.resource("Microsoft.Network/publicIPAddresses/ip", "{'properties': {}}"));

        assertThat(v.isTrue()).isTrue();
        assertThat(v.reasons()).isEmpty();
    }
}
