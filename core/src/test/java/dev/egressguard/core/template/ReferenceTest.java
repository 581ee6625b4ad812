package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTest {

    private final EvaluatedTemplate t = evaluate("reference/main.json");
    private final Resource nat = resource(t, "Microsoft.Network/natGateways", "nat");

    @Test
    void referenceOfAResourceOfTheTemplateGivesItsDeclaredProperties() {
        assertThat(t.diagnostics()).isEmpty();
        assertThat(at(nat, "properties.idleTimeoutInMinutes")).isEqualTo(Value.of(4));
    }

    @Test
    void fullGivesTheWholeDeclaration() {
        assertThat(at(nat, "tags.sku")).isEqualTo(Value.of("Standard"));
    }

    @Test
    void runtimeOnlyPropertiesAreUnknownWithTheExpressionAsReason() {
        assertThat(at(nat, "tags.ip")).isInstanceOfSatisfying(Value.Unknown.class, u -> {
            assertThat(u.reason()).isEqualTo("'ipAddress' is not declared in the runtime state of "
                    + "reference('egress-pip'); only the deployment knows it");
            assertThat(u.describe()).isEqualTo("'ipAddress' is not declared in the runtime state of "
                    + "reference('egress-pip'); only the deployment knows it at reference/main.json:23:15");
        });
    }

    @Test
    void aResourceOutsideTheTemplateIsUnknown() {
        assertThat(at(nat, "tags.elsewhere")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .endsWith("the resource is not declared in this template; its properties are only known at deployment"));
    }

    @Test
    void anyOtherUndeclaredPropertyReadThroughReferenceIsUnknownToo_notAnError() {
        assertThat(at(nat, "tags.readOnly")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("'ipTags' is not declared in the runtime state of reference('egress-pip'); only the "
                        + "deployment knows it"));
        assertThat(t.unknownCount()).isEqualTo(3);
    }
}
