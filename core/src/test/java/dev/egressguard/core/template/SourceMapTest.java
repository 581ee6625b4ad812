package dev.egressguard.core.template;

import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * A written expression's parse is kept on its node for that very string only: an equal
     * string read elsewhere, or a computed one, is not taken for it.
     */
    @Test
    void aNodeKeepsTheParseOfTheStringWrittenThereOnly() {
        LoadedJson json = ArmJsonLoader.parse("{\"a\": \"[concat('x', 'y')]\", \"b\": {\"c\": 1}}"
                .getBytes(StandardCharsets.UTF_8), "e.json").json().orElseThrow();
        Value.Str written = (Value.Str) ((Value.Obj) json.root()).get("a");
        SourceMap.Node node = json.sourceMap().node("/a");
        Expr parsed = Expressions.parseExpression(written.value());
        assertThat(node.parsedExpression(written)).isNull();
        node.keepParsed(written, parsed);
        assertThat(node.parsedExpression(written)).isSameAs(parsed);
        Value.Str equal = new Value.Str(written.value());
        assertThat(node.parsedExpression(equal)).isNull();
        node.keepParsed(equal, Expressions.parseExpression("[concat('other')]"));
        assertThat(node.parsedExpression(written)).isSameAs(parsed);
        SourceMap.Node object = json.sourceMap().node("/b");
        object.keepParsed(written, parsed);
        assertThat(object.parsedExpression(written)).isNull();
        assertThat(object.isVerbatim(((Value.Obj) json.root()).get("b"))).isTrue();
    }

    /** Nodes of a shared file are read by every thread evaluating it: each sees the right parse or none. */
    @Test
    void threadsSharingANodeAlwaysGetTheParseOfItsString() throws Exception {
        LoadedJson json = ArmJsonLoader.parse("{\"a\": \"[format('{0}-x', copyIndex())]\"}"
                .getBytes(StandardCharsets.UTF_8), "e.json").json().orElseThrow();
        Value.Str written = (Value.Str) ((Value.Obj) json.root()).get("a");
        Expr expected = Expressions.parseExpression(written.value());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        SourceMap.Node node = json.sourceMap().node("/a");
                        Expr e = node.parsedExpression(written);
                        if (e == null) {
                            e = Expressions.parseExpression(written.value());
                            node.keepParsed(written, e);
                        } else if (!e.equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
