package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values from the examples of Azure's "Numeric functions for ARM templates" page. */
class NumericFunctionsTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[add(5, 3)]", "8",
                "[add(-5, 3)]", "-2",
                "[sub(7, 3)]", "4",
                "[sub(3, 7)]", "-4",
                "[mul(5, 3)]", "15",
                "[mul(-5, 3)]", "-15",
                "[div(8, 3)]", "2",
                "[div(-8, 3)]", "-2",
                "[mod(7, 3)]", "1",
                "[mod(-7, 3)]", "-1",
                "[int('4')]", "4",
                "[int(' -12 ')]", "-12",
                "[int(7)]", "7",
                "[float('3.5')]", "3.5",
                "[float(2)]", "2",
                "[max(1, 9, 4)]", "9",
                "[min(1, 9, 4)]", "1",
                "[add(9223372036854775806, 1)]", "9223372036854775807");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void copyIndexReadsTheLoopFromTheScope() {
        TestScope s = new TestScope().loop("nics", 2).loop("disks", 4);
        assertThat(eval("[copyIndex()]", s)).isEqualTo(Value.of(4));
        assertThat(eval("[copyIndex(1)]", s)).isEqualTo(Value.of(5));
        assertThat(eval("[copyIndex('nics')]", s)).isEqualTo(Value.of(2));
        assertThat(eval("[copyIndex('nics', 10)]", s)).isEqualTo(Value.of(12));
        assertThat(eval("[concat('nic-', copyIndex('nics', 1))]", s)).isEqualTo(Value.of("nic-3"));
        assertThatThrownBy(() -> eval("[copyIndex()]")).hasMessageContaining("only allowed in a copy loop");
    }

    @Test
    void arithmeticErrorsAreExpressionErrors() {
        assertThatThrownBy(() -> eval("[div(1, 0)]")).hasMessageContaining("'div' can't divide by zero");
        assertThatThrownBy(() -> eval("[mod(1, 0)]")).hasMessageContaining("'mod'");
        assertThatThrownBy(() -> eval("[add(9223372036854775807, 1)]")).hasMessageContaining("'add' overflows");
        assertThatThrownBy(() -> eval("[mul(9223372036854775807, 2)]")).hasMessageContaining("'mul' overflows");
        assertThatThrownBy(() -> eval("[int('four')]")).hasMessageContaining("'int'");
        assertThatThrownBy(() -> eval("[add('1', 2)]")).hasMessageContaining("'add' expects an integer as argument 1");
        assertThatThrownBy(() -> eval("[add(1)]")).hasMessageContaining("'add' expects 2 arguments but got 1");
    }
}
