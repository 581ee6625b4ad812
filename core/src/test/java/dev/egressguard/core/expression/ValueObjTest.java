package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Objects are immutable however they were made, and their keys compare like ARM's. */
class ValueObjTest {

    @Test
    void anObjectMadeFromAMapDoesNotFollowTheMap() {
        Map<String, Value> source = new LinkedHashMap<>(Map.of("name", Value.of("nodes")));
        Value.Obj obj = new Value.Obj(source);

        source.put("name", Value.of("changed"));

        assertThat(obj.get("NAME")).isEqualTo(Value.of("nodes"));
        assertThatThrownBy(() -> obj.fields().put("x", Value.of(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderHandsItsFieldsOverOnceAndKeepsTheirOrder() {
        Value.Obj.Builder builder = new Value.Obj.Builder()
                .put("name", Value.of("nodes"))
                .put("Type", Value.of("subnets"))
                .put("NAME", Value.of("later"))
                .removeIgnoringCase("name")
                .put("name", Value.of("last"));

        Value.Obj obj = builder.build();

        assertThat(obj.fields().keySet()).containsExactly("Type", "name");
        assertThat(obj.get("type")).isEqualTo(Value.of("subnets"));
        assertThat(obj).isEqualTo(new Value.Obj(Map.of("Type", Value.of("subnets"), "name", Value.of("last"))));
        assertThatThrownBy(() -> builder.put("x", Value.of(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("this builder has built its object; start a new one");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> obj.fields().remove("name")).isInstanceOf(UnsupportedOperationException.class);
    }
}
