package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Value.Obj#mayHoldIdOrUnknown}: readers pass an object by when it says false, so it may
 * only say false when no string that may be a resource id, no Unknown and no open object is
 * anywhere inside, however deeply nested in objects and arrays. (That every text the id parser
 * accepts counts is checked against the parser itself in the model's ReferenceWalkTest.)
 */
class IdOrUnknownSummaryTest {

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
        assertThat(Value.Obj.EMPTY.mayHoldIdOrUnknown()).isFalse();
        assertThat(obj("name", Value.of("a/b"), "count", Value.of(3), "on", Value.of(true), "none", Value.Null.INSTANCE,
                "prefix", Value.of("10.0.0.0/16"), "blank", Value.of("   "), "empty", Value.of(""),
                "path", Value.of("/home/azureuser/.ssh/authorized_keys"), "root", Value.of("/"), "p", Value.of("/provider/x"),
                "list", Value.Arr.of(Value.of("x"), Value.Arr.of(Value.of(1)), obj("k", Value.of("v"))))
                .mayHoldIdOrUnknown()).isFalse();
    }

    @Test
    void anIdAnywhereIsFoundEvenAfterLeadingWhitespaceInAnyCasing() {
        assertThat(obj("id", Value.of("/subscriptions/s")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("id", Value.of("/SUBSCRIPTIONS")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("anyKey", Value.of(" \t\n/providers/A/b/c")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("anyKey", Value.of("/x/y/PROVIDERS/A/b/c")).mayHoldIdOrUnknown()).isTrue();
        // A long s upper-cases to S, as the parser's case-insensitive comparison takes it.
        assertThat(obj("anyKey", Value.of("/x/providerſ/A/b/c")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("anyKey", Value.of("/ſubscriptions/s")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("a", obj("b", obj("c", Value.of("/providers/")))).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("a", Value.Arr.of(Value.of("x"), Value.Arr.of(Value.Arr.of(Value.of("\u0001/subscriptions/s")))))
                .mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("a", Value.Arr.of(obj("b", Value.Arr.of(Value.of("/p/providers/x/y/z")))))
                .mayHoldIdOrUnknown()).isTrue();
    }

    @Test
    void anUnknownOrAnOpenObjectAnywhereIsFound() {
        assertThat(obj("x", UNKNOWN).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("x", Value.Arr.of(Value.of(1), Value.Arr.of(UNKNOWN))).mayHoldIdOrUnknown()).isTrue();
        Value.Obj open = obj("k", Value.of("v")).opened(UNKNOWN);
        assertThat(open.mayHoldIdOrUnknown()).as("its own undeclared properties are asked through isOpen").isFalse();
        assertThat(obj("x", open).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("x", Value.Arr.of(Value.of("a"), open)).mayHoldIdOrUnknown()).isTrue();
        assertThat(new Value.Obj(Map.of("deep", obj("deeper", Value.Arr.of(UNKNOWN)))).mayHoldIdOrUnknown()).isTrue();
    }

    @Test
    void aHugeOrDeepArrayIsTakenToHoldOneRatherThanLookedThroughWhole() {
        List<Value> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Value.of("plain"));
        }
        assertThat(obj("list", new Value.Arr(many)).mayHoldIdOrUnknown()).isTrue();
        Value nested = Value.of("plain");
        for (int i = 0; i < 10_000; i++) {
            nested = Value.Arr.of(nested);
        }
        assertThat(obj("list", nested).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("small", Value.Arr.of(Value.of("a"), Value.of("b"))).mayHoldIdOrUnknown()).isFalse();
    }

    @Test
    void aCopyOrAnotherObjectOfTheSameFieldsSaysTheSame() {
        Value.Obj plain = obj("a", Value.of("b"));
        assertThat(plain.with("c", Value.of("d")).mayHoldIdOrUnknown()).isFalse();
        assertThat(plain.with("c", Value.of("/subscriptions/d")).mayHoldIdOrUnknown()).isTrue();
        assertThat(obj("a", Value.of("/subscriptions/b")).with("a", Value.of("b")).mayHoldIdOrUnknown()).isFalse();
        assertThat(new Value.Obj(Map.of("k", UNKNOWN)).mayHoldIdOrUnknown()).isTrue();
    }
}
