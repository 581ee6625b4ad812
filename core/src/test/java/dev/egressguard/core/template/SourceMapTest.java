package dev.egressguard.core.template;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SourceMapTest {

    private static final SourceMap MAP = ArmJsonLoader.parse("""
            {
              "resources": [
                {"type": "T", "name": "n", "copy": {"name": "c", "count": 2}, "a/b": {"x": 1}},
                {"type": "U"}
              ]
            }
            """.getBytes(StandardCharsets.UTF_8), "m.json").json().orElseThrow().sourceMap();

    @Test
    void aPlaceOneMemberDeeperIsWhereTheLongerPointerLeads() {
        String[] pointers = {"", "/resources", "/resources/0", "/RESOURCES/0", "/resources/0/copy", "/resources/1",
                "/resources/2", "/resources/2/copy", "/missing", "/resources/0/a~1b", "no-slash"};
        String[] keys = {"type", "NAME", "copy", "count", "a/b", "x", "0", "absent"};
        for (String p : pointers) {
            SourceMap.Place place = MAP.place(p);
            assertThat(place.node()).as(p).isSameAs(MAP.node(p));
            assertThat(MAP.locate(place)).as(p).isEqualTo(MAP.locate(p));
            for (String k : keys) {
                String longer = JsonPointer.child(p, k);
                assertThat(place.member(k).node()).as(longer).isSameAs(MAP.node(longer));
                assertThat(MAP.locate(place.member(k))).as(longer).isEqualTo(MAP.locate(longer));
                assertThat(place.member(k).member("count").node()).as(longer + "/count")
                        .isSameAs(MAP.node(JsonPointer.child(longer, "count")));
            }
        }
    }
}
