package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

class UserFunctionTest {

    private final EvaluatedTemplate t = evaluate("functions/main.json");

    @Test
    void userFunctionsComputeNames_andMayCallEachOther() {
        assertThat(Fixtures.ids(t)).contains(RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-workers");
    }

    @Test
    void aFunctionSeesOnlyItsOwnParameters() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m).contains(
                "function 'naming.leaky' cannot use variables('vnetName'): user-defined functions see only their own parameters"));
    }

    @Test
    void recursionEndsInAnErrorNotACrash() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m).contains(
                "user-defined functions call each other more than 32 levels deep (recursion?) in 'naming.forever'"));
        assertThat(t.resources()).hasSize(2);
    }
}
