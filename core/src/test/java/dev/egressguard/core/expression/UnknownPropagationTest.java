package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a deployment knows stays Unknown, with its reason and place, through every
 * function whose result depends on it, and no further.
 */
class UnknownPropagationTest {

    private static final Value.Unknown VNET_ID = new Value.Unknown("depends on reference('vnet').id", Eval.AT);

    /** An Unknown that says it depends on what was read from reference('vnet'), and where. */
    private static void fromVnet(Value v) {
        assertThat(v).isInstanceOf(Value.Unknown.class);
        assertThat(((Value.Unknown) v).reason()).startsWith("depends on reference('vnet')");
        assertThat(((Value.Unknown) v).at()).isEqualTo(Eval.AT);
    }

    private static Value run(String expression) {
        return eval(expression, new TestScope());
    }

    @Test
    void functionsOfAnUnknownAreUnknownWithTheReasonAndPlace() {
        assertThat(run("[toLower(reference('vnet').subnets[0].id)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[concat('prefix-', reference('vnet').name)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[resourceId('Microsoft.Network/virtualNetworks/subnets', reference('vnet').name, 'nodes')]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[format('{0}-{1}', 'a', reference('vnet').name)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[json(string(reference('vnet')))]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[if(reference('vnet').enabled, 'a', 'b')]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[not(reference('vnet').enabled)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[length(reference('vnet').subnets)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[createArray(1, 2)[reference('vnet').index]]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[map(reference('vnet').subnets, lambda('s', lambdaVariables('s').id))]")).satisfies(UnknownPropagationTest::fromVnet);
    }

    @Test
    void readingFromAReferenceNamesWhatWasRead() {
        Value v = run("[reference('vnet').outputs.subnetIds[0]]");
        assertThat(v).isEqualTo(new Value.Unknown("depends on reference('vnet').outputs.subnetIds[0]", Eval.AT));
        Value inConcat = run("[concat('id: ', reference('vnet').properties['id'])]");
        assertThat(inConcat).isEqualTo(new Value.Unknown("depends on reference('vnet').properties['id']", Eval.AT));
        Value other = run("[listKeys('st', '2023-01-01').keys[0]]");
        assertThat(((Value.Unknown) other).reason()).isEqualTo("listKeys() is only known at deployment");
    }

    @Test
    void anUnknownInTheBranchNotTakenDoesNotMatter() {
        assertThat(run("[if(true(), 'x', reference('vnet').id)]")).isEqualTo(Value.of("x"));
        assertThat(run("[if(false(), reference('vnet').id, 'y')]")).isEqualTo(Value.of("y"));
        assertThat(run("[if(true(), reference('vnet').id, 'y')]")).satisfies(UnknownPropagationTest::fromVnet);
    }

    @Test
    void coalesceStopsAtTheFirstKnownNonNull() {
        assertThat(run("[coalesce(null(), 'a', reference('vnet').id)]")).isEqualTo(Value.of("a"));
        assertThat(run("[coalesce(null(), reference('vnet').id, 'a')]")).satisfies(UnknownPropagationTest::fromVnet);
    }

    @Test
    void andOrFollowKleeneLogic() {
        assertThat(run("[and(false(), reference('vnet').enabled)]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[and(reference('vnet').enabled, false())]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[and(true(), reference('vnet').enabled)]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[or(true(), reference('vnet').enabled)]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[or(false(), reference('vnet').enabled)]")).satisfies(UnknownPropagationTest::fromVnet);
    }

    @Test
    void arraysKeepTheirShapeAroundUnknownElements() {
        assertThat(run("[length(createArray(1, reference('vnet').id))]")).isEqualTo(Value.of(2));
        assertThat(run("[empty(createArray(reference('vnet').id))]")).isEqualTo(Value.Bool.FALSE);
        Value joined = run("[concat(createArray('a'), createArray(reference('vnet').id))]");
        assertThat(joined).isEqualTo(Value.Arr.of(Value.of("a"), VNET_ID));
        assertThat(run("[first(concat(createArray('a'), createArray(reference('vnet').id)))]")).isEqualTo(Value.of("a"));
        assertThat(run("[createArray(1, reference('vnet').id)[0]]")).isEqualTo(Value.of(1));
        assertThat(run("[take(createArray(1, reference('vnet').id), 1)]")).isEqualTo(Value.Arr.of(Value.of(1)));
        assertThat(run("[union(createArray(reference('vnet').id), createArray(1, 1))]"))
                .isEqualTo(Value.Arr.of(VNET_ID, Value.of(1)));
    }

    @Test
    void propertiesBesideAnUnknownAreKnown() {
        assertThat(run("[createObject('name', 'nat', 'id', reference('vnet').id).name]")).isEqualTo(Value.of("nat"));
        assertThat(run("[union(createObject('a', reference('vnet').id), createObject('b', 2)).b]")).isEqualTo(Value.of(2));
        assertThat(run("[contains(createObject('a', reference('vnet').id), 'a')]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[objectKeys(createObject('a', reference('vnet').id))]")).isEqualTo(Value.Arr.of(Value.of("a")));
        assertThat(run("[tryGet(createObject('a', reference('vnet').id), 'b')]")).isEqualTo(Value.Null.INSTANCE);
        assertThat(run("[createObject('a', reference('vnet').id).a]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[resourceGroup().name]")).isEqualTo(Value.of("egress-guard-rg"));
    }

    @Test
    void comparisonsDecideWhatTheKnownPartsDecide() {
        assertThat(run("[equals(createArray(1, reference('vnet').id), createArray(2, 'x'))]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[equals(createArray(1, reference('vnet').id), createArray(1, 'x'))]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[equals(createArray(reference('vnet').id), createArray(1, 2))]")).isEqualTo(Value.Bool.FALSE);
        assertThat(run("[contains(createArray('a', reference('vnet').id), 'a')]")).isEqualTo(Value.Bool.TRUE);
        assertThat(run("[contains(createArray(reference('vnet').id), 'a')]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[indexOf(createArray(reference('vnet').id, 'a'), 'a')]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[indexOf(createArray('a', reference('vnet').id), 'a')]")).isEqualTo(Value.of(0));
    }

    @Test
    void lambdasOverKnownArraysWithUnknownElements() {
        assertThat(json("[map(createArray(1, reference('vnet').id), lambda('x', 'k'))]")).isEqualTo("[\"k\",\"k\"]");
        assertThat(run("[filter(createArray(1, reference('vnet').id), lambda('x', equals(lambdaVariables('x'), 1)))]")).satisfies(UnknownPropagationTest::fromVnet);
        assertThat(run("[sort(createArray(2, reference('vnet').n), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]"))
                .satisfies(UnknownPropagationTest::fromVnet);
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
