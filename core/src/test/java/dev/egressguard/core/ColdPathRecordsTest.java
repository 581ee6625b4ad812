package dev.egressguard.core;

import dev.egressguard.core.egress.EgressOptions;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The records whose {@code equals} and {@code hashCode} every verify calls are written out by
 * hand, so that a cold run links no {@code ObjectMethods} bootstrap (docs/performance.md, session
 * 6); written out, they must still answer as a record's own methods would.
 */
class ColdPathRecordsTest {

    @Test
    void theRecordsEveryVerifyComparesDeclareTheirOwnEqualsAndHashCode() {
        for (Class<?> type : new Class<?>[] {Value.Bool.class, Value.Obj.class, EgressOptions.class}) {
            assertThatCode(() -> type.getDeclaredMethod("equals", Object.class)).as(type.getName()).doesNotThrowAnyException();
            assertThatCode(() -> type.getDeclaredMethod("hashCode")).as(type.getName()).doesNotThrowAnyException();
        }
    }

    @Test
    void boolsAreEqualByValue() {
        assertThat(new Value.Bool(true)).isEqualTo(Value.Bool.TRUE).hasSameHashCodeAs(Value.Bool.TRUE)
                .isNotEqualTo(Value.Bool.FALSE).isNotEqualTo(Value.of("true")).isNotEqualTo(null);
        assertThat(new Value.Bool(false).hashCode()).isNotEqualTo(new Value.Bool(true).hashCode());
    }

    @Test
    void objectsAreEqualByFieldsAndRest() {
        Map<String, Value> fields = new LinkedHashMap<>(Map.of("name", Value.of("nodes")));
        Value.Obj closed = new Value.Obj(fields);
        Value.Unknown runtime = new Value.Unknown("runtime state", SourceLocation.NONE);

        assertThat(closed).isEqualTo(new Value.Obj(Map.of("name", Value.of("nodes"))))
                .hasSameHashCodeAs(new Value.Obj(Map.of("name", Value.of("nodes"))));
        assertThat(closed).isNotEqualTo(new Value.Obj(Map.of("Name", Value.of("nodes"))))
                .isNotEqualTo(new Value.Obj(Map.of("name", Value.of("other"))))
                .isNotEqualTo(closed.opened(runtime)).isNotEqualTo(Value.of("nodes"));
        assertThat(closed.opened(runtime)).isEqualTo(closed.opened(new Value.Unknown("runtime state", SourceLocation.NONE)))
                .hasSameHashCodeAs(closed.opened(new Value.Unknown("runtime state", SourceLocation.NONE)));
        assertThat(closed.opened(runtime)).isNotEqualTo(closed.opened(new Value.Unknown("other", SourceLocation.NONE)));
    }

    @Test
    void egressOptionsAreEqualByWhatTheyDeclare() {
        assertThat(EgressOptions.parse("vnet-a, vnet-b")).isEqualTo(new EgressOptions(false, Set.of("vnet-b", "vnet-a")))
                .hasSameHashCodeAs(new EgressOptions(false, Set.of("vnet-b", "vnet-a")))
                .isNotEqualTo(new EgressOptions(true, Set.of("vnet-b", "vnet-a")))
                .isNotEqualTo(EgressOptions.NONE);
        assertThat(EgressOptions.parse("false")).isEqualTo(EgressOptions.NONE).hasSameHashCodeAs(EgressOptions.NONE);
    }
}
