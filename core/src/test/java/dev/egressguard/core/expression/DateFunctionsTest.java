package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values from the examples of Azure's "Date functions for ARM templates" page. */
class DateFunctionsTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]", "\"2023-04-07T14:53:14Z\"",
                "[dateTimeAdd('2020-04-07 14:53:14Z', '-P9D')]", "\"2020-03-29T14:53:14Z\"",
                "[dateTimeAdd('2020-04-07 14:53:14Z', '-PT9M')]", "\"2020-04-07T14:44:14Z\"",
                "[dateTimeAdd('2020-04-07 14:53:14Z', 'PT1H')]", "\"2020-04-07T15:53:14Z\"",
                "[dateTimeAdd('2020-04-07T14:53:14Z', 'P1DT2H30M')]", "\"2020-04-08T17:23:14Z\"",
                "[dateTimeAdd('2020-01-31T00:00:00Z', 'P1M')]", "\"2020-02-29T00:00:00Z\"",
                "[dateTimeAdd('2020-04-07T14:53:14Z', 'P1W', 'yyyy-MM-dd')]", "\"2020-04-14\"",
                "[dateTimeFromEpoch(1683040573)]", "\"2023-05-02T15:16:13Z\"",
                "[dateTimeToEpoch('2023-05-02T15:16:13Z')]", "1683040573",
                "[dateTimeToEpoch(dateTimeAdd('2023-05-02T15:16:13Z', 'P1D'))]", "1683126973");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void utcNowIsOnlyAllowedInAParameterDefaultWhereItIsUnknown() {
        assertThatThrownBy(() -> eval("[utcNow()]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'utcNow' can only be used in the default value of a parameter");
        TestScope inDefault = new TestScope().inParameterDefault(true);
        assertThat(eval("[utcNow('u')]", inDefault)).isInstanceOf(Value.Unknown.class);
        Value later = eval("[dateTimeAdd(utcNow(), 'P1D')]", inDefault);
        assertThat(later).isInstanceOf(Value.Unknown.class);
        assertThat(((Value.Unknown) later).reason()).contains("utcNow()");
    }

    @Test
    void badDatesAndDurationsAreErrors() {
        assertThatThrownBy(() -> eval("[dateTimeAdd('yesterday', 'P1D')]")).hasMessageContaining("'dateTimeAdd' expects an ISO 8601 date-time");
        assertThatThrownBy(() -> eval("[dateTimeAdd('2020-04-07T14:53:14Z', '1 day')]")).hasMessageContaining("ISO 8601 duration");
        assertThatThrownBy(() -> eval("[dateTimeAdd('2020-04-07T14:53:14Z', 'P')]")).hasMessageContaining("ISO 8601 duration");
        assertThatThrownBy(() -> eval("[dateTimeToEpoch(5)]")).hasMessageContaining("'dateTimeToEpoch' expects a string");
    }
}
