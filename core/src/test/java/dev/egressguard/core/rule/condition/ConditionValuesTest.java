package dev.egressguard.core.rule.condition;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Equality of unknown values inside the condition package: symbols, open objects, the operators over them. */
class ConditionValuesTest {

    @Test
    void theSameSymbolIsTheSameValueAndTwoSymbolsAreNotKnownToDiffer() {
        Value a = new Value.Unknown("parameter 'v' has no value", SourceLocation.NONE, Symbol.term("parameters('v')"));
        Value sameAgain = new Value.Unknown("read elsewhere", SourceLocation.NONE, Symbol.term("parameters('v')"));
        Value other = new Value.Unknown("parameter 'w' has no value", SourceLocation.NONE, Symbol.term("parameters('w')"));

        assertThat(ConditionValues.equality(a, sameAgain)).isEqualTo(Truth.TRUE);
        assertThat(ConditionValues.equality(a, other)).isEqualTo(Truth.UNKNOWN);
        assertThat(ConditionValues.equality(a, Value.of("web"))).isEqualTo(Truth.UNKNOWN);
        assertThat(ConditionValues.equality(Value.Arr.of(a, Value.of("x")), Value.Arr.of(sameAgain, Value.of("x")))).isEqualTo(Truth.TRUE);

        Operator equals = new Operator("equals", Operator.Kind.EQUALS, false, sameAgain, null);
        Operator in = new Operator("in", Operator.Kind.IN, false, Value.Arr.of(Value.of("x"), sameAgain), null);
        Operator notEquals = new Operator("notEquals", Operator.Kind.EQUALS, true, sameAgain, null);
        assertThat(equals.test(a, true)).isEqualTo(Truth.TRUE);
        assertThat(in.test(a, true)).isEqualTo(Truth.TRUE);
        assertThat(notEquals.test(a, true)).isEqualTo(Truth.FALSE);
        assertThat(equals.test(other, true)).isEqualTo(Truth.UNKNOWN);
        assertThat(equals.test(a, false)).as("an Unknown above the property is not its value").isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void anOpenObjectEqualsAClosedOneOnlyWhenTheDeploymentSaysSo() {
        Value.Unknown rest = new Value.Unknown("the runtime state of reference(lb)", SourceLocation.NONE);
        Value.Obj open = new Value.Obj(java.util.Map.of("name", Value.of("pool")), rest);

        assertThat(ConditionValues.equality(open, new Value.Obj(java.util.Map.of("name", Value.of("pool"))))).isEqualTo(Truth.UNKNOWN);
        assertThat(ConditionValues.equality(open, new Value.Obj(java.util.Map.of("name", Value.of("other"))))).isEqualTo(Truth.FALSE);
    }
}
