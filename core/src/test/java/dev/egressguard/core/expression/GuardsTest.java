package dev.egressguard.core.expression;

import dev.egressguard.core.expression.functions.StandardFunctions;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hostile or broken template gets an ExpressionException, never a StackOverflowError or OOM. */
class GuardsTest {

    @Test
    void paddingBeyondTheStringLimitIsRejected() {
        assertThatThrownBy(() -> eval("[padLeft('a', 2000000000, 'x')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'padLeft' would build a string of 2000000000 characters");
    }

    @Test
    void replaceThatWouldExplodeIsRejectedBeforeBuilding() {
        String big = "padLeft('', 1000000, 'a')";
        String hundred = "padLeft('', 100, 'b')";
        assertThatThrownBy(() -> eval("[replace(" + big + ", 'a', " + hundred + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'replace' would build a string of 100000000 characters");
    }

    @Test
    void concatenationBeyondTheLimitIsRejected() {
        String tenMillion = "padLeft('', 3000000, 'a')";
        assertThatThrownBy(() -> eval("[concat(" + tenMillion + ", " + tenMillion + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'concat' would build a string of");
        assertThatThrownBy(() -> eval("[join(createArray(" + tenMillion + ", " + tenMillion + "), '')]"))
                .hasMessageContaining("'join' would build");
    }

    @Test
    void numbersWithHugeExponentsAreRefusedNotPrinted() {
        assertThatThrownBy(() -> eval("[json('1e999999999')]"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> eval("[json('[1, {\"a\": -1e-999999999}]')]")).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> eval("[string(float('1e-999999999'))]")).hasMessageContaining("'float'");
        assertThatThrownBy(() -> eval("[float('NaN')]")).hasMessageContaining("'float'");
        assertThatThrownBy(() -> eval("[int(float('1e300'))]")).hasMessageContaining("'int' can't convert");
        assertThat(eval("[int(float('-12.9'))]")).isEqualTo(Value.of(-12));
        assertThat(eval("[string(json('1.5e300'))]")).isEqualTo(Value.of("1.5E+300"));
        assertThat(eval("[string(json('1.5e3'))]")).isEqualTo(Value.of("1500"));
        // A template literal may hold any number; writing it stays short.
        assertThat(JsonText.write(new Value.Num(new java.math.BigDecimal("1e999999999")))).isEqualTo("1E+999999999");
        TestScope literal = new TestScope().param("n", new Value.Num(new java.math.BigDecimal("1e999999999")));
        assertThat(eval("[string(parameters('n'))]", literal)).isEqualTo(Value.of("1E+999999999"));
        assertThatThrownBy(() -> eval("[format('{0:N2}', parameters('n'))]", literal)).hasMessageContaining("'format'");
        assertThat(eval("[greater(parameters('n'), 1)]", literal)).isEqualTo(Value.Bool.TRUE);
    }

    @Test
    void datesOutsideDotNetsRangeAreRefused() {
        assertThatThrownBy(() -> eval("[dateTimeFromEpoch(9223372036854775807)]"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("'dateTimeFromEpoch' expects seconds between");
        assertThat(eval("[dateTimeFromEpoch(253402300799)]")).isEqualTo(Value.of("9999-12-31T23:59:59Z"));
        assertThatThrownBy(() -> eval("[dateTimeAdd('9999-12-31T00:00:00Z', 'P999999999Y')]"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("'dateTimeAdd'");
        assertThatThrownBy(() -> eval("[dateTimeAdd('2020-01-01T00:00:00Z', 'P99999999999999999999D')]"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("'dateTimeAdd'");
        assertThatThrownBy(() -> eval("[dateTimeAdd('2020-01-01T00:00:00Z', 'P1D', 'yyyy-{{bad')]"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("'dateTimeAdd'");
    }

    @Test
    void variablesThatReferToThemselvesStopWithAMessage() {
        Scope cyclic = new TestScope() {
            @Override
            public Value variable(String name) {
                return Expressions.evaluateJsonString("[variables('" + name + "')]", this, Eval.AT);
            }
        };
        assertThatThrownBy(() -> Expressions.evaluateJsonString("[variables('loop')]", cyclic, Eval.AT))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested deeper than " + Evaluator.MAX_DEPTH);
        // The depth counter is released again: the next evaluation on this thread works.
        assertThat(eval("[add(1, 1)]")).isEqualTo(Value.of(2));
    }

    @Test
    void deeplyNestedJsonIsRejected() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> eval("[json('" + deep + "')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'json'");
    }

    @Test
    void sharedPartsCannotExplodeIntoHugeTextOrComparisons() {
        String doubling = "reduce(range(0, 60), createArray(1), lambda('acc', 'x', createArray(lambdaVariables('acc'), lambdaVariables('acc'))))";
        assertThat(eval("[length(" + doubling + ")]")).isEqualTo(Value.of(2));
        assertThatThrownBy(() -> eval("[string(" + doubling + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("longer than " + Evaluator.MAX_STRING_LENGTH);
        assertThatThrownBy(() -> eval("[equals(" + doubling + ", " + doubling + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("too large to compare");
        String objects = "reduce(range(0, 60), json('{}'), lambda('acc', 'x', createObject('a', lambdaVariables('acc'), 'b', lambdaVariables('acc'))))";
        assertThatThrownBy(() -> eval("[union(" + objects + ", " + objects + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'union' would merge more than");
        assertThatThrownBy(() -> eval("[length(union(createArray(" + doubling + "), createArray(1)))]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("too large to compare");
    }

    @Test
    void valuesNestedThousandsDeepAreAnErrorNotAStackOverflow() {
        String deep = "reduce(range(0, 10000), createArray(), lambda('acc', 'x', createArray(lambdaVariables('acc'))))";
        assertThatThrownBy(() -> eval("[string(" + deep + ")]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested too deeply");
        assertThat(eval("[add(2, 2)]")).isEqualTo(Value.of(4));
    }

    @Test
    void unionOfLargeArraysIsLinear() {
        Value v = eval("[length(union(range(0, 10000), range(5000, 10000), range(0, 10000)))]");
        assertThat(v).isEqualTo(Value.of(15000));
        assertThat(eval("[length(intersection(range(0, 10000), range(5000, 10000)))]")).isEqualTo(Value.of(5000));
    }

    @Test
    void unknownFunctionsAndWrongArityAreErrors() {
        assertThatThrownBy(() -> eval("[noSuchFunction(1)]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("The template function 'noSuchFunction' is not valid")
                .extracting(e -> ((ExpressionException) e).offset()).isEqualTo(1);
        assertThatThrownBy(() -> eval("[toLower()]")).hasMessageContaining("'toLower' expects 1 argument but got 0");
        assertThatThrownBy(() -> eval("[concat()]")).hasMessageContaining("'concat' expects at least 1 argument but got 0");
        assertThatThrownBy(() -> eval("[substring('a', 1, 2, 3)]")).hasMessageContaining("'substring' expects 2 to 3 arguments");
        assertThatThrownBy(() -> eval("[ns.unknown()]")).hasMessageContaining("'ns.unknown' is not found");
    }

    @Test
    void errorOffsetsPointAtTheFailingCall() {
        assertThatThrownBy(() -> eval("[concat('a', toLower(1))]"))
                .isInstanceOf(ExpressionException.class)
                .extracting(e -> ((ExpressionException) e).offset()).isEqualTo(13);
    }

    @Test
    void propertyAccessOnAScalarIsAnError() {
        assertThatThrownBy(() -> eval("['abc'.length]"))
                .hasMessageContaining("property 'length' can't be evaluated: the value is String \"abc\", not an object");
        assertThatThrownBy(() -> eval("[createArray(1)['a']]")).hasMessageContaining("Can't index Array");
    }

    @Test
    void functionNamesAreCaseInsensitive() {
        assertThat(eval("[CONCAT('a', ToLower('B'))]")).isEqualTo(Value.of("ab"));
        assertThat(eval("[ResourceGroup().NAME]")).isEqualTo(Value.of("egress-guard-rg"));
        assertThat(eval("[IF(TRUE(), 1, 2)]")).isEqualTo(Value.of(1));
    }

    @Test
    void everyDocumentedFunctionIsThere() {
        List<String> documented = List.of("array", "concat", "contains", "createArray", "empty", "first", "indexOf",
                "intersection", "last", "lastIndexOf", "length", "max", "min", "range", "skip", "take", "union",
                "flatten", "tryGet", "coalesce", "equals", "greater", "greaterOrEquals", "less", "lessOrEquals",
                "dateTimeAdd", "dateTimeFromEpoch", "dateTimeToEpoch", "utcNow", "deployment", "environment",
                "parameters", "variables", "filter", "groupBy", "map", "mapValues", "reduce", "sort", "toObject",
                "lambda", "lambdaVariables", "and", "bool", "false", "if", "not", "or", "true", "add", "copyIndex",
                "div", "float", "int", "mod", "mul", "sub", "createObject", "items", "json", "null", "objectKeys",
                "shallowMerge", "extensionResourceId", "managementGroupResourceId", "pickZones", "providers",
                "reference", "resourceGroup", "resourceId", "subscription", "subscriptionResourceId", "tenant",
                "managementGroup", "tenantResourceId", "base64", "base64ToJson", "base64ToString", "dataUri",
                "dataUriToString", "endsWith", "format", "guid", "join", "newGuid", "padLeft", "replace", "split",
                "startsWith", "string", "substring", "toLower", "toUpper", "trim", "uniqueString", "uri",
                "uriComponent", "uriComponentToString", "parseCidr", "cidrSubnet", "cidrHost");
        FunctionLibrary lib = StandardFunctions.library();
        assertThat(documented).allMatch(lib::isKnown);
    }

    @Test
    void unknownsKeepTheirSourceLocation() {
        SourceLocation at = new SourceLocation("nested/vnet.json", 40, 21);
        Value v = Expressions.evaluateJsonString("[reference('vnet').id]", new TestScope(), at);
        assertThat(((Value.Unknown) v).describe()).isEqualTo("depends on reference('vnet').id at nested/vnet.json:40:21");
    }
}
