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

/** Expected values from Azure's "Comparison functions" and "Logical functions" pages. */
class ComparisonAndLogicalFunctionsTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[coalesce(null(), null(), 1)]", "1",
                "[coalesce(null(), 'default')]", "\"default\"",
                "[coalesce(null(), null())]", "null",
                "[coalesce(json('{\"a\": null}').a, createArray(1))]", "[1]",
                "[equals(1, 1)]", "true",
                "[equals('a', 'a')]", "true",
                "[equals('a', 'A')]", "false",
                "[equals(createArray('a', 'b'), createArray('a', 'b'))]", "true",
                "[equals(createArray('a', 'b'), createArray('b', 'a'))]", "false",
                "[equals(json('{\"a\": \"b\"}'), json('{\"a\": \"b\"}'))]", "true",
                "[equals(json('{\"a\": 1}'), json('{\"A\": 1}'))]", "true",
                "[equals(1, '1')]", "false",
                "[equals(json('1.0'), 1)]", "true",
                "[greater(10, 5)]", "true",
                "[greater('A', 'a')]", "true",
                "[greater(5, 5)]", "false",
                "[greaterOrEquals(10, 5)]", "true",
                "[greaterOrEquals('A', 'a')]", "true",
                "[greaterOrEquals(5, 5)]", "true",
                "[less(10, 5)]", "false",
                "[less('A', 'a')]", "false",
                "[less('apple', 'banana')]", "true",
                "[lessOrEquals(10, 5)]", "false",
                "[lessOrEquals('A', 'a')]", "false",
                "[lessOrEquals(5, 5)]", "true",
                "[and(true(), false())]", "false",
                "[and(true(), true(), true())]", "true",
                "[or(true(), false())]", "true",
                "[or(false(), false())]", "false",
                "[not(true())]", "false",
                "[not(equals('a', 'b'))]", "true",
                "[bool('true')]", "true",
                "[bool('False')]", "false",
                "[bool(0)]", "false",
                "[bool(1)]", "true",
                "[bool(true())]", "true",
                "[true()]", "true",
                "[false()]", "false",
                "[if(equals('a', 'a'), 'yes', 'no')]", "\"yes\"",
                "[if(equals('a', 'b'), 'yes', 'no')]", "\"no\"",
                "[if(true(), json('{\"test\": \"value1\"}'), json('null'))]", "{\"test\":\"value1\"}");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void ifEvaluatesOnlyTheTakenBranch() {
        TestScope s = new TestScope().variable("taken", Value.of("t")).variable("other", Value.of("o"));
        assertThat(eval("[if(true(), variables('taken'), variables('missing'))]", s)).isEqualTo(Value.of("t"));
        assertThat(eval("[if(false(), variables('missing'), variables('other'))]", s)).isEqualTo(Value.of("o"));
        assertThat(s.calls()).containsExactly("taken", "other");
        assertThat(eval("[if(false(), createArray(1)[5], 'safe')]")).isEqualTo(Value.of("safe"));
    }

    @Test
    void ifNeedsABooleanAndThreeArguments() {
        assertThatThrownBy(() -> eval("[if('yes', 1, 2)]")).hasMessageContaining("'if' expects a boolean");
        assertThatThrownBy(() -> eval("[if(true(), 1)]")).hasMessageContaining("'if' expects 3 arguments but got 2");
    }

    @Test
    void comparisonsRejectMixedTypes() {
        assertThatThrownBy(() -> eval("[greater(1, 'a')]")).hasMessageContaining("'greater'");
        assertThatThrownBy(() -> eval("[less(createArray(), 1)]")).hasMessageContaining("'less'");
        assertThatThrownBy(() -> eval("[and(true(), 'x')]")).hasMessageContaining("'and' expects a boolean as argument 2");
        assertThatThrownBy(() -> eval("[bool('maybe')]")).hasMessageContaining("'bool'");
    }
}
