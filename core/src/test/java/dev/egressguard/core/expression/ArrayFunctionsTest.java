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

/** Expected values from the examples of Azure's "Array functions for ARM templates" page. */
class ArrayFunctionsTest {

    private static final String NAMES = "createArray('one', 'two', 'three')";

    static Stream<Arguments> documented() {
        return Cases.of(
                "[array(1)]", "[1]",
                "[array('efgh')]", "[\"efgh\"]",
                "[array(json('{\"a\": \"b\", \"c\": \"d\"}'))]", "[{\"a\":\"b\",\"c\":\"d\"}]",
                "[array(createArray(1, 2))]", "[1,2]",
                "[concat(createArray('1-1', '1-2', '1-3'), createArray('2-1', '2-2', '2-3'))]",
                "[\"1-1\",\"1-2\",\"1-3\",\"2-1\",\"2-2\",\"2-3\"]",
                "[concat(createArray(1), createArray(), createArray(createArray(2)))]", "[1,[2]]",
                "[contains(" + NAMES + ", 'three')]", "true",
                "[contains(" + NAMES + ", 'four')]", "false",
                "[contains(" + NAMES + ", 'Three')]", "false",
                "[contains(createArray(1, 2), 2)]", "true",
                "[createArray('a', 'b', 'c')]", "[\"a\",\"b\",\"c\"]",
                "[createArray(1, 2, 3)]", "[1,2,3]",
                "[createArray(json('{\"one\": \"a\"}'))]", "[{\"one\":\"a\"}]",
                "[createArray(" + NAMES + ")]", "[[\"one\",\"two\",\"three\"]]",
                "[createArray()]", "[]",
                "[empty(createArray())]", "true",
                "[empty(" + NAMES + ")]", "false",
                "[empty(null())]", "true",
                "[first(" + NAMES + ")]", "\"one\"",
                "[last(" + NAMES + ")]", "\"three\"",
                "[first(createArray())]", "null",
                "[indexOf(" + NAMES + ", 'two')]", "1",
                "[indexOf(createArray(4, 5, 6), 6)]", "2",
                "[indexOf(createArray(createArray(1), createArray(2)), createArray(2))]", "1",
                "[indexOf(" + NAMES + ", 'four')]", "-1",
                "[lastIndexOf(createArray('a', 'b', 'a'), 'a')]", "2",
                "[intersection(" + NAMES + ", createArray('two', 'three'))]", "[\"two\",\"three\"]",
                "[intersection(createArray(1, 2, 2, 3), createArray(2, 3), createArray(3, 2))]", "[2,3]",
                "[length(" + NAMES + ")]", "3",
                "[length(createArray())]", "0",
                "[max(createArray(0, 3, 2, 5, 4))]", "5",
                "[max(0, 3, 2, 5, 4)]", "5",
                "[min(createArray(0, 3, 2, 5, 4))]", "0",
                "[min(0, 3, 2, 5, 4)]", "0",
                "[min(-3, 1)]", "-3",
                "[range(1, 3)]", "[1,2,3]",
                "[range(5, 0)]", "[]",
                "[range(-2, 3)]", "[-2,-1,0]",
                "[skip(" + NAMES + ", 2)]", "[\"three\"]",
                "[skip(" + NAMES + ", 0)]", "[\"one\",\"two\",\"three\"]",
                "[take(" + NAMES + ", 2)]", "[\"one\",\"two\"]",
                "[take(" + NAMES + ", 5)]", "[\"one\",\"two\",\"three\"]",
                "[union(" + NAMES + ", createArray('three', 'four'))]", "[\"one\",\"two\",\"three\",\"four\"]",
                "[union(createArray(1, 1), createArray(2))]", "[1,2]",
                "[flatten(createArray(createArray('one', 'two'), createArray('three'), createArray('four', 'five')))]",
                "[\"one\",\"two\",\"three\",\"four\",\"five\"]",
                "[indexFromEnd(" + NAMES + ", 1)]", "\"three\"",
                "[tryIndexFromEnd(" + NAMES + ", 4)]", "null",
                "[" + NAMES + "[1]]", "\"two\"",
                "[lastIndexOf(" + NAMES + ", 'Three')]", "-1",
                "[lastIndexOf(createArray(4, 5, 6), '5')]", "-1",
                "[indexOf(createArray(" + NAMES + ", createArray(4, 5, 6)), createArray(4, 5, 6))]", "1",
                "[lastIndexOf(createArray(1, 2, 3, 1), 1)]", "3",
                "[union(createArray(createArray('one', 'two'), createArray('three')), createArray(createArray('three'), createArray('four', 'two')))]",
                "[[\"one\",\"two\"],[\"three\"],[\"four\",\"two\"]]",
                "[tryGet(json('{\"name\": \"John Doe\", \"age\": 30}'), 'region')]", "null",
                "[tryGet(createArray('red', 'green'), 0)]", "\"red\"",
                "[tryIndexFromEnd(createArray('apple', 'banana', 'orange', 'grape'), 2)]", "\"orange\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void concatDoesNotMixArraysAndStrings() {
        assertThatThrownBy(() -> eval("[concat(createArray(1), 'a')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'concat'")
                .hasMessageContaining("argument 2 is String");
    }

    @Test
    void rangeHasAzuresLimits() {
        assertThatThrownBy(() -> eval("[range(0, 10001)]")).hasMessageContaining("'range'").hasMessageContaining("10000");
        assertThatThrownBy(() -> eval("[range(0, -1)]")).hasMessageContaining("'range'");
        assertThatThrownBy(() -> eval("[range(2147483647, 2)]")).hasMessageContaining("2147483647");
    }

    @Test
    void indexOutOfRangeIsAnError() {
        assertThatThrownBy(() -> eval("[createArray(1, 2)[2]]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("index 2 is out of range: the array has 2 elements");
        assertThatThrownBy(() -> eval("[indexFromEnd(createArray(1), 2)]")).hasMessageContaining("'indexFromEnd'");
    }

    @Test
    void emptyAndMaxRejectWhatTheyCannotMeasure() {
        assertThatThrownBy(() -> eval("[empty(1)]")).hasMessageContaining("'empty'");
        assertThatThrownBy(() -> eval("[max(createArray())]")).hasMessageContaining("'max'");
        assertThatThrownBy(() -> eval("[max('a', 'b')]")).hasMessageContaining("'max' expects integers");
        assertThatThrownBy(() -> eval("[flatten(createArray(1))]")).hasMessageContaining("'flatten'");
    }
}
