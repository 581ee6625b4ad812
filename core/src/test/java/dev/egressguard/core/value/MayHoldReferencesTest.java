package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an object knows, once built, about holding references: the graph's walk skips the rest. */
class MayHoldReferencesTest {

    private static final Value.Unknown UNKNOWN = new Value.Unknown("depends on reference('vnet')", SourceLocation.NONE);

    private static Value.Obj obj(Object... keysAndValues) {
        Value.Obj.Builder b = new Value.Obj.Builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return b.build();
    }

    @Test
    void plainDataHoldsNone() {
        Value.Obj sku = obj("name", Value.of("Standard"), "tier", Value.of("Regional"), "capacity", Value.of(2));
        Value.Obj profile = obj("sku", sku, "tags", obj("team", Value.of("net")),
                "addressPrefixes", Value.Arr.of(Value.of("10.0.0.0/16")), "guid", Value.of("x"), "GUID", Value.of("y"));

        assertThat(sku.mayHoldReferences()).isFalse();
        assertThat(profile.mayHoldReferences()).isFalse();
        assertThat(Value.Obj.EMPTY.mayHoldReferences()).isFalse();
        assertThat(new Value.Obj(Map.of("name", Value.of("a"))).mayHoldReferences()).isFalse();
    }

    @Test
    void aStringUnderAReferenceKeyAtAnyDepthCounts() {
        Value.Obj subnet = obj("id", Value.of("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/a"));
        Value.Obj deep = obj("properties", obj("ipConfigurations", Value.Arr.of(obj("properties", obj("subnet", subnet)))));

        assertThat(subnet.mayHoldReferences()).isTrue();
        assertThat(deep.mayHoldReferences()).isTrue();
        assertThat(obj("vnetSubnetID", Value.of("x")).mayHoldReferences()).isTrue();
        assertThat(obj("Id", Value.of("x")).mayHoldReferences()).isTrue();
        // Copies made without the builder know the same.
        assertThat(deep.with("name", Value.of("n")).mayHoldReferences()).isTrue();
        assertThat(new Value.Obj(Map.of("a", Value.Arr.of(Value.Arr.of(subnet)))).mayHoldReferences()).isTrue();
    }

    @Test
    void unknownsAndOpenObjectsCount() {
        assertThat(obj("subnet", UNKNOWN).mayHoldReferences()).isTrue();
        assertThat(obj("pools", Value.Arr.of(Value.of(1), UNKNOWN)).mayHoldReferences()).isTrue();
        assertThat(obj("a", obj("b", obj("c", UNKNOWN))).mayHoldReferences()).isTrue();
        assertThat(obj("name", Value.of("a")).opened(UNKNOWN).mayHoldReferences()).isTrue();
        assertThat(obj("outputs", obj("name", Value.of("a")).opened(UNKNOWN)).mayHoldReferences()).isTrue();
    }

    @Test
    void theFlagDoesNotChangeEquality() {
        Value.Obj built = obj("id", Value.of("x"), "name", Value.of("n"));
        Value.Obj copied = new Value.Obj(Map.of("id", Value.of("x"), "name", Value.of("n")));

        assertThat(built).isEqualTo(copied);
        assertThat(built.hashCode()).isEqualTo(copied.hashCode());
        assertThat(built.fields()).isEqualTo(Map.of("id", Value.of("x"), "name", Value.of("n")));
    }
}
