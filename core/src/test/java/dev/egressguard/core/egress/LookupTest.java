package dev.egressguard.core.egress;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LookupTest {

    private static Value.Obj obj(Object... keysAndValues) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            fields.put((String) keysAndValues[i], v instanceof Value value ? value : Value.of((String) v));
        }
        return new Value.Obj(fields);
    }

    @Test
    void aPathSpelledAsWrittenGivesTheSamePointerEveryTime() {
        Value.Obj body = obj("properties", obj("subnet", obj("id", "/x")));

        Lookup.At first = Lookup.at(body, "", "properties.subnet.id");
        Lookup.At again = Lookup.at(obj("properties", obj("subnet", obj("id", "/y"))), "", "properties.subnet.id");

        assertThat(first.value()).isEqualTo(Value.of("/x"));
        assertThat(first.pointer()).isEqualTo("/properties/subnet/id").isSameAs(again.pointer());
    }

    @Test
    void aKeySpelledOtherwiseIsFoundAndThePointerSpellsItAsTheBodyDoes() {
        Value.Obj body = obj("Properties", obj("subnet", obj("ID", "/x")));

        Lookup.At at = Lookup.at(body, "/base", "properties.subnet.id");

        assertThat(at.value()).isEqualTo(Value.of("/x"));
        assertThat(at.pointer()).isEqualTo("/base/Properties/subnet/ID");
    }

    @Test
    void aKeyNeedingEscapeIsEscapedInThePointer() {
        Value.Obj body = obj("properties", obj("A/B", obj("id", "/x")));

        assertThat(Lookup.at(body, "", "properties.a/b.id").pointer()).isEqualTo("/properties/A~1B/id");
        assertThat(Lookup.at(body, "", "properties.a~b").pointer()).isEqualTo("/properties/a~0b");
        assertThat(Lookup.at(body, "", "properties.a~b.id").pointer()).isEqualTo("/properties/a~0b/id");
        assertThat(Lookup.at(body, "", "properties.a~b.c.id").pointer()).isEqualTo("/properties/a~0b/c");
    }

    @Test
    void anAbsentKeyEndsThePointerAndAnUnknownStopsIt() {
        Value.Unknown unknown = new Value.Unknown("reference('x')", SourceLocation.NONE);
        Value.Obj body = obj("Properties", obj("subnet", unknown));

        Lookup.At absent = Lookup.at(body, "", "properties.natGateway.id");
        assertThat(absent.isAbsent()).isTrue();
        assertThat(absent.pointer()).isEqualTo("/Properties/natGateway/id");
        assertThat(Lookup.at(obj(), "", "properties.natGateway.id").pointer()).isEqualTo("/properties/natGateway");

        Lookup.At stopped = Lookup.at(body, "", "properties.subnet.id");
        assertThat(stopped.value()).isSameAs(unknown);
        assertThat(stopped.pointer()).isEqualTo("/Properties/subnet");
    }

    @Test
    void anOpenObjectsUndeclaredKeyIsUnknown() {
        Value.Obj open = obj("properties", obj().opened(new Value.Unknown("reference('vnet')", SourceLocation.NONE)));

        Lookup.At at = Lookup.at(open, "", "properties.subnet.id");

        assertThat(at.value()).isInstanceOfSatisfying(Value.Unknown.class,
                u -> assertThat(u.reason()).contains("'subnet' is not declared in reference('vnet')"));
        assertThat(at.pointer()).isEqualTo("/properties/subnet");
    }

    @Test
    void caseInsensitiveComparisonsAgreeWithLowerCasingTheText() {
        String[] texts = {"/properties/loadBalancerBackendAddresses/0", "/PROPERTIES", "/properties", "/propertie",
                "", "/propert\u0130es", "/properties/\u212Aey", "/\u212A", "natGateway", "/properties/NATgateway/id", "\u0130d", "\u0130D", "id", "Microsoft.Web/sites",
                "microsoft.web/SITES"};
        // A dotted capital I lower-cases to two characters, i and a combining dot.
        String[] lower = {"/properties/loadbalancerbackendaddresses", "/properties", "/k", "natgateway", "", "i\u0307d",
                "microsoft.web/sites"};
        for (String t : texts) {
            for (String l : lower) {
                String lowered = t.toLowerCase(java.util.Locale.ROOT);
                assertThat(Lookup.startsWithIgnoringCase(t, l)).as(t + " starts with " + l).isEqualTo(lowered.startsWith(l));
                assertThat(Lookup.equalsIgnoringCase(t, l)).as(t + " equals " + l).isEqualTo(lowered.equals(l));
                assertThat(Lookup.containsIgnoringCase(t, l)).as(t + " contains " + l).isEqualTo(lowered.contains(l));
            }
        }
    }
}
