package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A verbatim value recorded as one node answers every lookup as recording each of its parts would. */
class OriginsTest {

    private static final String JSON = """
            {
              "props": {
                "sku": {"name": "Standard", "tier": "Regional"},
                "rules": [
                  {"name": "https", "ports": [443, 8443], "a/b": {"x~y": true}},
                  {"name": "ssh", "ports": [22]}
                ],
                "Mixed": {"Key": "v"},
                "computed": {"id": "[resourceId('T/u', 'n')]", "list": ["[variables('v')]", 1]}
              }
            }
            """;

    private static final List<String> POINTERS = List.of("", "/props", "/PROPS", "/props/sku", "/props/sku/name",
            "/props/SKU/Tier", "/props/sku/missing", "/props/sku/name/deeper", "/props/rules", "/props/rules/0",
            "/props/rules/0/ports/1", "/props/rules/1/ports/0", "/props/rules/1/ports/1", "/props/rules/2",
            "/props/rules/00", "/props/rules/0/a~1b/x~0y", "/props/rules/0/a~1b/x~0y/z", "/props/mixed/key",
            "/props/Mixed/KEY/x", "/props/computed/id", "/props/computed/id/x", "/props/computed/list/0/y/z",
            "/props/computed/list/1", "/props/computed/list/2", "/other", "props");

    private static SourceMap.Node parsed(Value[] root) {
        LoadedJson json = ArmJsonLoader.parse(JSON.getBytes(StandardCharsets.UTF_8), "t.json").json().orElseThrow();
        root[0] = json.rootObject().get("props");
        return json.sourceMap().node("/props");
    }

    /** What the evaluator recorded before verbatim values: every part, one by one. */
    private static void eachPart(Origins.Node out, Value v, SourceMap.Node source) {
        out.from(source);
        if (v instanceof Value.Obj o) {
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                eachPart(out.member(e.getKey()), e.getValue(), source.memberOrSelf(e.getKey()));
            }
        } else if (v instanceof Value.Arr a) {
            for (int i = 0; i < a.size(); i++) {
                eachPart(out.element(i), a.get(i), source.elementOrSelf(i));
            }
        }
    }

    private static List<SourceMap.Node> answers(Origins origins) {
        List<SourceMap.Node> out = new ArrayList<>();
        for (String p : POINTERS) {
            out.add(origins.sourceOf(p));
        }
        return out;
    }

    @Test
    void theLoaderMarksWhatHasNothingToEvaluate() {
        Value[] props = new Value[1];
        SourceMap.Node node = parsed(props);
        Value.Obj obj = (Value.Obj) props[0];

        assertThat(node.isVerbatim(obj)).as("it holds expressions").isFalse();
        assertThat(node.keepsShape(obj)).isTrue();
        assertThat(node.memberOrSelf("sku").isVerbatim(obj.get("sku"))).isTrue();
        assertThat(node.memberOrSelf("sku").isVerbatim(obj.get("rules"))).as("another value").isFalse();

        LoadedJson withExpressions = ArmJsonLoader.parse("""
                {"a": {"b": "[parameters('x')]"}, "c": {"d": "[[escaped]"}, "e": {"copy": []}, "f": ["x", "[y]"],
                 "g": {"h": "plain [text]", "i": null, "j": 1.5}}
                """.getBytes(StandardCharsets.UTF_8), "t.json").json().orElseThrow();
        Value.Obj root = withExpressions.rootObject();
        SourceMap map = withExpressions.sourceMap();
        assertThat(map.node("").isVerbatim(root)).isFalse();
        assertThat(map.node("/a").isVerbatim(root.get("a"))).isFalse();
        assertThat(map.node("/c").isVerbatim(root.get("c"))).as("[[ is unescaped").isFalse();
        assertThat(map.node("/e").isVerbatim(root.get("e"))).as("copy may be a loop").isFalse();
        assertThat(map.node("/f").isVerbatim(root.get("f"))).isFalse();
        assertThat(map.node("/g").isVerbatim(root.get("g"))).isTrue();
    }

    @Test
    void theLoaderMarksWhatKeepsItsShapeWhenEvaluated() {
        LoadedJson json = ArmJsonLoader.parse("""
                {"a": {"b": "[parameters('x')]", "c": [{"d": "[e]"}]}, "f": {"g": {"copy": [{"name": "h", "input": 1}]}},
                 "i": [{"j": 1}, {"COPY": 2}], "k": {"l": "text"}}
                """.getBytes(StandardCharsets.UTF_8), "t.json").json().orElseThrow();
        Value.Obj root = json.rootObject();
        SourceMap map = json.sourceMap();

        assertThat(map.node("/a").keepsShape(root.get("a"))).isTrue();
        assertThat(map.node("/a").isVerbatim(root.get("a"))).isFalse();
        assertThat(map.node("/f").keepsShape(root.get("f"))).as("a copy member anywhere inside").isFalse();
        assertThat(map.node("/i").keepsShape(root.get("i"))).isFalse();
        assertThat(map.node("/i/0").keepsShape(((Value.Arr) root.get("i")).get(0))).isTrue();
        assertThat(map.node("/k").keepsShape(root.get("k"))).isTrue();
        assertThat(map.node("/k").keepsShape(root.get("a"))).as("another value").isFalse();
        assertThat(map.node("").keepsShape(root)).isFalse();
    }

    @Test
    void aVerbatimValueAnswersAsItsPartsRecordedOneByOne() {
        Value[] props = new Value[1];
        SourceMap.Node source = parsed(props);

        Origins eager = new Origins();
        eachPart(eager.at("/props"), props[0], source);
        Origins lazy = new Origins();
        lazy.at("/props").fromWritten(source);

        assertThat(answers(lazy)).containsExactlyElementsOf(answers(eager));
        assertThat(lazy.sourceOf("/props/sku/tier")).isSameAs(source.memberOrSelf("sku").memberOrSelf("tier"));
    }

    @Test
    void recordingBelowAVerbatimValueKeepsTheRestOfIt() {
        Value[] props = new Value[1];
        SourceMap.Node source = parsed(props);
        SourceMap.Node elsewhere = source.memberOrSelf("Mixed");

        Origins eager = new Origins();
        eachPart(eager.at("/props"), props[0], source);
        eager.at("/props/rules/0").from(elsewhere);
        eager.at("/props/rules/5/new").from(elsewhere);
        Origins lazy = new Origins();
        lazy.at("/props").fromWritten(source);
        lazy.at("/props/rules/0").from(elsewhere);
        lazy.at("/props/rules/5/new").from(elsewhere);

        assertThat(answers(lazy)).containsExactlyElementsOf(answers(eager));
        assertThat(lazy.sourceOf("/props/rules/0/ports/1")).isSameAs(eager.sourceOf("/props/rules/0/ports/1"));
        assertThat(lazy.sourceOf("/props/rules/5/new")).isSameAs(elsewhere);
    }

    @Test
    void aVerbatimValueRecordedOverPartsRecordedBeforeAnswersLikeRecordingEachAgain() {
        Value[] props = new Value[1];
        SourceMap.Node source = parsed(props);
        SourceMap.Node elsewhere = source.memberOrSelf("Mixed");

        Origins eager = new Origins();
        eager.at("/props/sku/name/extra").from(elsewhere);
        eager.at("/props/only").from(elsewhere);
        eachPart(eager.at("/props"), props[0], source);
        Origins lazy = new Origins();
        lazy.at("/props/sku/name/extra").from(elsewhere);
        lazy.at("/props/only").from(elsewhere);
        lazy.at("/props").fromWritten(source);

        assertThat(answers(lazy)).containsExactlyElementsOf(answers(eager));
        assertThat(lazy.sourceOf("/props/sku/name/extra")).isSameAs(elsewhere);
        assertThat(lazy.sourceOf("/props/only/x")).isSameAs(elsewhere);
    }
}
