package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.egressguard.core.rule.ConditionsFixture.eval;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operator on a present, a missing and an unknown value. */
class OperatorTest {

    private static final Resource IP = Resources.resource("Microsoft.Network/publicIPAddresses/pip", """
            {'name': 'pip', 'sku': {'name': 'Standard', 'tier': 'Regional'},
             'properties': {'publicIPAllocationMethod': 'Static', 'idleTimeoutInMinutes': 4,
                            'ratio': 0.5, 'zones': ['1', '2'], 'enabled': true, 'nothing': null,
                            'dnsSettings': {'domainNameLabel': '<unknown:reference(x) is unknown>'},
                            'ipTags': [], 'version': 'IPv4'}}
            """);

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            field: sku.name                        | equals: standard                    | TRUE
            field: sku.name                        | equals: Basic                       | FALSE
            field: sku.missing                     | equals: Basic                       | FALSE
            field: properties.dnsSettings.domainNameLabel | equals: x                  | UNKNOWN
            field: properties.idleTimeoutInMinutes | equals: 4                           | TRUE
            field: properties.idleTimeoutInMinutes | equals: 4.0                         | TRUE
            field: properties.enabled              | equals: true                        | TRUE
            field: properties.enabled              | equals: 'TRUE'                      | TRUE
            field: properties.zones                | equals: ['1', '2']                  | TRUE
            field: properties.nothing              | equals: null                        | TRUE
            field: sku.name                        | notEquals: Basic                    | TRUE
            field: sku.name                        | notEquals: STANDARD                 | FALSE
            field: sku.missing                     | notEquals: Basic                    | TRUE
            field: properties.dnsSettings.domainNameLabel | notEquals: x               | UNKNOWN
            field: sku.name                        | in: [Basic, standard]               | TRUE
            field: sku.name                        | in: [Basic]                         | FALSE
            field: sku.missing                     | in: [Basic]                         | FALSE
            field: properties.dnsSettings.domainNameLabel | in: [x]                    | UNKNOWN
            field: sku.name                        | notIn: [Basic]                      | TRUE
            field: sku.name                        | notIn: [Standard]                   | FALSE
            field: sku.missing                     | notIn: [Basic]                      | TRUE
            field: sku.name                        | exists: true                        | TRUE
            field: sku.missing                     | exists: true                        | FALSE
            field: properties.nothing              | exists: true                        | FALSE
            field: properties.dnsSettings.domainNameLabel | exists: true               | TRUE
            field: properties.dnsSettings.domainNameLabel.deeper | exists: true        | UNKNOWN
            field: sku.name                        | exists: false                       | FALSE
            field: sku.missing                     | exists: false                       | TRUE
            field: properties.dnsSettings.domainNameLabel | exists: false              | FALSE
            field: sku.name                        | contains: AND                       | TRUE
            field: sku.name                        | contains: xyz                       | FALSE
            field: properties.zones                | contains: '2'                       | TRUE
            field: properties.zones                | contains: '3'                       | FALSE
            field: sku                             | contains: TIER                      | TRUE
            field: sku.missing                     | contains: a                         | FALSE
            field: properties.dnsSettings.domainNameLabel | contains: a                | UNKNOWN
            field: sku.name                        | notContains: xyz                    | TRUE
            field: sku.name                        | notContains: tan                    | FALSE
            field: sku.missing                     | notContains: a                      | TRUE
            field: sku.name                        | startsWith: STAN                    | TRUE
            field: sku.name                        | startsWith: dard                    | FALSE
            field: sku.missing                     | startsWith: a                       | FALSE
            field: properties.dnsSettings.domainNameLabel | startsWith: a              | UNKNOWN
            field: sku.name                        | endsWith: DARD                      | TRUE
            field: sku.name                        | endsWith: stan                      | FALSE
            field: sku.missing                     | endsWith: a                         | FALSE
            field: sku.name                        | like: 'st*d'                        | TRUE
            field: sku.name                        | like: 'St?ndard'                    | TRUE
            field: sku.name                        | like: 'st*x'                        | FALSE
            field: sku.name                        | like: 'stand'                       | FALSE
            field: sku.missing                     | like: '*'                           | FALSE
            field: properties.dnsSettings.domainNameLabel | like: '*'                  | UNKNOWN
            field: sku.name                        | notLike: 'b*'                       | TRUE
            field: sku.name                        | notLike: 's*'                       | FALSE
            field: sku.missing                     | notLike: 's*'                       | TRUE
            field: sku.name                        | match: '^stan'                      | TRUE
            field: sku.name                        | match: 'dar'                        | TRUE
            field: sku.name                        | match: '^dar'                       | FALSE
            field: sku.missing                     | match: '.*'                         | FALSE
            field: properties.dnsSettings.domainNameLabel | match: '.*'                | UNKNOWN
            field: properties.idleTimeoutInMinutes | greater: 3                          | TRUE
            field: properties.idleTimeoutInMinutes | greater: 4                          | FALSE
            field: properties.ratio                | greater: 0.25                       | TRUE
            field: sku.missing                     | greater: 1                          | FALSE
            field: sku.name                        | greater: 1                          | FALSE
            field: sku.name                        | greater: Basic                      | TRUE
            field: properties.dnsSettings.domainNameLabel | greater: 1                 | UNKNOWN
            field: properties.idleTimeoutInMinutes | greaterOrEquals: 4                  | TRUE
            field: properties.idleTimeoutInMinutes | greaterOrEquals: 5                  | FALSE
            field: properties.idleTimeoutInMinutes | less: 5                             | TRUE
            field: properties.idleTimeoutInMinutes | less: 4                             | FALSE
            field: properties.idleTimeoutInMinutes | lessOrEquals: 4                     | TRUE
            field: properties.idleTimeoutInMinutes | lessOrEquals: 3                     | FALSE
            field: properties.zones[*]             | in: ['1', '2', '3']                 | TRUE
            field: properties.zones[*]             | equals: '1'                         | FALSE
            field: properties.ipTags[*]            | equals: never                       | TRUE
            field: properties.zones[0]             | equals: '1'                         | TRUE
            field: properties.zones[5]             | exists: true                        | FALSE
            field: NAME                            | equals: PIP                         | TRUE
            field: type                            | equals: microsoft.network/publicipaddresses | TRUE
            field: id                              | endsWith: /pip                      | TRUE
            field: PROPERTIES.PublicIpAllocationMethod | equals: static                  | TRUE
            value: 3                               | less: 4                             | TRUE
            value: abc                             | like: 'A*'                          | TRUE
            """)
    void operatorOnValues(String subject, String operator, Truth expected) {
        Verdict v = eval(subject + "\n" + operator, IP);
        assertThat(v.truth()).as("%s %s: %s", subject, operator, v.reasons()).isEqualTo(expected);
    }

    @Test
    void unknownCarriesTheReasonAndThePath() {
        Verdict v = eval("field: properties.dnsSettings.domainNameLabel\nequals: x", IP);
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.path()).isEqualTo("/properties/dnsSettings/domainNameLabel");
        assertThat(v.reasonText()).contains("reference(x) is unknown");
    }

    @Test
    void falseNamesTheOffendingElementAndValue() {
        Verdict v = eval("field: properties.zones[*]\nequals: '1'", IP);
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.path()).isEqualTo("/properties/zones/1");
        assertThat(v.value()).isEqualTo(dev.egressguard.core.value.Value.of("2"));
        assertThat(v.reasonText()).isEqualTo("properties.zones[1] is \"2\", expected equals \"1\"");
    }

    @Test
    void missingPropertyPointsWhereItWouldBe() {
        Verdict v = eval("field: properties.natGateway.id\nexists: true", IP);
        assertThat(v.path()).isEqualTo("/properties/natGateway/id");
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id is missing");
    }

    @ParameterizedTest(name = "setting {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            allowFirewallEgress | equals: true      | TRUE
            ALLOWFIREWALLEGRESS | equals: 'True'    | TRUE
            allowFirewallEgress | equals: false     | FALSE
            maxIps              | less: 10          | TRUE
            maxIps              | greater: 10       | FALSE
            notGiven            | exists: false     | TRUE
            notGiven            | equals: true      | FALSE
            """)
    void settings(String name, String operator, Truth expected) {
        Verdict v = eval("setting: " + name + "\n" + operator,
                Map.of("allowFirewallEgress", "true", "maxIps", "3"), IP);
        assertThat(v.truth()).isEqualTo(expected);
    }
}
