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

/** Expected values from the examples of Azure's "String functions for ARM templates" page. */
class StringFunctionsTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[base64('one, two, three')]", "\"b25lLCB0d28sIHRocmVl\"",
                "[base64ToString('b25lLCB0d28sIHRocmVl')]", "\"one, two, three\"",
                "[base64ToJson(base64('{\"one\": \"a\", \"two\": \"b\"}'))]", "{\"one\":\"a\",\"two\":\"b\"}",
                "[base64ToJson(base64('{''one'': ''a'', ''two'': ''b''}'))]", "{\"one\":\"a\",\"two\":\"b\"}",
                "[concat('prefix', '-', 'abc123')]", "\"prefix-abc123\"",
                "[concat('a', 1, true(), null())]", "\"a1True\"",
                "[contains('OneTwoThree', 'e')]", "true",
                "[contains('OneTwoThree', 'z')]", "false",
                "[contains('OneTwoThree', 'one')]", "false",
                "[dataUri('Hello')]", "\"data:text/plain;charset=utf8;base64,SGVsbG8=\"",
                "[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]", "\"Hello, World!\"",
                "[empty('')]", "true",
                "[empty(' ')]", "false",
                "[endsWith('abcdef', 'ef')]", "true",
                "[endsWith('abcdef', 'F')]", "true",
                "[endsWith('abcdef', 'e')]", "false",
                "[startsWith('abcdef', 'ab')]", "true",
                "[startsWith('abcdef', 'A')]", "true",
                "[startsWith('abcdef', 'e')]", "false",
                "[first('One Two Three')]", "\"O\"",
                "[last('One Two Three')]", "\"e\"",
                "[first('')]", "\"\"",
                "[indexOf('test', 't')]", "0",
                "[indexOf('abcdef', 'CD')]", "2",
                "[indexOf('abcdef', 'z')]", "-1",
                "[lastIndexOf('test', 't')]", "3",
                "[lastIndexOf('abcdef', 'AB')]", "0",
                "[lastIndexOf('abcdef', 'z')]", "-1",
                "[join(createArray('one', 'two', 'three'), ',')]", "\"one,two,three\"",
                "[join(createArray('one', 'two', 'three'), ';')]", "\"one;two;three\"",
                "[join(createArray(1, true(), 'x'), '-')]", "\"1-True-x\"",
                "[length('One Two Three')]", "13",
                "[padLeft('123', 10, '0')]", "\"0000000123\"",
                "[padLeft(7, 3, '0')]", "\"007\"",
                "[padLeft('abcdef', 3, '0')]", "\"abcdef\"",
                "[padLeft('ab', 4)]", "\"  ab\"",
                "[replace('123-123-1234', '-', '')]", "\"1231231234\"",
                "[replace('123-123-1234', '1234', 'xxxx')]", "\"123-123-xxxx\"",
                "[skip('one two three', 4)]", "\"two three\"",
                "[skip('abc', 10)]", "\"\"",
                "[skip('abc', -1)]", "\"abc\"",
                "[take('one two three', 2)]", "\"on\"",
                "[take('abc', 10)]", "\"abc\"",
                "[split('one,two,three', ',')]", "[\"one\",\"two\",\"three\"]",
                "[split('one;two,three', createArray(',', ';'))]", "[\"one\",\"two\",\"three\"]",
                "[split('a,,b', ',')]", "[\"a\",\"\",\"b\"]",
                "[split('', ',')]", "[\"\"]",
                "[string(json('{\"valueA\": 10, \"valueB\": \"Example Text\"}'))]",
                "\"{\\\"valueA\\\":10,\\\"valueB\\\":\\\"Example Text\\\"}\"",
                "[string(createArray('a', 'b', 'c'))]", "\"[\\\"a\\\",\\\"b\\\",\\\"c\\\"]\"",
                "[string(5)]", "\"5\"",
                "[string(true())]", "\"True\"",
                "[string('text')]", "\"text\"",
                "[substring('one two three', 4, 3)]", "\"two\"",
                "[substring('one two three', 8)]", "\"three\"",
                "[toLower('One Two Three')]", "\"one two three\"",
                "[toUpper('One Two Three')]", "\"ONE TWO THREE\"",
                "[trim('    one two three   ')]", "\"one two three\"",
                "[uri('http://contoso.org/firstpath', 'myscript.sh')]", "\"http://contoso.org/myscript.sh\"",
                "[uri('http://contoso.org/firstpath/', 'myscript.sh')]", "\"http://contoso.org/firstpath/myscript.sh\"",
                "[uri('http://contoso.org', 'nested/azuredeploy.json')]", "\"http://contoso.org/nested/azuredeploy.json\"",
                "[uri('https://raw.githubusercontent.com/a/b/main/azuredeploy.json', 'nested/vnet.json?sv=1')]",
                "\"https://raw.githubusercontent.com/a/b/main/nested/vnet.json?sv=1\"",
                "[uri('http://contoso.org/a/b', '../c d.json')]", "\"http://contoso.org/c%20d.json\"",
                "[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]",
                "\"http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json\"",
                "[uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')]",
                "\"http://contoso.com/resources/nested/azuredeploy.json\"",
                "[uriComponent('a b+c')]", "\"a%20b%2Bc\"",
                "[uriComponentToString('a%20b+c')]", "\"a b+c\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void substringOutsideTheStringIsAnErrorNamingTheFunction() {
        assertThatThrownBy(() -> eval("[substring('abc', 2, 5)]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'substring'")
                .hasMessageContaining("within the string");
        assertThatThrownBy(() -> eval("[substring('abc', -1)]")).hasMessageContaining("'substring'");
    }

    @Test
    void wrongArgumentTypesNameTheFunction() {
        assertThatThrownBy(() -> eval("[toLower(1)]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("The template function 'toLower' expects a string as argument 1 but got Int 1");
        assertThatThrownBy(() -> eval("[concat('a', createArray(1))]")).hasMessageContaining("'concat'");
        assertThatThrownBy(() -> eval("[padLeft('a', 3, 'xy')]")).hasMessageContaining("single padding character");
        assertThatThrownBy(() -> eval("[base64ToString('@@@')]")).hasMessageContaining("'base64ToString'");
        assertThatThrownBy(() -> eval("[replace('abc', '', 'x')]")).hasMessageContaining("'replace'");
    }

    @Test
    void newGuidIsOnlyAllowedInAParameterDefault() {
        assertThatThrownBy(() -> eval("[newGuid()]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'newGuid' can only be used in the default value of a parameter");
        Value v = eval("[newGuid()]", new TestScope().inParameterDefault(true));
        assertThat(v).isInstanceOf(Value.Unknown.class);
        assertThat(((Value.Unknown) v).at()).isEqualTo(Eval.AT);
    }

    @Test
    void stringOfAnObjectWithAnUnknownIsUnknown() {
        TestScope s = new TestScope();
        Value v = eval("[string(createObject('id', reference('vnet').id))]", s);
        assertThat(v).isEqualTo(Value.unknown("depends on reference('vnet').id", Eval.AT));
    }
}
