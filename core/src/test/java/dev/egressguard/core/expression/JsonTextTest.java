package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSON text to Values as json() reads it: lenient like Newtonsoft, exact with numbers, nothing after the value. */
class JsonTextTest {

    @Test
    void objectsKeepTheirOrderAndTheLastOfADuplicateKeyWins() {
        Value v = JsonText.parse("{\"b\": 1, \"a\": [true, null, \"x\"], \"b\": 2}");

        assertThat(v).isInstanceOf(Value.Obj.class);
        Value.Obj o = (Value.Obj) v;
        assertThat(o.fields().keySet()).containsExactly("b", "a");
        assertThat(o.get("B")).isEqualTo(new Value.Int(2));
        assertThat(o.get("a")).isEqualTo(new Value.Arr(List.of(Value.of(true), Value.Null.INSTANCE, new Value.Str("x"))));
    }

    @Test
    void integersBeyond64BitsAndFractionsAreExactDecimals() {
        assertThat(JsonText.parse("9223372036854775807")).isEqualTo(new Value.Int(Long.MAX_VALUE));
        assertThat(JsonText.parse("9223372036854775808")).isEqualTo(new Value.Num(new BigDecimal("9223372036854775808")));
        assertThat(JsonText.parse("0.1")).isEqualTo(new Value.Num(new BigDecimal("0.1")));
    }

    @Test
    void singleQuotesUnquotedNamesAndCommentsAreAccepted() {
        Value v = JsonText.parse("{'one': 'a', two: /* note */ 2}");

        assertThat(((Value.Obj) v).get("one")).isEqualTo(new Value.Str("a"));
        assertThat(((Value.Obj) v).get("two")).isEqualTo(new Value.Int(2));
    }

    @Test
    void emptyTextTrailingContentAndUnclosedValuesAreRefused() {
        assertThatThrownBy(() -> JsonText.parse("  ")).isInstanceOf(ExpressionException.class)
                .hasMessage("The text is empty, not JSON");
        assertThatThrownBy(() -> JsonText.parse("{} []")).isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("The text is not valid JSON: more follows the value ([ at column 4)");
        assertThatThrownBy(() -> JsonText.parse("[1, 2")).isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("The text is not valid JSON: ");
    }
}
