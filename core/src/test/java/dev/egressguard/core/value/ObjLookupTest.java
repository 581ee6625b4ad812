package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case-insensitive lookups on objects: the summary of folded key hashes may only ever rule out a
 * key no spelling of which is there, so lookups answer exactly as a scan with
 * {@link String#equalsIgnoreCase} over the keys, in key order.
 */
class ObjLookupTest {

    @Test
    void everyTwoCharactersEqualIgnoringCaseFoldAlike() {
        int pairs = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            for (int d : new int[] {Character.toUpperCase(c), Character.toLowerCase(c), Character.toTitleCase(c),
                    Character.toLowerCase(Character.toUpperCase(c))}) {
                String t = new String(Character.toChars(d));
                if (s.equalsIgnoreCase(t)) {
                    pairs++;
                    assertThat(Value.Obj.foldedHash(t)).as("U+%04X ~ U+%04X", c, d).isEqualTo(Value.Obj.foldedHash(s));
                }
            }
        }
        // Supplementary letters (Deseret) compare by code point.
        assertThat("\uD801\uDC00".equalsIgnoreCase("\uD801\uDC28")).isTrue();
        assertThat(Value.Obj.foldedHash("x\uD801\uDC00")).isEqualTo(Value.Obj.foldedHash("X\uD801\uDC28"));
        assertThat(pairs).isGreaterThan(2000);
    }

    @Test
    void lookupsAnswerAsAScanOverTheKeys() {
        List<String> names = List.of("properties", "PROPERTIES", "Properties", "subnet", "sUbNeT", "id", "ID", "\u0130d",
                "k\u212Aey", "kkey", "KKEY", "stra\u00dfe", "STRASSE", "\u00e9t\u00e9", "\u00c9T\u00c9", "x", "", "a/b");
        Random random = new Random(11);
        for (int round = 0; round < 3000; round++) {
            Map<String, Value> fields = new LinkedHashMap<>();
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                fields.put(names.get(random.nextInt(names.size())), Value.of(i));
            }
            Value.Obj obj = new Value.Obj(fields);
            for (String asked : names) {
                String expected = scan(fields, asked);
                assertThat(obj.keyOf(asked)).as("%s in %s", asked, fields.keySet()).isEqualTo(expected);
                assertThat(obj.keyOf(asked, Value.Obj.foldedHash(asked))).isEqualTo(expected);
                assertThat(obj.get(asked)).isEqualTo(expected == null ? null : fields.get(expected));
                assertThat(obj.has(asked)).isEqualTo(expected != null);
            }
            // Asked again, now that misses have made the summary: exact lookups that use it answer alike.
            for (String asked : names) {
                assertThat(obj.getSpelled(asked, Value.Obj.foldedHash(asked))).as("%s in %s", asked, fields.keySet())
                        .isEqualTo(fields.get(asked));
            }
        }
    }

    private static String scan(Map<String, Value> fields, String key) {
        if (fields.containsKey(key)) {
            return key;
        }
        for (String k : fields.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    @Test
    void fieldsCannotBeChangedThroughAnyView() {
        Value.Obj obj = new Value.Obj.Builder().put("name", Value.of("nodes")).put("type", Value.of("t")).build();
        Map<String, Value> fields = obj.fields();

        assertThatThrownBy(() -> fields.put("x", Value.of(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(fields::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.computeIfAbsent("y", k -> Value.of(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.merge("name", Value.of(2), (a, b) -> b)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.entrySet().iterator().next().setValue(Value.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.keySet().remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(obj.get("NAME")).isEqualTo(Value.of("nodes"));
        assertThat(new ArrayList<>(fields.keySet())).containsExactly("name", "type");
    }

    @Test
    void anOpenedObjectSharesItsFieldsAndEqualsWhatAMapEquals() {
        Value.Obj obj = new Value.Obj(Map.of("Name", Value.of("nodes")));
        Value.Obj open = obj.opened(new Value.Unknown("runtime state", SourceLocation.NONE));

        assertThat(open.fields()).isSameAs(obj.fields());
        assertThat(open.get("name")).isEqualTo(Value.of("nodes"));
        assertThat(obj.fields()).isEqualTo(Map.of("Name", Value.of("nodes"))).hasSameHashCodeAs(Map.of("Name", Value.of("nodes")));
        assertThat(obj.fields().toString()).isEqualTo(new LinkedHashMap<>(Map.of("Name", Value.of("nodes"))).toString());
        assertThat(obj).isEqualTo(new Value.Obj(new LinkedHashMap<>(Map.of("Name", Value.of("nodes")))));
    }

    /**
     * Fields are an array of entries (with an index past a few), not a map: whatever a builder is
     * told, the object answers as a {@link LinkedHashMap} told the same would, in order, lookups,
     * equality, hash code and text, with and without the index.
     */
    @Test
    void aBuiltObjectAnswersAsALinkedHashMapBuiltAlike() {
        Random random = new Random(29);
        for (int round = 0; round < 2000; round++) {
            Map<String, Value> model = new LinkedHashMap<>();
            Value.Obj.Builder builder = new Value.Obj.Builder(random.nextInt(3));
            int steps = random.nextInt(40);
            for (int i = 0; i < steps; i++) {
                String key = (random.nextBoolean() ? "k" : "K") + random.nextInt(20);
                if (random.nextInt(8) == 0) {
                    builder.removeIgnoringCase(key);
                    model.keySet().removeIf(k -> k.equalsIgnoreCase(key));
                } else if (random.nextInt(4) == 0 && model.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
                    builder.putNew(key, Value.of(i)); // appended past the index a put made
                    model.put(key, Value.of(i));
                } else {
                    builder.put(key, Value.of(i));
                    model.put(key, Value.of(i));
                }
            }
            Value.Obj obj = builder.build();
            Map<String, Value> fields = obj.fields();
            assertThat(new ArrayList<>(fields.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
            assertThat(new ArrayList<>(fields.values())).isEqualTo(new ArrayList<>(model.values()));
            assertThat(fields).isEqualTo(model).hasSameHashCodeAs(model).hasSize(model.size());
            assertThat(model).isEqualTo(fields);
            assertThat(fields.toString()).isEqualTo(model.toString());
            assertThat(obj).isEqualTo(new Value.Obj(model)).hasSameHashCodeAs(new Value.Obj(model));
            assertThat(obj.size()).isEqualTo(model.size());
            List<Map.Entry<String, Value>> inOrder = new ArrayList<>(model.entrySet());
            for (int i = 0; i < obj.size(); i++) {
                assertThat(obj.keyAt(i)).isSameAs(inOrder.get(i).getKey());
                assertThat(obj.valueAt(i)).isEqualTo(inOrder.get(i).getValue());
            }
            assertThatThrownBy(() -> obj.keyAt(obj.size())).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> obj.valueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            for (int k = 0; k < 20; k++) {
                for (String key : List.of("k" + k, "K" + k)) {
                    assertThat(fields.get(key)).as(key).isEqualTo(model.get(key));
                    assertThat(fields.containsKey(key)).isEqualTo(model.containsKey(key));
                    assertThat(fields.keySet().contains(key)).isEqualTo(model.containsKey(key));
                    assertThat(obj.keyOf(key)).isEqualTo(scan(model, key));
                }
            }
            assertThat(fields.get("absent")).isNull();
            assertThat(fields.get(null)).isNull();
            assertThat(fields.containsValue(Value.of(steps - 1))).isEqualTo(model.containsValue(Value.of(steps - 1)));
        }
    }

    /** Small Ints are shared instances, and every Int is what its value says, shared or not. */
    @Test
    void smallIntsAreSharedAndEqualToNewOnes() {
        for (long i : new long[] {Long.MIN_VALUE, -1, 0, 1, 17, 255, 256, 1000, Long.MAX_VALUE}) {
            Value v = Value.of(i);
            assertThat(v).isEqualTo(new Value.Int(i)).hasSameHashCodeAs(new Value.Int(i));
            assertThat(((Value.Int) v).value()).isEqualTo(i);
            if (i >= 0 && i < 256) {
                assertThat(Value.of(i)).isSameAs(v);
            }
        }
    }

    /** {@link Value.Obj#with}: a key there as spelled keeps its place; spelled otherwise, it goes last with its old spelling. */
    @Test
    void withReplacesInPlaceOrMovesAKeySpelledOtherwiseLast() {
        Value.Obj obj = new Value.Obj.Builder().put("a", Value.of(1)).put("Name", Value.of("x")).put("b", Value.of(2)).build();

        Value.Obj same = obj.with("Name", Value.of("y"));
        assertThat(new ArrayList<>(same.fields().keySet())).containsExactly("a", "Name", "b");
        assertThat(new ArrayList<>(same.fields().values())).containsExactly(Value.of(1), Value.of("y"), Value.of(2));
        assertThat(new ArrayList<>(obj.with("name", Value.of("y")).fields().keySet())).containsExactly("a", "b", "Name");
        assertThat(obj.with("name", Value.of("y")).get("NAME")).isEqualTo(Value.of("y"));
        assertThat(new ArrayList<>(obj.with("c", Value.of(3)).fields().keySet())).containsExactly("a", "Name", "b", "c");
        assertThat(new ArrayList<>(obj.fields().keySet())).containsExactly("a", "Name", "b");
    }

    /** After a miss as spelled, only another spelling of the key is found, in key order. */
    @Test
    void otherSpellingFindsTheKeyInAnotherCasingOnly() {
        Value.Obj obj = new Value.Obj(new LinkedHashMap<>(Map.of("Subnet", Value.of("a"))));
        for (int asked = 0; asked < 3; asked++) {
            // The first asks scan, later ones read the summary: all answer alike.
            assertThat(obj.otherSpelling("subnet", Value.Obj.foldedHash("subnet"))).isEqualTo("Subnet");
            assertThat(obj.otherSpelling("SUBNET", Value.Obj.foldedHash("SUBNET"))).isEqualTo("Subnet");
            assertThat(obj.otherSpelling("subnets", Value.Obj.foldedHash("subnets"))).isNull();
            assertThat(obj.get("sUbNeT")).isEqualTo(Value.of("a"));
            assertThat(obj.get("natGateway")).isNull();
        }
    }

    /** A size hint changes nothing but the map's first size: any hint, fewer or more fields, same object in the same order. */
    @Test
    void aBuilderWithASizeHintBuildsTheSameObject() {
        for (int hint : new int[] {-1, 0, 1, 3, 40}) {
            Value.Obj.Builder b = new Value.Obj.Builder(hint);
            Value.Obj.Builder plain = new Value.Obj.Builder();
            for (int i = 0; i < 20; i++) {
                b.put("k" + (19 - i), Value.of(i));
                plain.put("k" + (19 - i), Value.of(i));
            }
            Value.Obj built = b.removeIgnoringCase("K3").build();
            assertThat(built).isEqualTo(plain.removeIgnoringCase("K3").build());
            assertThat(List.copyOf(built.fields().keySet())).startsWith("k19", "k18").doesNotContain("k3").hasSize(19);
            assertThat(built.get("K0")).isEqualTo(Value.of(19));
        }
    }
}
