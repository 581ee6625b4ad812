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

/** Expected values from the examples of Azure's "Object functions for ARM templates" page. */
class ObjectFunctionsTest {

    private static final String ONE_TWO_THREE = "json('{\"one\": \"a\", \"two\": \"b\", \"three\": \"c\"}')";

    static Stream<Arguments> documented() {
        return Cases.of(
                "[contains(" + ONE_TWO_THREE + ", 'one')]", "true",
                "[contains(" + ONE_TWO_THREE + ", 'ONE')]", "true",
                "[contains(" + ONE_TWO_THREE + ", 'a')]", "false",
                "[createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true(), 'arrayProp', createArray('a', 'b', 'c'),"
                        + " 'objectProp', createObject('key1', 'value1'))]",
                "{\"intProp\":1,\"stringProp\":\"abc\",\"boolProp\":true,\"arrayProp\":[\"a\",\"b\",\"c\"],"
                        + "\"objectProp\":{\"key1\":\"value1\"}}",
                "[createObject()]", "{}",
                "[createObject('a', 1, 'A', 2)]", "{\"a\":2}",
                "[empty(json('{}'))]", "true",
                "[empty(" + ONE_TWO_THREE + ")]", "false",
                "[intersection(" + ONE_TWO_THREE + ", json('{\"one\": \"a\", \"two\": \"z\", \"three\": \"c\"}'))]",
                "{\"one\":\"a\",\"three\":\"c\"}",
                "[items(json('{\"item002\": {\"enabled\": false, \"number\": 200}, \"item001\": {\"enabled\": true, \"number\": 300}}'))]",
                "[{\"key\":\"item001\",\"value\":{\"enabled\":true,\"number\":300}},"
                        + "{\"key\":\"item002\",\"value\":{\"enabled\":false,\"number\":200}}]",
                "[json('{\"a\": \"b\"}')]", "{\"a\":\"b\"}",
                "[json('null')]", "null",
                "[json('true')]", "true",
                "[json('\"demo\"')]", "\"demo\"",
                "[json('[1, 2.5]')]", "[1,2.5]",
                "[json('{\"a\": \"\\\"quoted\\\"\"}').a]", "\"\\\"quoted\\\"\"",
                "[length(" + ONE_TWO_THREE + ")]", "3",
                "[null()]", "null",
                "[objectKeys(json('{\"a\": 1, \"b\": 2}'))]", "[\"a\",\"b\"]",
                "[shallowMerge(createArray(json('{\"one\": \"a\"}'), json('{\"two\": \"b\"}'), json('{\"two\": \"c\"}')))]",
                "{\"one\":\"a\",\"two\":\"c\"}",
                "[shallowMerge(createArray(json('{\"one\": \"a\", \"nested\": {\"level1\": \"value1\", \"level2\": \"value2\"}}'),"
                        + " json('{\"two\": \"b\", \"nested\": {\"level1\": \"new\"}}')))]",
                "{\"one\":\"a\",\"nested\":{\"level1\":\"new\"},\"two\":\"b\"}",
                "[union(json('{\"one\": \"a\", \"two\": \"b\", \"three\": \"c1\"}'), json('{\"three\": \"c2\", \"four\": \"d\", \"five\": \"e\"}'))]",
                "{\"one\":\"a\",\"two\":\"b\",\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"}",
                "[union(json('{\"property\": {\"one\": \"a\", \"two\": \"b\", \"three\": \"c1\"}, \"nestedArray\": [1, 2]}'),"
                        + " json('{\"property\": {\"three\": \"c2\", \"four\": \"d\", \"five\": \"e\"}, \"nestedArray\": [3, 4]}'))]",
                "{\"property\":{\"one\":\"a\",\"two\":\"b\",\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"},\"nestedArray\":[3,4]}",
                "[tryGet(" + ONE_TWO_THREE + ", 'two')]", "\"b\"",
                "[tryGet(" + ONE_TWO_THREE + ", 'TWO')]", "\"b\"",
                "[tryGet(" + ONE_TWO_THREE + ", 'four')]", "null",
                "[tryGet(json('{\"a\": {\"b\": [10, 20]}}'), 'a', 'b', 1)]", "20",
                "[tryGet(json('{\"a\": {\"b\": [10, 20]}}'), 'a', 'b', 5)]", "null",
                "[tryGet(json('{\"a\": null}'), 'a', 'b')]", "null",
                "[" + ONE_TWO_THREE + ".TWO]", "\"b\"",
                "[" + ONE_TWO_THREE + "['Three']]", "\"c\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void missingPropertyNamesTheAvailableOnes() {
        assertThatThrownBy(() -> eval("[json('{\"a\": 1, \"b\": 2}').c]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("property 'c' doesn't exist, available properties are 'a, b'");
    }

    @Test
    void createObjectNeedsPairsWithStringKeys() {
        assertThatThrownBy(() -> eval("[createObject('a')]")).hasMessageContaining("'createObject' expects pairs");
        assertThatThrownBy(() -> eval("[createObject(1, 'a')]")).hasMessageContaining("'createObject'");
    }

    @Test
    void invalidJsonIsAnErrorNamingTheFunction() {
        assertThatThrownBy(() -> eval("[json('{not json')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'json'");
        assertThatThrownBy(() -> eval("[json('1 2')]")).hasMessageContaining("'json'");
    }
}
