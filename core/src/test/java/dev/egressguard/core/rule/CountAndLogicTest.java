package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.egressguard.core.rule.ConditionsFixture.eval;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** count, and Kleene's tables for allOf, anyOf and not. */
class CountAndLogicTest {

    private static final Resource VNET = resource("Microsoft.Network/virtualNetworks/vnet", """
            {'properties': {'subnets': [
               {'name': 'a', 'properties': {'natGateway': {'id': 'x'}}},
               {'name': 'b', 'properties': {}},
               {'name': 'c', 'properties': {'natGateway': {'id': '<unknown:reference(nat)>'}}}],
             'unknownList': '<unknown:parameter subnets has no value>'}}
            """);

    private static final String T = "{value: 1, equals: 1}";
    private static final String F = "{value: 1, equals: 2}";
    private static final String U = "{field: properties.unknownList, equals: 1}";

    private static String cond(String c) {
        return switch (c) {
            case "T" -> T;
            case "F" -> F;
            default -> U;
        };
    }

    @ParameterizedTest(name = "{0} and {1} = {2}; {0} or {1} = {3}")
    @CsvSource(textBlock = """
            T, T, TRUE,    TRUE
            T, F, FALSE,   TRUE
            T, U, UNKNOWN, TRUE
            F, T, FALSE,   TRUE
            F, F, FALSE,   FALSE
            F, U, FALSE,   UNKNOWN
            U, T, UNKNOWN, TRUE
            U, F, FALSE,   UNKNOWN
            U, U, UNKNOWN, UNKNOWN
            """)
    void kleeneTables(String a, String b, Truth and, Truth or) {
        assertThat(eval("allOf: [" + cond(a) + ", " + cond(b) + "]", VNET).truth()).isEqualTo(and);
        assertThat(eval("anyOf: [" + cond(a) + ", " + cond(b) + "]", VNET).truth()).isEqualTo(or);
        assertThat(Truth.valueOf(and.name())).isEqualTo(Truth.valueOf(a.equals("T") ? "TRUE" : a.equals("F") ? "FALSE" : "UNKNOWN").and(
                Truth.valueOf(b.equals("T") ? "TRUE" : b.equals("F") ? "FALSE" : "UNKNOWN")));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            T, FALSE
            F, TRUE
            U, UNKNOWN
            """)
    void notTable(String a, Truth expected) {
        assertThat(eval("not: " + cond(a), VNET).truth()).isEqualTo(expected);
    }

    @Test
    void unknownPartsKeepTheirReasons() {
        Verdict v = eval("anyOf: [" + F + ", " + U + "]", VNET);
        assertThat(v.reasonText()).isEqualTo("properties.unknownList is unknown before deployment: parameter subnets has no value");
    }

    @Test
    void notOfTrueExplainsWhatMatched() {
        Verdict v = eval("not: {field: 'properties.subnets[0].name', equals: a}", VNET);
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.path()).isEqualTo("/properties/subnets/0/name");
        assertThat(v.reasonText()).isEqualTo("properties.subnets[0].name matches a condition it must not match (\"a\")");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            count: {field: 'properties.subnets[*]'}, equals: 3                                                       | TRUE
            count: {field: 'properties.subnets[*]'}, greater: 3                                                      | FALSE
            count: {field: 'properties.subnets[*]', where: {field: name, in: [a, b]}}, equals: 2                    | TRUE
            count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, exists: true}}, equals: 2 | TRUE
            count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, equals: x}}, greater: 0   | TRUE
            count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, equals: x}}, equals: 1    | UNKNOWN
            count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, equals: x}}, less: 3      | TRUE
            count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, equals: x}}, greater: 2   | FALSE
            count: {field: 'properties.missing[*]'}, equals: 0                                                       | TRUE
            count: {field: 'properties.unknownList[*]'}, equals: 0                                                   | UNKNOWN
            count: {field: 'properties.subnets[*]'}, in: [1, 3]                                                      | TRUE
            count: {field: 'properties.subnets[*]'}, notIn: [1, 3]                                                   | FALSE
            """)
    void count(String condition, Truth expected) {
        assertThat(eval("{" + condition + "}", VNET).truth()).isEqualTo(expected);
    }

    @Test
    void countFailureSaysTheCount() {
        Verdict v = eval("{count: {field: 'properties.subnets[*]', where: {field: properties.natGateway.id, equals: x}}, greater: 2}", VNET);
        assertThat(v.path()).isEqualTo("/properties/subnets");
        assertThat(v.reasonText()).isEqualTo("the count of properties.subnets is between 1 and 2, expected greater 2");
    }

    @Test
    void wildcardOverAnEmptyOrMissingListHoldsVacuously() {
        assertThat(eval("field: 'properties.missing[*].id'\nexists: true", VNET).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("field: 'properties.subnets[*].properties.natGateway.id'\nexists: true", VNET).truth()).isEqualTo(Truth.FALSE);
    }
}
