package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Value.Obj#mayHoldPathOrUnknown}: readers pass an object by when it says false, so it may
 * only say false when no string that trims to a '/' start, no Unknown and no open object is
 * anywhere inside, however deeply nested in objects and arrays.
 */
class PathOrUnknownSummaryTest {

    private static final Value.Unknown UNKNOWN = new Value.Unknown("only the deployment knows", SourceLocation.NONE);

    private static Value.Obj obj(Object... keysAndValues) {
        Value.Obj.Builder b = new Value.Obj.Builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return b.build();
    }

    @Test
    void plainValuesHoldNone() {
        assertThat(Value.Obj.EMPTY.mayHoldPathOrUnknown()).isFalse();
        assertThat(obj("name", Value.of("a/b"), "count", Value.of(3), "on", Value.of(true), "none", Value.Null.INSTANCE,
                "prefix", Value.of("10.0.0.0/16"), "blank", Value.of("   "), "empty", Value.of(""),
                "list", Value.Arr.of(Value.of("x"), Value.Arr.of(Value.of(1)), obj("k", Value.of("v"))))
                .mayHoldPathOrUnknown()).isFalse();
    }

    @Test
    void aPathAnywhereIsFoundEvenAfterLeadingWhitespace() {
        assertThat(obj("id", Value.of("/subscriptions/s")).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("anyKey", Value.of(" \t\n/x")).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("a", obj("b", obj("c", Value.of("/")))).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("a", Value.Arr.of(Value.of("x"), Value.Arr.of(Value.Arr.of(Value.of("\u0001/p")))))
                .mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("a", Value.Arr.of(obj("b", Value.Arr.of(Value.of("/p"))))).mayHoldPathOrUnknown()).isTrue();
    }

    @Test
    void anUnknownOrAnOpenObjectAnywhereIsFound() {
        assertThat(obj("x", UNKNOWN).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("x", Value.Arr.of(Value.of(1), Value.Arr.of(UNKNOWN))).mayHoldPathOrUnknown()).isTrue();
        Value.Obj open = obj("k", Value.of("v")).opened(UNKNOWN);
        assertThat(open.mayHoldPathOrUnknown()).as("its own undeclared properties are asked through isOpen").isFalse();
        assertThat(obj("x", open).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("x", Value.Arr.of(Value.of("a"), open)).mayHoldPathOrUnknown()).isTrue();
        assertThat(new Value.Obj(Map.of("deep", obj("deeper", Value.Arr.of(UNKNOWN)))).mayHoldPathOrUnknown()).isTrue();
    }

    @Test
    void aHugeOrDeepArrayIsTakenToHoldOneRatherThanLookedThroughWhole() {
        List<Value> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Value.of("plain"));
        }
        assertThat(obj("list", new Value.Arr(many)).mayHoldPathOrUnknown()).isTrue();
        Value nested = Value.of("plain");
        for (int i = 0; i < 10_000; i++) {
            nested = Value.Arr.of(nested);
        }
        assertThat(obj("list", nested).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("small", Value.Arr.of(Value.of("a"), Value.of("b"))).mayHoldPathOrUnknown()).isFalse();
    }

    @Test
    void aCopyOrAnotherObjectOfTheSameFieldsSaysTheSame() {
        Value.Obj plain = obj("a", Value.of("b"));
        assertThat(plain.with("c", Value.of("d")).mayHoldPathOrUnknown()).isFalse();
        assertThat(plain.with("c", Value.of("/d")).mayHoldPathOrUnknown()).isTrue();
        assertThat(obj("a", Value.of("/b")).with("a", Value.of("b")).mayHoldPathOrUnknown()).isFalse();
        assertThat(new Value.Obj(Map.of("k", UNKNOWN)).mayHoldPathOrUnknown()).isTrue();
    }
}
