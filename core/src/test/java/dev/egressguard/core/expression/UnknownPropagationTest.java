package dev.egressguard.core.expression;

import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a deployment knows stays Unknown, with its reason and place, through every
 * function whose result depends on it, and no further.
 */
class UnknownPropagationTest {

    private static final Value.Unknown VNET = new Value.Unknown("depends on reference('vnet')", Eval.AT);

    private static Value run(String expression) {
        return eval(expression, new TestScope());
    }

    @Test
    void functionsOfAnUnknownAreUnknownWithTheReasonAndPlace() {
        assertThat(run("[toLower(reference('vnet').subnets[0].id)]")).isEqualTo(VNET);
        assertThat(run("[concat('prefix-', reference('vnet').name)]")).isEqualTo(VNET);
        assertThat(run("[resourceId('Microsoft.Network/virtualNetworks/subnets', reference('vnet').name, 'nodes')]")).isEqualTo(VNET);
        assertThat(run("[format('{0}-{1}', 'a', reference('vnet').name)]")).isEqualTo(VNET);
        assertThat(run("[json(string(reference('vnet')))]")).isEqualTo(VNET);
        assertThat(run("[if(reference('vnet').enabled, 'a', 'b')]")).isEqualTo(VNET);
        assertThat(run("[not(reference('vnet').enabled)]")).isEqualTo(VNET);
        assertThat(run("[length(reference('vnet').subnets)]")).isEqualTo(VNET);
        assertThat(run("[createArray(1, 2)[reference('vnet').index]]")).isEqualTo(VNET);
        assertThat(run("[map(reference('vnet').subnets, lambda('s', lambdaVariables('s').id))]")).isEqualTo(VNET);
    }

    @Test
    void anUnknownInTheBranchNotTakenDoesNotMatter() {
        assertThat(run("[if(true(), 'x', reference('vnet').id)]")).isEqualTo(Value.of("x"));
        assertThat(run("[if(false(), reference('vnet').id, 'y')]")).isEqualTo(Value.of("y"));
        assertThat(run("[if(true(), reference('vnet').id, 'y')]")).isEqualTo(VNET);
    }

    @Test
    void coalesceStopsAtTheFirstKnownNonNull() {
        assertThat(run("[coalesce(null(), 'a', reference('vnet').id)]")).isEqualTo(Value.of("a"));
        assertThat(run("[coalesce(null(), reference('vnet').id, 'a')]")).isEqualTo(VNET);
    }

    @Test
    void andOrFollowKleeneLogic() {
        assertThat(run("[and(false(), reference('vnet').enabled)]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[and(reference('vnet').enabled, false())]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[and(true(), reference('vnet').enabled)]")).isEqualTo(VNET);
        assertThat(run("[or(true(), reference('vnet').enabled)]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[or(false(), reference('vnet').enabled)]")).isEqualTo(VNET);
    }

    @Test
    void arraysKeepTheirShapeAroundUnknownElements() {
        assertThat(run("[length(createArray(1, reference('vnet').id))]")).isEqualTo(Value.of(2));
        assertThat(run("[empty(createArray(reference('vnet').id))]")).isEqualTo(Value.Bool.FALSE);
        Value joined = run("[concat(createArray('a'), createArray(reference('vnet').id))]");
        assertThat(joined).isEqualTo(Value.Arr.of(Value.of("a"), VNET));
        assertThat(run("[first(concat(createArray('a'), createArray(reference('vnet').id)))]")).isEqualTo(Value.of("a"));
        assertThat(run("[createArray(1, reference('vnet').id)[0]]")).isEqualTo(Value.of(1));
        assertThat(run("[take(createArray(1, reference('vnet').id), 1)]")).isEqualTo(Value.Arr.of(Value.of(1)));
        assertThat(run("[union(createArray(reference('vnet').id), createArray(1, 1))]"))
                .isEqualTo(Value.Arr.of(VNET, Value.of(1)));
    }

    @Test
    void propertiesBesideAnUnknownAreKnown() {
        assertThat(run("[createObject('name', 'nat', 'id', reference('vnet').id).name]")).isEqualTo(Value.of("nat"));
        assertThat(run("[union(createObject('a', reference('vnet').id), createObject('b', 2)).b]")).isEqualTo(Value.of(2));
        assertThat(run("[contains(createObject('a', reference('vnet').id), 'a')]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[objectKeys(createObject('a', reference('vnet').id))]")).isEqualTo(Value.Arr.of(Value.of("a")));
        assertThat(run("[tryGet(createObject('a', reference('vnet').id), 'b')]")).isEqualTo(Value.Null.INSTANCE);
        assertThat(run("[createObject('a', reference('vnet').id).a]")).isEqualTo(VNET);
        assertThat(run("[resourceGroup().name]")).isEqualTo(Value.of("egress-guard-rg"));
    }

    @Test
    void comparisonsDecideWhatTheKnownPartsDecide() {
        assertThat(run("[equals(createArray(1, reference('vnet').id), createArray(2, 'x'))]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[equals(createArray(1, reference('vnet').id), createArray(1, 'x'))]")).isEqualTo(VNET);
        assertThat(run("[equals(createArray(reference('vnet').id), createArray(1, 2))]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[contains(createArray('a', reference('vnet').id), 'a')]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[contains(createArray(reference('vnet').id), 'a')]")).isEqualTo(VNET);
        assertThat(run("[indexOf(createArray(reference('vnet').id, 'a'), 'a')]")).isEqualTo(VNET);
        assertThat(run("[indexOf(createArray('a', reference('vnet').id), 'a')]")).isEqualTo(Value.of(0));
    }

    @Test
    void lambdasOverKnownArraysWithUnknownElements() {
        assertThat(json("[map(createArray(1, reference('vnet').id), lambda('x', 'k'))]")).isEqualTo("[\"k\",\"k\"]");
        assertThat(run("[filter(createArray(1, reference('vnet').id), lambda('x', equals(lambdaVariables('x'), 1)))]")).isEqualTo(VNET);
        assertThat(run("[sort(createArray(2, reference('vnet').n), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]"))
                .isEqualTo(VNET);
    }

    @Test
    void listFunctionsAreUnknownButStillCheckTheirArguments() {
        Value v = run("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value]");
        assertThat(v).isInstanceOf(Value.Unknown.class);
        assertThat(((Value.Unknown) v).describe()).isEqualTo("listKeys() is only known at deployment at main.json:12:7");
    }

    @Test
    void userFunctionsReceiveUnknownArgumentsAndDecideThemselves() {
        assertThat(run("[ns.twice(21)]")).isEqualTo(Value.of(42));
    }
}
