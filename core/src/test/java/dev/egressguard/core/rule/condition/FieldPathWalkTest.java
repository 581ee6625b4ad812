package dev.egressguard.core.rule.condition;

import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk that reports pointers from texts made at parse time (keys spelled as the rule spells
 * them) against a plain one that builds every pointer as it goes, the way paths were followed
 * before: on random bodies (keys in other spellings, lists, Unknowns, nulls, open objects, values
 * where a list or object is expected), both must reach the same places with the same pointers.
 */
class FieldPathWalkTest {

    private static final List<String> KEYS = List.of("properties", "subnet", "id", "ipConfigurations", "a/b", "c~d", "x");
    private static final Value.Unknown UNKNOWN = new Value.Unknown("reference(x)", SourceLocation.NONE);
    private static final Value.Unknown REST = new Value.Unknown("runtime state", SourceLocation.NONE);

    @Test
    void sameHitsAsAWalkThatBuildsEveryPointer() {
        Random random = new Random(18);
        int compared = 0;
        for (int round = 0; round < 4000; round++) {
            Value body = value(random, 0);
            String path = path(random);
            FieldPath parsed = FieldPath.parse(path);
            for (String base : List.of("", "/properties/ipConfigurations/3")) {
                List<FieldPath.Hit> expected = plainWalk(parsed, body, base);
                assertThat(parsed.resolve(body, base)).as("%s on %s from '%s'", path, body, base).isEqualTo(expected);
                // Without pointers: the same values and completeness, no pointer.
                assertThat(parsed.resolve(body, base, false)).as("%s on %s, values only", path, body)
                        .isEqualTo(expected.stream().map(h -> new FieldPath.Hit("", h.value(), h.complete())).toList());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(8000);
    }

    @Test
    void aPathWithoutWildcardReachesOnePlaceEvenWhenMissing() {
        Value body = Value.Obj.EMPTY;
        FieldPath path = FieldPath.parse("properties.subnet[2].id");
        assertThat(path.hasWildcard()).isFalse();
        assertThat(path.resolve(body, "")).containsExactly(new FieldPath.Hit("/properties/subnet/2/id", null, true));
        assertThat(FieldPath.parse("properties.subnet[*].id").resolve(body, "")).isEmpty();
    }

    @Test
    void keysSpelledOtherwiseInTheBodyAreReportedAsTheBodySpellsThem() {
        Value body = obj(Map.of("Properties", obj(Map.of("SUBNET", obj(Map.of("id", Value.of("s")))))));
        assertThat(FieldPath.parse("properties.subnet.id").resolve(body, "/b"))
                .containsExactly(new FieldPath.Hit("/b/Properties/SUBNET/id", Value.of("s"), true));
        assertThat(FieldPath.parse("properties.subnet.name").resolve(body, ""))
                .containsExactly(new FieldPath.Hit("/Properties/SUBNET/name", null, true));
    }

    private static Value obj(Map<String, Value> fields) {
        return new Value.Obj(new LinkedHashMap<>(fields));
    }

    private static Value value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 8);
        switch (kind) {
            case 0:
                return Value.of("text" + random.nextInt(3));
            case 1:
                return UNKNOWN;
            case 2:
                return Value.Null.INSTANCE;
            case 3:
                return Value.of(random.nextInt(5));
            case 4:
            case 5: {
                Map<String, Value> fields = new LinkedHashMap<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    fields.put(spelling(random, KEYS.get(random.nextInt(KEYS.size()))), value(random, depth + 1));
                }
                Value.Obj o = new Value.Obj(fields);
                return random.nextInt(5) == 0 ? o.opened(REST) : o;
            }
            default: {
                List<Value> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(value(random, depth + 1));
                }
                return new Value.Arr(items);
            }
        }
    }

    private static String spelling(Random random, String key) {
        return switch (random.nextInt(4)) {
            case 0 -> key.toUpperCase();
            case 1 -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
            default -> key;
        };
    }

    private static String path(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(spelling(random, KEYS.get(random.nextInt(KEYS.size()))));
            int r = random.nextInt(6);
            if (r == 0) {
                sb.append("[*]");
            } else if (r == 1) {
                sb.append('[').append(random.nextInt(3)).append(']');
            }
        }
        return sb.toString();
    }

    // The plain walk: every step appends to the pointer, a miss scans the keys.

    private static List<FieldPath.Hit> plainWalk(FieldPath path, Value start, String base) {
        List<FieldPath.Hit> out = new ArrayList<>();
        walk(path.segments(), start, base, 0, out);
        return out;
    }

    private static void walk(List<FieldPath.Segment> segments, Value value, String pointer, int at, List<FieldPath.Hit> out) {
        if (at == segments.size()) {
            out.add(new FieldPath.Hit(pointer, value, true));
            return;
        }
        if (value instanceof Value.Unknown) {
            out.add(new FieldPath.Hit(pointer, value, false));
            return;
        }
        FieldPath.Segment s = segments.get(at);
        if (s instanceof FieldPath.Key k) {
            Value.Obj obj = value instanceof Value.Obj o ? o : null;
            String key = obj == null ? null : obj.keyOf(k.name());
            if (key != null) {
                walk(segments, obj.fields().get(key), pointer + "/" + JsonPointers.escape(key), at + 1, out);
            } else if (obj != null && obj.isOpen()) {
                out.add(new FieldPath.Hit(pointer + "/" + JsonPointers.escape(k.name()), obj.undeclared(k.name()), false));
            } else {
                missing(segments, pointer, at, out);
            }
        } else if (s instanceof FieldPath.Index idx) {
            if (value instanceof Value.Arr arr && idx.index() < arr.size()) {
                walk(segments, arr.get(idx.index()), pointer + "/" + idx.index(), at + 1, out);
            } else {
                missing(segments, pointer, at, out);
            }
        } else if (value instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                walk(segments, arr.get(i), pointer + "/" + i, at + 1, out);
            }
        } else if (value != null && value != Value.Null.INSTANCE) {
            out.add(new FieldPath.Hit(intended(segments, pointer, at), null, true));
        }
    }

    private static void missing(List<FieldPath.Segment> segments, String pointer, int at, List<FieldPath.Hit> out) {
        for (int i = at; i < segments.size(); i++) {
            if (segments.get(i) instanceof FieldPath.Each) {
                return;
            }
        }
        out.add(new FieldPath.Hit(intended(segments, pointer, at), null, true));
    }

    private static String intended(List<FieldPath.Segment> segments, String pointer, int from) {
        StringBuilder sb = new StringBuilder(pointer);
        for (int i = from; i < segments.size() && !(segments.get(i) instanceof FieldPath.Each); i++) {
            FieldPath.Segment s = segments.get(i);
            sb.append('/').append(s instanceof FieldPath.Key k ? JsonPointers.escape(k.name()) : String.valueOf(((FieldPath.Index) s).index()));
        }
        return sb.toString();
    }
}
