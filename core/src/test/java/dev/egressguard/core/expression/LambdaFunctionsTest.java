package dev.egressguard.core.expression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values from the examples of Azure's "Lambda functions for ARM templates" page. */
class LambdaFunctionsTest {

    private static final String DOGS = "parameters('dogs')";

    private static TestScope dogs() {
        return new TestScope().param("dogs", """
                [
                  {"name": "Evie", "age": 5, "interests": ["Ball", "Frisbee"]},
                  {"name": "Casper", "age": 3, "interests": ["Other dogs"]},
                  {"name": "Indy", "age": 2, "interests": ["Butter"]},
                  {"name": "Kira", "age": 8, "interests": ["Rubs"]}
                ]""");
    }

    static Stream<Arguments> documented() {
        return Cases.of(
                "[filter(" + DOGS + ", lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 5)))]",
                "[{\"name\":\"Evie\",\"age\":5,\"interests\":[\"Ball\",\"Frisbee\"]},{\"name\":\"Kira\",\"age\":8,\"interests\":[\"Rubs\"]}]",
                "[filter(range(0, 10), lambda('i', lessOrEquals(lambdaVariables('i'), 3)))]", "[0,1,2,3]",
                "[filter(createArray('a', 'b', 'c'), lambda('x', 'i', not(equals(lambdaVariables('i'), 1))))]", "[\"a\",\"c\"]",
                "[map(" + DOGS + ", lambda('dog', lambdaVariables('dog').name))]", "[\"Evie\",\"Casper\",\"Indy\",\"Kira\"]",
                "[map(" + DOGS + ", lambda('dog', concat('Hello ', lambdaVariables('dog').name, '!')))]",
                "[\"Hello Evie!\",\"Hello Casper!\",\"Hello Indy!\",\"Hello Kira!\"]",
                "[map(range(0, 3), lambda('i', createObject('i', lambdaVariables('i'))))]", "[{\"i\":0},{\"i\":1},{\"i\":2}]",
                "[map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))]",
                "[\"a0\",\"b1\"]",
                "[reduce(map(" + DOGS + ", lambda('dog', lambdaVariables('dog').age)), 0,"
                        + " lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]", "18",
                "[reduce(createArray(1, 3, 5), 10, lambda('cur', 'next', 'i', add(lambdaVariables('cur'), lambdaVariables('i'))))]", "13",
                "[reduce(createArray(), 7, lambda('cur', 'next', lambdaVariables('cur')))]", "7",
                "[sort(" + DOGS + ", lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))[0].name]", "\"Indy\"",
                "[map(sort(" + DOGS + ", lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age))), lambda('d', lambdaVariables('d').name))]",
                "[\"Indy\",\"Casper\",\"Evie\",\"Kira\"]",
                "[sort(createArray(3, 1, 2, 1), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]", "[1,1,2,3]",
                "[toObject(" + DOGS + ", lambda('entry', lambdaVariables('entry').name))['Casper'].age]", "3",
                "[toObject(" + DOGS + ", lambda('entry', lambdaVariables('entry').name), lambda('entry', lambdaVariables('entry').age))]",
                "{\"Evie\":5,\"Casper\":3,\"Indy\":2,\"Kira\":8}",
                "[groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))]",
                "{\"f\":[\"foo\"],\"b\":[\"bar\",\"baz\"]}",
                "[mapValues(json('{\"foo\": \"foo\", \"bar\": \"bar\"}'), lambda('val', toUpper(lambdaVariables('val'))))]",
                "{\"foo\":\"FOO\",\"bar\":\"BAR\"}",
                "[map(createArray(createArray(1, 2), createArray(3)), lambda('outer',"
                        + " map(lambdaVariables('outer'), lambda('inner', mul(lambdaVariables('inner'), 10)))))]",
                "[[10,20],[30]]");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression, dogs())).isEqualTo(expected);
    }

    @Test
    void lambdaIsOnlyAnArgumentOfTheLambdaFunctions() {
        assertThatThrownBy(() -> eval("[lambda('x', 1)]")).hasMessageContaining("lambda() can only be an argument");
        assertThatThrownBy(() -> eval("[map(createArray(1), 'x')]")).hasMessageContaining("'map' expects a lambda");
        assertThatThrownBy(() -> eval("[map(createArray(1), lambda(1, 2))]")).hasMessageContaining("string literal");
        assertThatThrownBy(() -> eval("[sort(createArray(1), lambda('a', true()))]")).hasMessageContaining("must declare 2 parameter(s)");
        assertThatThrownBy(() -> eval("[lambdaVariables('x')]")).hasMessageContaining("names no parameter");
        assertThatThrownBy(() -> eval("[filter(createArray(1), lambda('x', 1))]")).hasMessageContaining("'filter' expects its lambda to return a boolean");
        assertThatThrownBy(() -> eval("[map(json('{}'), lambda('x', 1))]")).hasMessageContaining("'map' expects an array");
    }

    @Test
    void lambdaVariablesAreCaseInsensitiveAndScoped() {
        assertThat(json("[map(createArray(1), lambda('Item', lambdaVariables('item')))]")).isEqualTo("[1]");
        assertThatThrownBy(() -> eval("[concat(string(map(createArray(1), lambda('x', 1))), lambdaVariables('x'))]"))
                .hasMessageContaining("names no parameter");
    }
}
