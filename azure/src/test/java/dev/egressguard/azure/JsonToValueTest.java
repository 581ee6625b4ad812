package dev.egressguard.azure;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonToValueTest {

    private static Value convert(String json) throws Exception {
        return JsonToValue.convert(ArmClient.JSON.readTree(json));
    }

    @Test
    void keepsEveryKeyInOrderAndLooksThemUpInAnyCasing() throws Exception {
        Value.Obj obj = (Value.Obj) convert("{\"Name\": \"nodes\", \"properties\": {\"natGateway\": {\"id\": \"/x\"}, \"zz\": null}}");

        assertThat(obj.fields().keySet()).containsExactly("Name", "properties");
        assertThat(obj.get("name")).isEqualTo(Value.of("nodes"));
        Value.Obj props = (Value.Obj) obj.get("PROPERTIES");
        assertThat(props.get("natgateway")).isEqualTo(new Value.Obj(java.util.Map.of("id", Value.of("/x"))));
        assertThat(props.get("zz")).isEqualTo(Value.Null.INSTANCE);
        assertThat(props.has("zz")).isTrue();
    }

    @Test
    void mapsNumbersWithoutLosingPrecision() throws Exception {
        Value.Arr arr = (Value.Arr) convert("[4, 9223372036854775807, 18446744073709551616, 0.1, 1e3, true, \"s\"]");

        assertThat(arr.items()).containsExactly(
                Value.of(4), Value.of(Long.MAX_VALUE), new Value.Num(new BigDecimal("18446744073709551616")),
                new Value.Num(new BigDecimal("0.1")), new Value.Num(new BigDecimal("1e3")), Value.of(true), Value.of("s"));
    }

    @Test
    void aMissingNodeIsNull() {
        assertThat(JsonToValue.convert(null)).isEqualTo(Value.Null.INSTANCE);
        assertThat(JsonToValue.object(ArmClient.JSON.getNodeFactory().textNode("x"))).isEqualTo(Value.Obj.EMPTY);
    }

    @Test
    void refusesANumberBeyondTheExponentTheCoreAccepts() throws Exception {
        assertThat(convert("[1e400, -1e-399]")).isEqualTo(new Value.Arr(java.util.List.of(
                new Value.Num(new BigDecimal("1e400")), new Value.Num(new BigDecimal("-1e-399")))));
        assertThatThrownBy(() -> JsonToValue.object(ArmClient.JSON.readTree("{\"p\": {\"n\": 1e401}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the range");
    }
}
