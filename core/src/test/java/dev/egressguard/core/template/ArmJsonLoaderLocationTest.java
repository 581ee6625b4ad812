package dev.egressguard.core.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader reads where values start from the parser's token line and column instead of a
 * {@link JsonLocation} per value; every key and value must still be where Jackson's locations
 * put them, in the byte-parsed (ASCII) and the text-parsed files alike.
 */
class ArmJsonLoaderLocationTest {

    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private static final String[] TEXTS = {
        "{\"a\": 1, \"b\": [true, null, \"x\", {\"c\": 2.5}], \"d\": {}}",
        "{\r\n  // a comment\r\n \"a\":\t[1, /* x */ \"b\",\n {\"c\" : \n true,},], 'd': 'e', \"f\": \"g\nh\", \"i\": 1e5}",
        "  \n\n   {\n\"resources\": [\n  {\"type\": \"T\",\n   \"name\": \"[concat('a', 'b')]\",\n"
                + "   \"properties\": {\"x\": [[1], [2, [3]]], \"a/b\": {\"~\": 0}}}\n ]\n}\n",
        "{\"deep\": [[[[[[{\"k\": [\"v\"]}]]]]]], \"last\"\n:\n\n  42}",
        "{\"text\": \"caf\u00e9 \u2603\", \"after\": {\"x\": [\"\u00e9\u00e9\", 1]}}",
    };

    @Test
    void everyKeyAndValueIsWhereJacksonLocatesIt() throws IOException {
        for (String text : TEXTS) {
            Map<String, int[]> expected = locations(text);
            SourceMap fromBytes = ArmJsonLoader.parse(text.getBytes(StandardCharsets.UTF_8), "t.json")
                    .json().orElseThrow().sourceMap();
            SourceMap fromText = ArmJsonLoader.parse(text, "t.json").json().orElseThrow().sourceMap();
            assertThat(expected).as(text).hasSizeGreaterThan(3);
            for (Map.Entry<String, int[]> e : expected.entrySet()) {
                int[] at = e.getValue();
                for (SourceMap map : new SourceMap[] {fromBytes, fromText}) {
                    assertThat(map.valueAt(e.getKey())).as(text + " value at " + e.getKey())
                            .isEqualTo(location(at[2], at[3]));
                    assertThat(map.locate(e.getKey())).as(text + " key at " + e.getKey())
                            .isEqualTo(location(at[0], at[1]));
                }
            }
        }
    }

    private static SourceLocation location(int line, int column) {
        return line <= 0 ? SourceLocation.of("t.json") : new SourceLocation("t.json", line, Math.max(column, 0));
    }

    /** Every value's pointer with where Jackson's locations put its key (or itself) and itself. */
    private static Map<String, int[]> locations(String text) throws IOException {
        Map<String, int[]> out = new LinkedHashMap<>();
        Deque<String> pointers = new ArrayDeque<>();
        Deque<int[]> nextIndex = new ArrayDeque<>();
        try (JsonParser p = LENIENT.createParser(text)) {
            String pending = null;
            int[] keyAt = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonLocation loc = p.currentTokenLocation();
                if (t == JsonToken.FIELD_NAME) {
                    pending = JsonPointers.escape(p.currentName());
                    keyAt = new int[] {loc.getLineNr(), loc.getColumnNr()};
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    pointers.pop();
                    nextIndex.pop();
                    continue;
                }
                String pointer;
                int[] where;
                if (pointers.isEmpty()) {
                    pointer = "";
                    where = new int[] {loc.getLineNr(), loc.getColumnNr()};
                } else if (pending != null) {
                    pointer = pointers.peek() + "/" + pending;
                    where = keyAt;
                    pending = null;
                } else {
                    pointer = pointers.peek() + "/" + nextIndex.peek()[0]++;
                    where = new int[] {loc.getLineNr(), loc.getColumnNr()};
                }
                out.put(pointer, new int[] {where[0], where[1], loc.getLineNr(), loc.getColumnNr()});
                if (t.isStructStart()) {
                    pointers.push(pointer);
                    nextIndex.push(new int[] {0});
                }
            }
        }
        return out;
    }
}
