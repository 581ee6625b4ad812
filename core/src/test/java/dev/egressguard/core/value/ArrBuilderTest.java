package dev.egressguard.core.value;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Arrays keep their items in one array handed over by a builder instead of a copied list in a
 * read-only view: whatever way an array is made, it answers as the read-only list of its items did.
 */
class ArrBuilderTest {

    @Test
    void aBuiltArrayAnswersAsAReadOnlyListOfTheSameItems() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(40);
            List<Value> model = new ArrayList<>();
            Value.Arr.Builder builder = new Value.Arr.Builder(random.nextInt(5));
            for (int i = 0; i < n; i++) {
                Value v = random.nextBoolean() ? Value.of(i) : Value.of("s" + i);
                model.add(v);
                builder.add(v);
            }
            Value.Arr built = builder.build();
            Value.Arr copied = new Value.Arr(model);
            List<Value> readOnly = Collections.unmodifiableList(new ArrayList<>(model));
            for (Value.Arr arr : List.of(built, copied, new Value.Arr(built.items()))) {
                assertThat(arr.items()).isEqualTo(readOnly).hasSameHashCodeAs(readOnly);
                assertThat(readOnly).isEqualTo(arr.items());
                assertThat(arr.items().toString()).isEqualTo(readOnly.toString());
                assertThat(arr.size()).isEqualTo(n);
                assertThat(arr).isEqualTo(copied).hasSameHashCodeAs(copied);
                assertThat(new ArrayList<>(arr.items())).isEqualTo(model);
                assertThatThrownBy(() -> arr.items().add(Value.of(1))).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> arr.items().set(0, Value.of(1))).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> arr.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
            }
        }
    }

    @Test
    void anArrayCopiesWhatItIsGivenAndItsBuilderLetsGo() {
        List<Value> given = new ArrayList<>(List.of(Value.of(1), Value.of(2)));
        Value.Arr arr = new Value.Arr(given);
        given.add(Value.of(3));
        assertThat(arr.size()).isEqualTo(2);
        Value.Arr.Builder builder = new Value.Arr.Builder(1).add(Value.of(1));
        builder.build();
        assertThatThrownBy(() -> builder.add(Value.of(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void putNewAppendsAsPutDoesForAKeyNotThere() {
        Value.Obj.Builder a = new Value.Obj.Builder(2);
        Value.Obj.Builder b = new Value.Obj.Builder(2);
        for (int i = 0; i < 20; i++) {
            a.put("k" + i, Value.of(i));
            b.putNew("k" + i, Value.of(i));
        }
        Value.Obj x = a.build();
        Value.Obj y = b.build();
        assertThat(y).isEqualTo(x).hasSameHashCodeAs(x);
        assertThat(new ArrayList<>(y.fields().keySet())).isEqualTo(new ArrayList<>(x.fields().keySet()));
        assertThat(y.get("K19")).isEqualTo(Value.of(19));
    }
}
