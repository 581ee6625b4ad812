package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ArmJsonLoaderTest {

    private static ArmJsonLoader.Result parse(String text) {
        return ArmJsonLoader.parse(text.getBytes(StandardCharsets.UTF_8), "main.json");
    }

    @Test
    void recordsWhereEveryKeyAndValueWasWritten() {
        ArmJsonLoader.Result r = parse("""
                {
                  "resources": [
                    {
                      "type": "Microsoft.Network/virtualNetworks",
                      "name": "vnet"
                    }
                  ]
                }
                """);

        SourceMap map = r.json().orElseThrow().sourceMap();
        assertThat(map.locate("/resources")).isEqualTo(new SourceLocation("main.json", 2, 3));
        assertThat(map.locate("/resources/0")).isEqualTo(new SourceLocation("main.json", 3, 5));
        assertThat(map.locate("/resources/0/name")).isEqualTo(new SourceLocation("main.json", 5, 7));
        assertThat(map.valueAt("/resources/0/name")).isEqualTo(new SourceLocation("main.json", 5, 15));
        assertThat(map.locate("/RESOURCES/0/Name")).as("ARM keys are case-insensitive")
                .isEqualTo(new SourceLocation("main.json", 5, 7));
        assertThat(map.locateNearest("/resources/0/properties/x")).isEqualTo(new SourceLocation("main.json", 3, 5));
    }

    @Test
    void acceptsWhatAzureAccepts_commentsTrailingCommasAndRawNewlinesInStrings() {
        ArmJsonLoader.Result r = parse("""
                {
                  // a line comment
                  /* a block comment */
                  "customData": "line one
                line two",
                  "tags": ["a", "b",],
                }
                """);

        assertThat(r.diagnostics()).isEmpty();
        Value.Obj root = r.json().orElseThrow().rootObject();
        assertThat(root.get("customData")).isEqualTo(Value.of("line one\nline two"));
        assertThat(root.get("tags")).isEqualTo(Value.Arr.of(Value.of("a"), Value.of("b")));
    }

    @Test
    void readsNumbersAsArmDoes() {
        Value.Obj root = parse("{\"a\": 3, \"b\": 2.5, \"c\": 123456789012345678901234567890}").json().orElseThrow()
                .rootObject();

        assertThat(root.get("a")).isEqualTo(Value.of(3));
        assertThat(root.get("b")).isInstanceOf(Value.Num.class);
        assertThat(root.get("c")).isInstanceOf(Value.Num.class);
    }

    @Test
    void malformedJsonIsADiagnosticAtTheSpot() {
        ArmJsonLoader.Result r = parse("{\n  \"a\": 1\n  \"b\": 2\n}");

        assertThat(r.json()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.location().column()).isEqualTo(3);
            assertThat(d.toString()).startsWith("main.json:3:3: error: malformed JSON:");
        });
    }

    @Test
    void anErrorAtTheEndOfTheInputIsJustAfterTheLastCharacter_neverPastTheEndOfALine() {
        // The parser counts the line breaks of a string that never ends as columns of its first line.
        ArmJsonLoader.Result unterminated = parse("{\n  \"a\": 1,\n  \"x\": \"abc\n}\n");
        ArmJsonLoader.Result unclosed = parse("{\n  \"resources\": [\n  ");

        assertThat(unterminated.diagnostics()).singleElement().asString()
                .isEqualTo("main.json:4:2: error: malformed JSON: the file ends inside a string");
        assertThat(unclosed.diagnostics()).singleElement().asString()
                .startsWith("main.json:2:17: error: malformed JSON: the file ends before the array is closed with ']'");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndColumn() {
        byte[] bytes = "{\n  \"name\": \"ab\u0000\"\n}".getBytes(StandardCharsets.UTF_8);
        bytes[15] = (byte) 0xC3;

        ArmJsonLoader.Result r = ArmJsonLoader.parse(bytes, "main.json");

        assertThat(r.json()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(new SourceLocation("main.json", 2, 14));
            assertThat(d.message()).contains("invalid UTF-8 byte 0xC3");
        });
    }

    @Test
    void aByteOrderMarkIsFine() {
        byte[] text = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        assertThat(ArmJsonLoader.parse(bytes, "main.json").json()).isPresent();
    }

    @Test
    void aTopLevelArrayIsNotATemplate() {
        ArmJsonLoader.Result r = parse("[1, 2]");

        assertThat(r.json()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d ->
                assertThat(d.message()).isEqualTo("the top-level value is an array; an ARM template or parameter file is a JSON object"));
    }

    @Test
    void anEmptyFileSaysSo() {
        assertThat(parse("  \n").diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("the file is empty"));
        assertThat(parse("// nothing\n").diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("no JSON value"));
    }

    @Test
    void contentAfterTheDocumentIsAnError() {
        ArmJsonLoader.Result r = parse("{\"a\": 1}\n{\"b\": 2}");

        assertThat(r.json()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("after the end");
        });
    }

    @Test
    void duplicateKeysWarnAndTheLastWins() {
        ArmJsonLoader.Result r = parse("{\n\"name\": \"a\",\n\"Name\": \"b\"\n}");

        assertThat(r.json().orElseThrow().rootObject().get("name")).isEqualTo(Value.of("b"));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.message()).contains("duplicate key 'Name'");
        });
    }

    @Test
    void documentKindComesFromTheSchema() {
        assertThat(DocumentKind.ofSchema("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"))
                .isEqualTo(DocumentKind.TEMPLATE);
        assertThat(DocumentKind.ofSchema("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"))
                .isEqualTo(DocumentKind.SUBSCRIPTION_TEMPLATE);
        assertThat(DocumentKind.ofSchema("https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#"))
                .isEqualTo(DocumentKind.MANAGEMENT_GROUP_TEMPLATE);
        assertThat(DocumentKind.ofSchema("https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"))
                .isEqualTo(DocumentKind.TENANT_TEMPLATE);
        assertThat(DocumentKind.ofSchema("https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"))
                .isEqualTo(DocumentKind.PARAMETERS);
        assertThat(DocumentKind.ofSchema("http://json-schema.org/draft-07/schema#")).isEqualTo(DocumentKind.OTHER);
    }

    @Test
    void theSchemaIsReadWithoutReadingTheRestOfTheFile() {
        String schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

        assertThat(ArmJsonLoader.topLevelSchema(bytes("{\"$schema\": \"" + schema + "\", \"resources\": [ {{{ broken")))
                .as("what follows the schema is not read").contains(schema);
        assertThat(ArmJsonLoader.topLevelSchema(bytes("""
                // a comment, as Azure allows
                {"parameters": {"$schema": "nested"}, "tags": ["$schema"], "$Schema": '%s'}
                """.formatted(schema))))
                .as("nested members are skipped; the key is case-insensitive").contains(schema);
        assertThat(ArmJsonLoader.topLevelSchema(bytes("[{\"$schema\": \"" + schema + "\"}]"))).isEmpty();
        assertThat(ArmJsonLoader.topLevelSchema(bytes("{\"$schema\": 42}"))).isEmpty();
        assertThat(ArmJsonLoader.topLevelSchema(bytes("{\"name\": \"x\"}"))).isEmpty();
        assertThat(ArmJsonLoader.topLevelSchema(bytes("{\"name\": ]"))).isEmpty();
        assertThat(ArmJsonLoader.topLevelSchema(bytes(""))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainAsciiParsedFromItsBytesReadsExactlyAsTheDecodedText() {
        String text = "{\r\n  // comment\r\n  'a': {\"b\": [1, 2.5, true, null,], \"B\": \"x\"},\r\n"
                + "  \"c\": \"line one\nline two\", /* block */ \"d\": 12345678901234567890\n}\n";
        ArmJsonLoader.Result fromBytes = ArmJsonLoader.parse(text.getBytes(StandardCharsets.US_ASCII), "a.json");
        ArmJsonLoader.Result fromText = ArmJsonLoader.parse(text, "a.json");

        assertThat(fromBytes.diagnostics()).isEqualTo(fromText.diagnostics()).hasSize(1);
        LoadedJson bytes = fromBytes.json().orElseThrow();
        LoadedJson chars = fromText.json().orElseThrow();
        assertThat(bytes.root()).isEqualTo(chars.root());
        for (String p : new String[] {"", "/a", "/a/b", "/a/b/1", "/a/b/3", "/a/B", "/c", "/d", "/x"}) {
            assertThat(bytes.sourceMap().locate(p)).as(p).isEqualTo(chars.sourceMap().locate(p));
            assertThat(bytes.sourceMap().valueAt(p)).as(p).isEqualTo(chars.sourceMap().valueAt(p));
        }
    }

    @Test
    void aBrokenAsciiFileIsReportedAsTheDecodedTextWouldBe() {
        for (String text : new String[] {"{\"a\": }", "[1]", "  ", "{} {}", "{\"a\": 1e999999}", "// only\n"}) {
            assertThat(ArmJsonLoader.parse(text.getBytes(StandardCharsets.US_ASCII), "b.json").diagnostics())
                    .as(text).isEqualTo(ArmJsonLoader.parse(text, "b.json").diagnostics()).isNotEmpty();
        }
    }
}
