package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Symbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.egressguard.core.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parameter without value is one unknown value: expressions over it stay symbolic, identical
 * symbols are the same value, different ones are never known to differ.
 */
class SymbolicValueTest {

    private static final String RG = "/subscriptions/" + DeploymentContext.DEFAULT_SUBSCRIPTION + "/resourceGroups/"
            + DeploymentContext.DEFAULT_RESOURCE_GROUP;

    private static TestScope scope() {
        return new TestScope()
                .param("clusterName", new Value.Unknown("parameter 'clusterName' has no value and no default", Eval.AT,
                        Symbol.term("parameters('clusterName')")))
                .param("other", new Value.Unknown("parameter 'other' has no value and no default", Eval.AT,
                        Symbol.term("parameters('other')")))
                .param("cfg", new Value.Unknown("parameter 'cfg' has no value and no default", Eval.AT,
                        Symbol.term("parameters('cfg')")))
                .reference("vnet", new Value.Unknown("depends on reference('vnet')", Eval.AT));
    }

    private static String rendered(String expression) {
        Value v = eval(expression, scope());
        assertThat(v).as(expression).isInstanceOf(Value.Unknown.class);
        Value.Unknown u = (Value.Unknown) v;
        assertThat(u.symbol()).as(expression + " has a symbol").isNotNull();
        assertThat(u.reason()).as(expression).contains("has no value and no default");
        return u.symbol().render();
    }

    @Test
    void stringsBuiltFromAParameterKeepItsPlace() {
        assertThat(rendered("[concat(parameters('clusterName'), '-vnet')]")).isEqualTo("[parameters('clusterName')]-vnet");
        assertThat(rendered("[format('{0}-vnet', parameters('clusterName'))]")).isEqualTo("[parameters('clusterName')]-vnet");
        assertThat(rendered("[concat('a-', concat(parameters('clusterName'), '-vnet'), '-b')]"))
                .isEqualTo("a-[parameters('clusterName')]-vnet-b");
    }

    @Test
    void aResourceIdBuiltFromAParameterIsTheIdOfTheResourceNamedByIt() {
        assertThat(rendered("[resourceId('Microsoft.Network/virtualNetworks/subnets', concat(parameters('clusterName'), '-vnet'), 'default')]"))
                .isEqualTo(RG + "/providers/Microsoft.Network/virtualNetworks/[parameters('clusterName')]-vnet/subnets/default");
    }

    @Test
    void theSameExpressionWrittenTwiceIsTheSameValue() {
        assertThat(eval("[equals(concat(parameters('clusterName'), '-vnet'), format('{0}-vnet', parameters('clusterName')))]",
                scope())).isEqualTo(Value.Bool.TRUE);
        assertThat(eval("[equals(parameters('clusterName'), parameters('clusterName'))]", scope())).isEqualTo(Value.Bool.TRUE);
    }

    @Test
    void differentSymbolsAreNeverKnownToDiffer() {
        assertThat(eval("[equals(parameters('clusterName'), parameters('other'))]", scope())).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[equals(parameters('clusterName'), 'x')]", scope())).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[equals(toLower(parameters('clusterName')), parameters('clusterName'))]", scope()))
                .isInstanceOf(Value.Unknown.class);
    }

    @Test
    void otherFunctionsGiveAnOpaqueTermThatNamesTheCall() {
        assertThat(rendered("[uniqueString(parameters('clusterName'))]")).isEqualTo("[uniqueString(parameters('clusterName'))]");
        assertThat(rendered("[toLower(parameters('clusterName'))]")).isEqualTo("[toLower(parameters('clusterName'))]");
        // A format item that transforms its argument is not a plain placement.
        assertThat(rendered("[format('{0,10}', parameters('clusterName'))]"))
                .isEqualTo("[format('{0,10}', parameters('clusterName'))]");
        // concat of unknowns only may join arrays: opaque, never a guessed string.
        assertThat(rendered("[concat(parameters('clusterName'), parameters('other'))]"))
                .isEqualTo("[concat(parameters('clusterName'), parameters('other'))]");
    }

    @Test
    void aTermNeverHoldsASlash_soIdSegmentsStayWhereArmPutsThem() {
        String name = rendered("[uniqueString(parameters('clusterName'), '/x/y')]");
        assertThat(name).doesNotContain("/");
        assertThat(SymbolParser.parse(name)).isPresent();
    }

    @Test
    void membersOfASymbolicObjectAreSymbolic() {
        assertThat(rendered("[parameters('cfg').name]")).isEqualTo("[parameters('cfg').name]");
        assertThat(rendered("[parameters('cfg').subnets[0]]")).isEqualTo("[parameters('cfg').subnets[0]]");
        assertThat(rendered("[parameters('cfg')['name']]")).isEqualTo("[parameters('cfg')['name']]");
    }

    @Test
    void aSymbolThatWouldGrowWithoutBoundIsDropped_theValueStaysUnknown() {
        TestScope scope = scope();
        Value v = scope.parameter("clusterName");
        for (int i = 0; i < 40; i++) {
            scope.variable("v", v);
            v = eval("[uniqueString(variables('v'), variables('v'))]", scope);
        }
        assertThat(v).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
    }

    @Test
    void ifWithAKnownConditionIsTheBranchItTakes() {
        assertThat(rendered("[if(empty(''), format('{0}-nic', parameters('clusterName')), 'x')]"))
                .isEqualTo("[parameters('clusterName')]-nic");
    }

    @Test
    void whatTheDeploymentDecidesHasNoSymbol() {
        Value v = eval("[concat(reference('vnet').name, parameters('clusterName'))]", scope());
        assertThat(v).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
        assertThat(eval("[concat(parameters('clusterName'), reference('vnet').name)]", scope()))
                .isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
        // A comparison's result is not the compared value.
        assertThat(eval("[equals(parameters('clusterName'), 'x')]", scope()))
                .isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
        assertThat(eval("[if(equals(parameters('other'), 'x'), parameters('clusterName'), 'b')]", scope()))
                .isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
        assertThat(eval("[coalesce(parameters('clusterName'), 'b')]", scope()))
                .isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.symbol()).isNull());
    }

    @Test
    void aRenderedTextReadsBackIntoTheSameSymbol() {
        Symbol s = new Symbol(List.of(new Symbol.Text("a-"), new Symbol.Term("parameters('x')"), new Symbol.Text("-b")));
        assertThat(SymbolParser.parse(s.render())).contains(s);
        assertThat(SymbolParser.parse("plain-name")).isEmpty();
        assertThat(SymbolParser.parse("subnet-[0]")).isEmpty();
        assertThat(SymbolParser.parse("name[with]brackets")).isEqualTo(Optional.empty());
        assertThat(s.expression()).isEqualTo("concat('a-', parameters('x'), '-b')");
    }
}
