package dev.egressguard.core.model;

import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph's walk passes by plain properties and whole objects that hold no id, Unknown or open
 * object ({@link Value.Obj#mayHoldIdOrUnknown}). Against random hostile bodies it must find
 * exactly what a walk into every property finds: the same references and unknown references,
 * with the same pointers, in the same order.
 */
class ReferenceWalkTest {

    private static final String SELF = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkInterfaces/self";
    private static final String[] KEYS = {"id", "ID", "subnetId", "vnetSubnetID", "properties", "name", "valid",
        "GUID", "x", "a/b", "t~1", "d", "Id", "ipConfigurations"};
    private static final String[] TEXTS = {SELF, " " + SELF, "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v",
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/a/",
        "\t/subscriptions/s/providers/Microsoft.Network/natGateways/n", "/", "/not/an/id", "plain", "10.0.0.0/16", "",
        "  ", "/providers/Microsoft.Network/publicIPAddresses/p", "/home/me/.ssh/authorized_keys",
        "/x/providerſ/Microsoft.Network/natGateways/n", " /ſubscriptions/s/resourceGroups/g"};
    private static final String[] SEGMENTS = {"", " ", "subscriptions", "SUBSCRIPTIONS", "ſubscriptions", "resourceGroups",
        "providers", "Providers", "providerſ", "PROVİDERS", "provider", "Microsoft.Network", "natGateways", "n", "x", "\t"};

    @Test
    void findsWhatAWalkIntoEveryPropertyFinds() {
        Random random = new Random(18);
        ResourceId self = ResourceId.parse(SELF).orElseThrow();
        Resource other = new Resource(ResourceId.parse(TEXTS[2]).orElseThrow(), "Microsoft.Network/virtualNetworks", "v",
                null, Value.Obj.EMPTY, null);
        int found = 0;
        for (int round = 0; round < 3000; round++) {
            Value.Obj body = (Value.Obj) object(random, 0);
            Resource from = new Resource(self, "Microsoft.Network/networkInterfaces", "self", null, body, null);

            ResourceGraph graph = ResourceGraph.of(List.of(other, from));

            List<String> expected = new ArrayList<>();
            everyProperty(body, "", self, expected);
            List<String> actual = new ArrayList<>();
            graph.referencesFrom(from).forEach(r -> actual.add("ref " + r.pointer() + " " + r.target()));
            graph.unknownReferencesFrom(from).forEach(u -> actual.add(u.site() + " " + u.pointer() + " " + u.value().reason()));
            List<String> expectedInGraphOrder = new ArrayList<>(expected.stream().filter(s -> s.startsWith("ref ")).toList());
            expectedInGraphOrder.addAll(expected.stream().filter(s -> !s.startsWith("ref ")).toList());
            assertThat(actual).as("body %s", body).isEqualTo(expectedInGraphOrder);
            found += actual.size();
        }
        assertThat(found).as("the random bodies hold references and sites to compare").isGreaterThan(1000);
    }

    @Test
    void everyTextTheIdParserTakesCountsAsAnIdInTheSummary() {
        Random random = new Random(18);
        int ids = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? " " : "");
            int segments = 1 + random.nextInt(9);
            for (int i = 0; i < segments; i++) {
                text.append(random.nextInt(12) == 0 ? "" : "/").append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            String candidate = text.toString();
            if (ResourceId.parse(candidate).isPresent()) {
                ids++;
                Value.Obj holder = new Value.Obj.Builder().put("k", Value.of(candidate)).build();
                assertThat(holder.mayHoldIdOrUnknown()).as(candidate).isTrue();
            }
        }
        assertThat(ids).isGreaterThan(1000);
    }

    private static Value object(Random random, int depth) {
        Value.Obj.Builder b = new Value.Obj.Builder();
        int size = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < size; i++) {
            b.put(KEYS[random.nextInt(KEYS.length)], any(random, depth + 1));
        }
        if (random.nextInt(12) == 0) {
            b.rest(unknown("open at depth " + depth));
        }
        return b.build();
    }

    private static Value any(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 8);
        switch (kind) {
            case 0, 1, 2:
                return Value.of(TEXTS[random.nextInt(TEXTS.length)]);
            case 3:
                return random.nextInt(4) == 0 ? unknown("unknown at depth " + depth) : Value.of(depth);
            case 4:
                return random.nextBoolean() ? Value.Null.INSTANCE : Value.of(true);
            case 5, 6:
                return object(random, depth);
            default:
                List<Value> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(any(random, depth + 1));
                }
                return new Value.Arr(items);
        }
    }

    private static Value.Unknown unknown(String reason) {
        return new Value.Unknown(reason, SourceLocation.NONE);
    }

    /** The walk as it was before it passed anything by: every property of every object and array. */
    private static void everyProperty(Value value, String pointer, ResourceId self, List<String> out) {
        if (value instanceof Value.Obj obj) {
            if (obj.isOpen()) {
                out.add("UNDECLARED " + pointer + " " + obj.rest().reason());
            }
            obj.fields().forEach((key, v) -> {
                String at = pointer + "/" + JsonPointers.escape(key);
                boolean referenceKey = ResourceGraph.isReferenceKey(key);
                if (v instanceof Value.Str s && referenceKey) {
                    ResourceId.parse(s.value()).filter(t -> !t.equals(self)).ifPresent(t -> out.add("ref " + at + " " + t));
                } else if (v instanceof Value.Unknown u) {
                    // No symbol: under a reference key an unknown id, anywhere else an unknown value.
                    out.add((referenceKey ? "ID " : "VALUE ") + at + " " + u.reason());
                } else {
                    everyProperty(v, at, self, out);
                }
            });
        } else if (value instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                String at = pointer + "/" + i;
                if (arr.get(i) instanceof Value.Unknown u) {
                    out.add("VALUE " + at + " " + u.reason());
                } else {
                    everyProperty(arr.get(i), at, self, out);
                }
            }
        }
    }
}
