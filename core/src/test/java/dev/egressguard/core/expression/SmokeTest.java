package dev.egressguard.core.expression;

import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

    @Test
    void commonFunctionsWork() {
        TestScope s = new TestScope().param("name", "\"Web\"").variable("prefix", Value.of("zone"));
        assertThat(json("[concat(variables('prefix'), '-', toLower(concat('FOO_', parameters('name'))))]", s))
                .isEqualTo("\"zone-foo_web\"");
        assertThat(json("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')]"))
                .isEqualTo("\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/egress-guard-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes\"");
        assertThat(json("[if(equals(1, 1), 'a', 'b')]")).isEqualTo("\"a\"");
        assertThat(json("[createObject('a', createArray(1, 2), 'b', json('{\"c\": true}')).b.c]")).isEqualTo("true");
        assertThat(json("[format('{0:D3}-{1,5}|{2,-3}|', 7, 'ab', 'c')]")).isEqualTo("\"007-   ab|c  |\"");
        assertThat(json("[length(union(createArray(1, 2), createArray(2, 3)))]")).isEqualTo("3");
    }
}
