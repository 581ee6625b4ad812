package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * and, or, if and coalesce evaluate only what Azure evaluates: an argument past the one that
 * decides them may be invalid (Bicep's {@code contains(o, 'x') && o.x} relies on it), an argument
 * that is reached is still checked.
 */
class ShortCircuitTest {

    private final TestScope scope = new TestScope().param("o", "{\"a\": 1}").param("none", "null");

    @Test
    void andStopsAtTheFirstFalse() {
        assertThat(json("[and(contains(parameters('o'), 'x'), parameters('o').x)]", scope)).isEqualTo("false");
        assertThat(json("[and(true(), false(), parameters('none')[0])]", scope)).isEqualTo("false");
    }

    @Test
    void orStopsAtTheFirstTrue() {
        assertThat(json("[or(empty(parameters('none')), parameters('none').x)]", scope)).isEqualTo("true");
    }

    @Test
    void ifEvaluatesOnlyTheBranchItTakes() {
        assertThat(json("[if(contains(parameters('o'), 'x'), parameters('o').x, 'fallback')]", scope))
                .isEqualTo("\"fallback\"");
        assertThat(json("[if(true(), 'taken', split(parameters('none'), '/'))]", scope)).isEqualTo("\"taken\"");
    }

    @Test
    void coalesceStopsAtTheFirstValueThatIsNotNull() {
        assertThat(json("[coalesce(parameters('o'), parameters('none').x)]", scope)).isEqualTo("{\"a\":1}");
        assertThat(json("[coalesce(parameters('none'), null(), 'last')]", scope)).isEqualTo("\"last\"");
    }

    @Test
    void anArgumentThatIsReached_isStillChecked() {
        assertThatThrownBy(() -> eval("[and(contains(parameters('o'), 'a'), parameters('o').x)]", scope))
                .isInstanceOf(MissingPropertyException.class).hasMessageContaining("property 'x' doesn't exist");
        assertThatThrownBy(() -> eval("[or(false(), parameters('none')[0])]", scope))
                .hasMessageContaining("Can't index Null null with Int 0");
        assertThatThrownBy(() -> eval("[if(false(), 'no', parameters('o').x)]", scope))
                .hasMessageContaining("property 'x' doesn't exist");
        assertThatThrownBy(() -> eval("[coalesce(parameters('none'), parameters('none').x)]", scope))
                .isInstanceOf(NullAccessException.class);
        assertThatThrownBy(() -> eval("[and(true(), 'yes')]", scope))
                .hasMessageContaining("'and' expects a boolean as argument 2 but got String \"yes\"");
        assertThatThrownBy(() -> eval("[or()]", scope)).hasMessageContaining("'or' expects at least 1 argument but got 0");
        assertThatThrownBy(() -> eval("[coalesce()]", scope))
                .hasMessageContaining("'coalesce' expects at least 1 argument but got 0");
    }

    @Test
    void afterAnUnknown_aFailingArgumentIsNoCertainError_theResultIsTheUnknown() {
        TestScope s = scope.param("later", Value.unknown("known at deployment", Eval.AT));

        assertThat(eval("[and(parameters('later'), parameters('o').x)]", s)).isInstanceOfSatisfying(Value.Unknown.class,
                u -> assertThat(u.reason()).isEqualTo("known at deployment"));
        assertThat(eval("[or(parameters('later'), parameters('none')[0])]", s)).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[coalesce(parameters('later'), parameters('none').x)]", s)).isInstanceOf(Value.Unknown.class);
        assertThat(json("[and(parameters('later'), false())]", s)).as("Kleene: false whatever ? is").isEqualTo("false");
        assertThat(json("[or(parameters('later'), true())]", s)).isEqualTo("true");
    }
}
