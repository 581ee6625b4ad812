package dev.egressguard.core.expression;

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

/** format() follows .NET composite formatting (invariant culture), as Azure's does. */
class FormatTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]",
                "\"Hello, User. Formatted number: 8,175,133\"",
                "[format('{0:D3}', 7)]", "\"007\"",
                "[format('{0:D3}', -7)]", "\"-007\"",
                "[format('{0:D}', 1234)]", "\"1234\"",
                "[format('vm-{0:D2}', copyIndex(1))]", "\"vm-01\"",
                "[format('{0:N2}', 1234)]", "\"1,234.00\"",
                "[format('{0:N}', 1234567)]", "\"1,234,567.00\"",
                "[format('{0:F1}', 3)]", "\"3.0\"",
                "[format('{0:X}', 255)]", "\"FF\"",
                "[format('{0:x4}', 255)]", "\"00ff\"",
                "[format('{0:P0}', 1)]", "\"100 %\"",
                "[format('{0:E2}', 12345)]", "\"1.23E+004\"",
                "[format('{0:000.00}', 5)]", "\"005.00\"",
                "[format('{0:#,##0}', 1234567)]", "\"1,234,567\"",
                "[format('[{0,5}]', 'ab')]", "\"[   ab]\"",
                "[format('[{0,-5}]', 'ab')]", "\"[ab   ]\"",
                "[format('[{0,4:D2}]', 3)]", "\"[  03]\"",
                "[format('{{literal}} {0}', 'x')]", "\"{literal} x\"",
                "[format('{1}{0}{1}', 'a', 'b')]", "\"bab\"",
                "[format('{0}', true())]", "\"True\"",
                "[format('{0}', createArray(1, 2))]", "\"[1,2]\"",
                "[format('no items')]", "\"no items\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void formatsLikeDotNet(String expression, String expected) {
        assertThat(json(expression, new TestScope().loop("vms", 0))).isEqualTo(expected);
    }

    @Test
    void malformedFormatStringsAreErrors() {
        assertThatThrownBy(() -> eval("[format('{0', 1)]")).hasMessageContaining("'format'").hasMessageContaining("without '}'");
        assertThatThrownBy(() -> eval("[format('a}b', 1)]")).hasMessageContaining("without '{'");
        assertThatThrownBy(() -> eval("[format('{1}', 'only one')]")).hasMessageContaining("refers to argument {1}");
        assertThatThrownBy(() -> eval("[format('{x}', 1)]")).hasMessageContaining("invalid format item");
        assertThatThrownBy(() -> eval("[format('{0:D2}', json('1.5'))]")).hasMessageContaining("only apply the format 'D2' to integers");
    }

    @Test
    void hugeAlignmentIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> eval("[format('{0,2000000000}', 'x')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("more than the limit of " + Evaluator.MAX_STRING_LENGTH);
    }
}
