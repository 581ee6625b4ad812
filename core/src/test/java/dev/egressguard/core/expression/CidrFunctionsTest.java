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

/** Expected values from the examples of Azure's "CIDR functions for ARM templates" page. */
class CidrFunctionsTest {

    static Stream<Arguments> documented() {
        return Cases.of(
                "[parseCidr('10.144.0.0/20')]",
                "{\"network\":\"10.144.0.0\",\"netmask\":\"255.255.240.0\",\"broadcast\":\"10.144.15.255\","
                        + "\"firstUsable\":\"10.144.0.1\",\"lastUsable\":\"10.144.15.254\",\"cidr\":20}",
                "[parseCidr('10.144.3.17/20').network]", "\"10.144.0.0\"",
                "[parseCidr('fdad:3236:5555::/48')]",
                "{\"network\":\"fdad:3236:5555::\",\"netmask\":\"ffff:ffff:ffff::\","
                        + "\"firstUsable\":\"fdad:3236:5555::\",\"lastUsable\":\"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff\",\"cidr\":48}",
                "[map(range(0, 3), lambda('i', cidrSubnet('10.144.0.0/20', 24, lambdaVariables('i'))))]",
                "[\"10.144.0.0/24\",\"10.144.1.0/24\",\"10.144.2.0/24\"]",
                "[cidrSubnet('10.0.0.0/16', 16, 0)]", "\"10.0.0.0/16\"",
                "[cidrSubnet('fdad:3236:5555::/48', 52, 1)]", "\"fdad:3236:5555:1000::/52\"",
                "[map(range(0, 3), lambda('i', cidrHost('10.144.3.0/24', lambdaVariables('i'))))]",
                "[\"10.144.3.1\",\"10.144.3.2\",\"10.144.3.3\"]",
                "[cidrHost('10.0.0.0/31', 1)]", "\"10.0.0.1\"",
                "[cidrSubnet('fdad:3236:5555::/48', 52, 0)]", "\"fdad:3236:5555::/52\"",
                "[cidrSubnet('fdad:3236:5555::/48', 52, 4)]", "\"fdad:3236:5555:4000::/52\"",
                "[map(range(0, 3), lambda('i', cidrHost('fdad:3236:5555:3000::/52', lambdaVariables('i'))))]",
                "[\"fdad:3236:5555:3000::1\",\"fdad:3236:5555:3000::2\",\"fdad:3236:5555:3000::3\"]");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void rangesOutsideTheNetworkAreErrors() {
        assertThatThrownBy(() -> eval("[cidrSubnet('10.0.0.0/24', 16, 0)]")).hasMessageContaining("'cidrSubnet'");
        assertThatThrownBy(() -> eval("[cidrSubnet('10.0.0.0/24', 26, 4)]")).hasMessageContaining("subnet index 4");
        assertThatThrownBy(() -> eval("[cidrHost('10.0.0.0/30', 2)]")).hasMessageContaining("host index 2");
        assertThatThrownBy(() -> eval("[parseCidr('10.0.0.0')]")).hasMessageContaining("'parseCidr' expects a CIDR range");
        assertThatThrownBy(() -> eval("[parseCidr('example.com/24')]")).hasMessageContaining("'parseCidr' expects a CIDR range");
        assertThatThrownBy(() -> eval("[parseCidr('10.0.0.0/33')]")).hasMessageContaining("prefix length 33");
    }
}
