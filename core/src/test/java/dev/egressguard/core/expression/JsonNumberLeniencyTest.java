package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** json() reads numbers as Newtonsoft does, which Azure uses; what no JSON reader accepts stays an error. */
class JsonNumberLeniencyTest {

    @Test
    void aLeadingDecimalPoint_asContainerAppsWriteCpu() {
        assertThat(json("[json('.25')]")).isEqualTo("0.25");
        assertThat(json("[json('{\"cpu\": .5}').cpu]")).isEqualTo("0.5");
    }

    @Test
    void aTrailingDecimalPoint() {
        assertThat(eval("[json('1.')]")).isInstanceOfSatisfying(Value.Num.class,
                n -> assertThat(n.value()).isEqualByComparingTo("1"));
    }

    @Test
    void whatIsNoNumber_isStillAnError() {
        assertThatThrownBy(() -> eval("[json('.')]")).hasMessageContaining("'json' can't parse its argument");
        assertThatThrownBy(() -> eval("[json('1.2.3')]")).hasMessageContaining("'json' can't parse its argument");
    }
}
